"""Editorial pages about one listing: the list of listings, a listing, its edit form,
"still correct", a new listing, and the version history."""

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.directory.editorial import presenters, services
from opensend.directory.editorial import selectors as s
from opensend.directory.editorial.fields import FIELDS, fields_from_oruk
from opensend.directory.editorial.forms import NONE, ListingCreateForm, ListingEditForm

LIST_LIMIT = 200


@permission_required("directory.edit_listing")
@require_GET
def listings(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("search", "").strip()[:100]
    found = s.listings_for(request.user, search)
    return render_page(
        request,
        "directory/editorial/listings.html",
        {
            "rows": presenters.listing_rows(found[:LIST_LIMIT], today()),
            "total": found.count(),
            "limit": LIST_LIMIT,
            "search": search,
            "is_editor": s.is_editor(request.user),
        },
    )


@permission_required("directory.edit_listing")
@require_GET
def listing(request: HttpRequest, listing_id: uuid.UUID) -> HttpResponse:
    service = s.listing_get(user=request.user, listing_id=listing_id, request=request)
    return render_page(
        request,
        "directory/editorial/listing.html",
        {
            "listing": service,
            "review": presenters.review_of(service, today()),
            "pending": s.pending_revision(service),
            "decided": s.last_decided_revision(service),
            "summary": presenters.field_rows(services.fields_of(service)),
            "is_editor": s.is_editor(request.user),
        },
    )


@permission_required("directory.edit_listing")
def listing_edit(request: HttpRequest, listing_id: uuid.UUID) -> HttpResponse:
    service = s.listing_get(user=request.user, listing_id=listing_id, request=request)
    form = ListingEditForm(
        request.POST if request.method == "POST" else None, initial=_edit_initial(service)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.revision_submit(
                user=request.user,
                service=service,
                fields=form.listing_fields(),
                base_version=form.cleaned_data["base_version"],
                replacing=form.cleaned_data["replacing"],
            )
        except services.ConflictError as error:
            form = ListingEditForm(request.POST.copy(), initial=_edit_initial(service))
            form.is_valid()
            form.add_error(None, str(error))
            _refresh_lock(form, service)
        except services.NothingChangedError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your change was sent for approval. It is not live yet.")
            return redirect("editorial:listing", service.pk)
    return render_page(
        request, "directory/editorial/listing_edit.html", {"listing": service, "form": form}
    )


def _edit_initial(service) -> dict:
    """The form starts from the pending change if there is one, else the live listing."""
    pending = s.pending_revision(service)
    fields = dict(pending.proposed if pending else services.fields_of(service))
    for name in ("referral_route", "short_break_tier", "delivery"):
        fields[name] = fields.get(name) or NONE  # "Not given" is checked
    latest = s.latest_version(service)
    return {
        **fields,
        "base_version": latest.number if latest else 0,
        "replacing": pending.pk if pending else None,
    }


def _refresh_lock(form: ListingEditForm, service) -> None:
    """After a conflict the user has seen the latest state: a re-submission may save."""
    initial = _edit_initial(service)
    form.data["base_version"] = str(initial["base_version"] or 1)
    form.data["replacing"] = "" if initial["replacing"] is None else str(initial["replacing"])


@permission_required("directory.edit_listing")
@require_POST
def listing_confirm(request: HttpRequest, listing_id: uuid.UUID) -> HttpResponse:
    service = s.listing_get(user=request.user, listing_id=listing_id, request=request)
    services.listing_confirm(user=request.user, service=service, today=today())
    messages.success(request, "Thank you. The listing is marked as checked today.")
    return redirect("editorial:listing", service.pk)


@permission_required("directory.create_listing")
def listing_new(request: HttpRequest) -> HttpResponse:
    form = ListingCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        service = services.listing_create(
            editor=request.user,
            organization=form.cleaned_data["organization"],
            fields=form.listing_fields(),
            today=today(),
        )
        messages.success(request, "The listing was created and is live.")
        return redirect("editorial:listing", service.pk)
    return render_page(request, "directory/editorial/listing_new.html", {"form": form})


@permission_required("directory.edit_listing")
@require_GET
def listing_history(request: HttpRequest, listing_id: uuid.UUID) -> HttpResponse:
    service = s.listing_get(user=request.user, listing_id=listing_id, request=request)
    return render_page(
        request,
        "directory/editorial/history.html",
        {
            "listing": service,
            "versions": list(s.versions_of(service)),
        },
    )


@permission_required("directory.edit_listing")
@require_GET
def listing_version(
    request: HttpRequest, listing_id: uuid.UUID, version_number: int
) -> HttpResponse:
    service = s.listing_get(user=request.user, listing_id=listing_id, request=request)
    version = s.version_get(user=request.user, listing=service, number=version_number)
    previous = service.versions.filter(number__lt=version_number).order_by("-number").first()
    now = fields_from_oruk(version.snapshot)
    was = fields_from_oruk(previous.snapshot) if previous else None
    return render_page(
        request,
        "directory/editorial/version.html",
        {
            "listing": service,
            "version": version,
            "previous": previous,
            "changes": presenters.diff_rows(was, now) if was is not None else [],
            "summary": presenters.field_rows(now),
            "fields": FIELDS,
        },
    )
