"""The public measures at /local-area/measures/: no sign-in, small numbers suppressed,
no drill-down, the same indicators and comparators as the staff dashboard."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from opensend.core.render import render_page
from opensend.core.today import today
from opensend.measures.dashboard import downloads, loaders, sources
from opensend.measures.dashboard.areas import (
    period_choice,
    period_choices,
    public_local_authority,
)
from opensend.measures.dashboard.presenters import indicator_or_404


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    area, day = public_local_authority(), today()
    choice = period_choice(request.GET.get("period"), day)
    return render_page(
        request,
        "measures/dashboard.html",
        {
            "heading_text": "How the local area is doing for children and young people with SEND",
            "area_name": area.name,
            "public": True,
            "choice": choice,
            "choices": period_choices(day),
            "action": request.path,
            "sections": loaders.dashboard_tiles(area, choice, day, public=True),
            "link_for": lambda code: sources.query_url(
                reverse("public_measures:indicator", kwargs={"code": code}), period=choice.key
            ),
            "board_reports_url": None,
        },
    )


def _page(request: HttpRequest, code: str):
    indicator = indicator_or_404(code)
    area, day = public_local_authority(), today()
    choice = period_choice(request.GET.get("period"), day)
    return area, choice, loaders.indicator_detail(area, indicator, choice, day, public=True)


@require_GET
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    area, choice, page = _page(request, code)
    links = {
        name: sources.query_url(
            reverse(f"public_measures:{name}", kwargs={"code": code}), period=choice.key
        )
        for name in ("csv", "xlsx")
    }
    return render_page(
        request,
        "measures/indicator.html",
        {
            "page": page,
            "area_name": area.name,
            "public": True,
            "choice": choice,
            "choices": period_choices(today()),
            "back_url": reverse("public_measures:dashboard"),
            "drill_link": None,
            "csv_url": links["csv"],
            "xlsx_url": links["xlsx"],
        },
    )


@require_GET
def indicator_csv(request: HttpRequest, code: str) -> HttpResponse:
    _, choice, page = _page(request, code)
    return downloads.csv_response(page, choice.key)


@require_GET
def indicator_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    area, choice, page = _page(request, code)
    return downloads.xlsx_response(page, choice, area.name)
