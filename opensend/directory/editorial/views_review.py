"""Directory editors' pages: the approval queue, one change with its diff (approve or
reject), and the listings past their review date."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.directory.editorial import presenters, services
from opensend.directory.editorial import selectors as s
from opensend.directory.editorial.fields import fields_from_oruk
from opensend.directory.editorial.forms import RejectForm
from opensend.directory.editorial.review import stale_services

STALE_LIMIT = 500


@permission_required("directory.approve_revision")
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "directory/editorial/queue.html",
        {"rows": [(revision, _changes(revision)) for revision in s.approval_queue()]},
    )


def _changes(revision) -> list:
    """The fields a change touches, against the listing's published version."""
    latest = s.latest_version(revision.service)
    was = fields_from_oruk(latest.snapshot) if latest else services.fields_of(revision.service)
    return [row for row in presenters.diff_rows(was, revision.proposed) if row.changed]


def _revision_page(request: HttpRequest, revision, form: RejectForm) -> HttpResponse:
    service = revision.service
    latest = s.latest_version(service)
    was = fields_from_oruk(latest.snapshot) if latest else services.fields_of(service)
    rows = presenters.diff_rows(was, revision.proposed)
    return render_page(
        request,
        "directory/editorial/revision.html",
        {
            "revision": revision,
            "listing": service,
            "latest": latest,
            "rows": rows,
            "changed_count": sum(1 for row in rows if row.changed),
            "out_of_date": latest is not None and latest.number != revision.base_version,
            "form": form,
        },
    )


@permission_required("directory.approve_revision")
@require_GET
def revision(request: HttpRequest, revision_id: int) -> HttpResponse:
    found = s.revision_get(user=request.user, revision_id=revision_id, request=request)
    return _revision_page(request, found, RejectForm())


@permission_required("directory.approve_revision")
@require_POST
def revision_approve(request: HttpRequest, revision_id: int) -> HttpResponse:
    found = s.revision_get(user=request.user, revision_id=revision_id, request=request)
    try:
        version = services.revision_approve(editor=request.user, revision=found, today=today())
    except services.ConflictError as error:
        messages.error(request, str(error))
        return redirect("editorial:revision", found.pk)
    messages.success(
        request, f"{found.service.name}: the change is live (version {version.number})."
    )
    return redirect("editorial:queue")


@permission_required("directory.approve_revision")
@require_POST
def revision_reject(request: HttpRequest, revision_id: int) -> HttpResponse:
    found = s.revision_get(user=request.user, revision_id=revision_id, request=request)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _revision_page(request, found, form)
    try:
        services.revision_reject(
            editor=request.user, revision=found, reason=form.cleaned_data["reason"]
        )
    except services.ConflictError as error:
        messages.error(request, str(error))
        return redirect("editorial:revision", found.pk)
    messages.success(
        request, f"{found.service.name}: the change was rejected. The provider can see why."
    )
    return redirect("editorial:queue")


@permission_required("directory.review_stale_listings")
@require_GET
def stale(request: HttpRequest) -> HttpResponse:
    day = today()
    found = stale_services(day)
    return render_page(
        request,
        "directory/editorial/stale.html",
        {
            "rows": presenters.listing_rows(found[:STALE_LIMIT], day),
            "total": found.count(),
            "limit": STALE_LIMIT,
        },
    )
