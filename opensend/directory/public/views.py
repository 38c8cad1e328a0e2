"""The public Local Offer: no sign-in, no personal data, works without JavaScript."""

import uuid
from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.directory import models as m
from opensend.directory import selectors
from opensend.directory.editorial.review import is_stale
from opensend.directory.public import presenters, results_cache, shortlist, zero_results
from opensend.directory.public.forms import SearchForm
from opensend.directory.public.needs import ORDER, plain_need


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    categories = m.TaxonomyTerm.objects.filter(
        taxonomy__name__icontains="local offer", parent__isnull=True
    ).prefetch_related("children")
    context = {
        "form": SearchForm(),
        "categories": categories,
        "needs": [(code, plain_need(code)) for code in ORDER],
        "pages": m.InformationPage.objects.only("slug", "title", "summary"),
    }
    return render_page(request, "directory/public/start.html", context)


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    """The search page: its content comes from the cache (results_cache.py); only the
    shortlist buttons are this visitor's. The session is read only if the visitor has a
    session cookie (a visitor who never shortlisted has none), and never written."""
    page = results_cache.search_page(request.GET, _page_number(request))
    if page.zero:  # counted on every such search, cached or not
        zero_results.record(today(), *page.zero)
    csrf = get_token(request) if page.services else ""
    if results_cache.is_newcomer(request):  # the whole page is cached: no shortlist yet
        whole = results_cache.whole_page(request, page)
        return HttpResponse(whole.html(set(), request.get_full_path(), csrf))
    shortlisted = set(shortlist.saved(request)) if page.services else set()
    content = page.html(shortlisted, request.get_full_path(), csrf)
    return render_page(
        request, "directory/public/results.html", {"title": page.title, "content": content}
    )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 500))
    except ValueError:
        return 1


@require_safe
def service(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    try:
        found = selectors.service_get(service_id)
    except m.Service.DoesNotExist:
        raise Http404 from None
    if found.status != m.ServiceStatus.ACTIVE:
        raise Http404
    context = {
        "service": found,
        "details": getattr(found, "local_offer", None),
        "in_shortlist": service_id in shortlist.saved(request),
        "out_of_date": is_stale(found, today()),
        "p": presenters,
    }
    return render_page(request, "directory/public/service.html", context)


@require_safe
def shortlist_page(request: HttpRequest) -> HttpResponse:
    shared = "s" in request.GET
    ids = shortlist.parse_ids(request.GET["s"]) if shared else shortlist.saved(request)
    services = {s.id: s for s in m.Service.objects.filter(id__in=ids, status="active")
                .select_related("organization", "local_offer")
                .prefetch_related("cost_options", "phones", "contacts__phones",
                                  "service_at_locations__location__addresses")}  # fmt: skip
    listed = [services[i] for i in ids if i in services]
    share = request.build_absolute_uri(
        reverse("local_offer:shortlist") + "?s=" + ",".join(str(s.id) for s in listed)
    )
    context = {"services": listed, "shared": shared, "share_url": share, "p": presenters}
    return render_page(request, "directory/public/shortlist.html", context)


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, False):
        return target
    return fallback


def _service_id(request: HttpRequest) -> uuid.UUID:
    try:
        service_id = uuid.UUID(request.POST.get("service", ""))
    except ValueError:
        raise Http404 from None
    if not m.Service.objects.filter(id=service_id, status="active").exists():
        raise Http404
    return service_id


@require_POST
def shortlist_add(request: HttpRequest) -> HttpResponse:
    service_id = _service_id(request)
    shortlist.add(request, service_id)
    return redirect(_back(request, reverse("local_offer:service", args=[service_id])))


@require_POST
def shortlist_remove(request: HttpRequest) -> HttpResponse:
    try:
        shortlist.remove(request, uuid.UUID(request.POST.get("service", "")))
    except ValueError:
        raise Http404 from None
    return redirect(_back(request, reverse("local_offer:shortlist")))


@require_safe
def information(request: HttpRequest, slug: str) -> HttpResponse:
    page = m.InformationPage.objects.filter(slug=slug).first()
    if page is None:
        raise Http404
    context = {"page": page, "body": presenters.paragraphs(page.body)}
    return render_page(request, "directory/public/information.html", context)


@require_safe
def sen_reports(request: HttpRequest) -> HttpResponse:
    reports = m.SenInformationReport.objects.all()
    return render_page(request, "directory/public/sen_reports.html", {"reports": reports})


@permission_required("directory.view_searches_not_found")
@require_safe
def searches_not_found(request: HttpRequest) -> HttpResponse:
    since = today() - timedelta(days=90)
    rows = zero_results.most_frequent(since)
    return render_page(
        request, "directory/public/searches_not_found.html", {"rows": rows, "since": since}
    )
