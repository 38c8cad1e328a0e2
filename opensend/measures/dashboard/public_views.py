"""The public measures at /local-area/measures/: no sign-in, small numbers suppressed,
no drill-down, the same indicators and comparators as the staff dashboard."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.core.render import render_page
from opensend.core.today import today
from opensend.measures.dashboard import downloads, loaders, page_cache
from opensend.measures.dashboard.areas import period_choice, public_local_authority
from opensend.measures.dashboard.contexts import dashboard_context, indicator_context
from opensend.measures.dashboard.presenters import indicator_or_404


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The tiles come from the cache (page_cache.py); a newcomer gets the whole page."""
    area, day = public_local_authority(), today()
    choice = period_choice(request.GET.get("period"), day)

    def rendered() -> HttpResponse:
        context = dashboard_context(
            namespace="public_measures", area=area, choice=choice, day=day, action=request.path,
            heading_text="How the local area is doing for children and young people with SEND",
            board_reports_url=None,
        )  # fmt: skip
        return render_page(request, "measures/dashboard.html", context)

    if page_cache.is_newcomer(request):
        html = page_cache.whole_public_page(
            area, choice, day, lambda: rendered().content.decode(), action=request.path
        )
        return HttpResponse(html)
    return rendered()


def _page(request: HttpRequest, code: str):
    indicator = indicator_or_404(code)
    area, day = public_local_authority(), today()
    choice = period_choice(request.GET.get("period"), day)
    return area, choice, loaders.indicator_detail(area, indicator, choice, day, public=True)


@require_GET
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    area, choice, page = _page(request, code)
    context = indicator_context(
        namespace="public_measures", code=code, area=area, choice=choice, page=page,
        day=today(), drill_link=None,
    )  # fmt: skip
    return render_page(request, "measures/indicator.html", context)


@require_GET
def indicator_csv(request: HttpRequest, code: str) -> HttpResponse:
    _, choice, page = _page(request, code)
    return downloads.csv_response(page, choice.key)


@require_GET
def indicator_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    area, choice, page = _page(request, code)
    return downloads.xlsx_response(page, choice, area.name)
