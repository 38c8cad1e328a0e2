"""Monthly board reports: the months with stored snapshots, and each month as a PDF."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.measures.dashboard import board_report, sources
from opensend.measures.dashboard.areas import staff_local_authority


@permission_required("measures.view_dashboard")
@require_GET
def board_reports(request: HttpRequest) -> HttpResponse:
    area = staff_local_authority(request.user)
    months = [
        {
            "label": month.strftime("%B %Y"),
            "url": reverse("measures:board_report", kwargs={"month": month.strftime("%Y-%m")}),
        }
        for month in sources.snapshot_months(local_authority_id=area.pk)
    ]
    return render_page(
        request,
        "measures/board_reports.html",
        {
            "area_name": area.name,
            "months": months,
            "back_url": reverse("measures:dashboard"),
        },
    )


@permission_required("measures.view_dashboard")
@require_GET
def board_report_pdf(request: HttpRequest, month: str) -> HttpResponse:
    area = staff_local_authority(request.user)
    first_day = board_report.month_from_text(month)
    taken_on, stored = sources.month_snapshot(local_authority_id=area.pk, month=first_day)
    year = taken_on.year - 1  # the DfE's latest calendar year is the one before
    comparators = sources.comparators_many(codes=list(stored), area_code=area.ons_code, year=year)
    html = board_report.board_report_html(
        area_name=area.name,
        month=first_day,
        taken_on=taken_on,
        comparator_year=year,
        sections=board_report.board_sections(stored, comparators),
    )
    response = HttpResponse(board_report.board_report_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="board-report-{month}.pdf"'
    return response
