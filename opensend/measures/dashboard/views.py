"""The staff dashboard: SEN managers and analysts see their own local authority's measures.

Analysts see aggregates only; the drill-down to the cases behind a number is for SEN
managers (engine's cases_behind checks the user again and audits each read).
"""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from opensend.casework.models import Stage
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.measures.dashboard import downloads, loaders, sources
from opensend.measures.dashboard.areas import period_choice, staff_local_authority
from opensend.measures.dashboard.contexts import dashboard_context, indicator_context
from opensend.measures.dashboard.presenters import indicator_or_404

STAGES = dict(Stage.choices)


def _drill_link(request: HttpRequest, code: str, period_key: str):
    if not has_perm(request.user, "measures.view_drilldown"):
        return None
    base = reverse("measures:cases", kwargs={"code": code})
    return lambda breakdown, group, part: sources.query_url(
        base,
        period=period_key,
        breakdown=breakdown,
        group=group,
        part="" if part == "numerator" else part,
    )


@permission_required("measures.view_dashboard")
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    area, day = staff_local_authority(request.user), today()
    choice = period_choice(request.GET.get("period"), day)
    context = dashboard_context(
        namespace="measures", area=area, choice=choice, day=day, action=request.path,
        heading_text="Measures", board_reports_url=reverse("measures:board_reports"),
    )  # fmt: skip
    return render_page(request, "measures/dashboard.html", context)


def _page(request: HttpRequest, code: str):
    indicator = indicator_or_404(code)
    area, day = staff_local_authority(request.user), today()
    choice = period_choice(request.GET.get("period"), day)
    return area, choice, loaders.indicator_detail(area, indicator, choice, day)


@permission_required("measures.view_dashboard")
@require_GET
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    area, choice, page = _page(request, code)
    context = indicator_context(
        namespace="measures", code=code, area=area, choice=choice, page=page, day=today(),
        drill_link=_drill_link(request, code, choice.key),
    )  # fmt: skip
    return render_page(request, "measures/indicator.html", context)


@permission_required("measures.view_dashboard")
@require_GET
def indicator_csv(request: HttpRequest, code: str) -> HttpResponse:
    _, choice, page = _page(request, code)
    return downloads.csv_response(page, choice.key)


@permission_required("measures.view_dashboard")
@require_GET
def indicator_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    area, choice, page = _page(request, code)
    return downloads.xlsx_response(page, choice, area.name)


@permission_required("measures.view_drilldown")
@require_GET
def cases(request: HttpRequest, code: str) -> HttpResponse:
    """The cases behind a number: SEN managers only (analysts never see child records)."""
    indicator_found = indicator_or_404(code)
    area = staff_local_authority(request.user)
    choice = period_choice(request.GET.get("period"), today())
    breakdown, group = request.GET.get("breakdown", ""), request.GET.get("group", "")
    part = "denominator" if request.GET.get("part") == "denominator" else "numerator"
    rows = sources.cases(
        user=request.user,
        local_authority_id=area.pk,
        code=code,
        period=choice.period,
        breakdown=breakdown or None,
        group=group or None,
        part=part,
        request=request,
    )
    return render_page(
        request,
        "measures/cases.html",
        {
            "indicator": indicator_found,
            "choice": choice,
            "area_name": area.name,
            "group_label": sources.breakdowns().get(breakdown, ""),
            "group": group,
            "rows": [
                {
                    "name": row.child_name,
                    "case_id": row.case_id,
                    "url": reverse("casework:case", kwargs={"case_id": row.case_id}),
                    "stage": STAGES.get(row.stage, row.stage),
                }
                for row in rows
            ],
            "part": part,
            "back_url": sources.query_url(
                reverse("measures:indicator", kwargs={"code": code}), period=choice.key
            ),
        },
    )
