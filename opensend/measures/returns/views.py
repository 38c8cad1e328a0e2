"""Pages for the statutory returns (SEN managers only): thin views over sen2.exports and
inspection.exports, which scope every record to the user and write the audit rows."""

import datetime as dt
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from opensend.core.audit import audit_list
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.measures.returns.inspection.columns import COLUMNS, LIST_NAMES
from opensend.measures.returns.inspection.exports import FORMATS, inspection_file, user_children
from opensend.measures.returns.presenters import sen2_report
from opensend.measures.returns.sen2.exports import managed_areas
from opensend.measures.returns.sen2.jobs import (
    latest_run,
    run_download,
    run_failures,
    sen2_run_start,
)
from opensend.measures.returns.sen2.models import RunStatus
from opensend.measures.returns.sen2.records import CENSUS_DATES
from opensend.people.models import Organisation

REPORT_LIMIT = 500  # failures listed on the page; the counts cover them all


def _area(request: HttpRequest) -> Organisation:
    areas = managed_areas(request.user)
    if not areas:
        raise Http404
    wanted = request.POST.get("la") or request.GET.get("la", "")
    return next((area for area in areas if area.la_code == wanted), areas[0])


def _census(request: HttpRequest) -> dt.date:
    """The chosen census date, or the next one from today (the last one known after)."""
    chosen = request.POST.get("census") or request.GET.get("census", "")
    for census in CENSUS_DATES:
        if census.isoformat() == chosen:
            return census
    day = today()
    return next((census for census in CENSUS_DATES if census >= day), CENSUS_DATES[-1])


@permission_required("measures.view_returns")
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render_page(request, "measures/returns_index.html", {"area": _area(request)})


def _sen2_page(request: HttpRequest, area: Organisation, census: dt.date) -> str:
    return f"{reverse('returns:sen2')}?{urlencode({'census': census, 'la': area.la_code})}"


@permission_required("measures.view_returns")
@require_http_methods(["GET", "POST"])
def sen2(request: HttpRequest) -> HttpResponse:
    area, census = _area(request), _census(request)
    if request.method == "POST":
        sen2_run_start(user=request.user, local_authority=area, census_date=census, today=today())
        return redirect(_sen2_page(request, area, census))
    run = latest_run(local_authority=area, census_date=census)
    report = None
    if run is not None and run.status == RunStatus.DONE:
        report = sen2_report(people=run.people or 0, failures=run_failures(run), limit=REPORT_LIMIT)
        audit_list(
            actor=request.user,
            child_ids=[row.child_id for row in report.rows],
            why="SEN2 return: validation report",
            request=request,
        )
    return render_page(
        request,
        "measures/returns_sen2.html",
        {
            "area": area,
            "census": census,
            "census_dates": CENSUS_DATES,
            "run": run,
            "report": report,
        },
    )


def _attachment(content: bytes, file_name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "no-store"
    return response


@permission_required("measures.view_returns")
@require_GET
def sen2_xml(request: HttpRequest) -> HttpResponse:
    """The prepared return's XML; with none prepared yet, back to the SEN2 page."""
    area, census = _area(request), _census(request)
    run = latest_run(local_authority=area, census_date=census, ready=True)
    if run is None:
        return redirect(_sen2_page(request, area, census))
    xml = run_download(run=run, actor=request.user, why="SEN2 return download", request=request)
    return _attachment(xml, run.file_name, "application/xml; charset=utf-8")


@permission_required("measures.view_returns")
@require_GET
def inspection(request: HttpRequest) -> HttpResponse:
    blank = [column.heading for column in COLUMNS if not column.held]
    return render_page(
        request,
        "measures/returns_inspection.html",
        {"area": _area(request), "lists": LIST_NAMES, "blank_columns": blank, "today": today()},
    )


@permission_required("measures.view_returns")
@require_GET
def inspection_download(request: HttpRequest) -> HttpResponse:
    area, day = _area(request), today()
    list_number = 2 if request.GET.get("list") == "2" else 1
    file_format = request.GET.get("format", "xlsx")
    if file_format not in FORMATS:
        raise Http404
    made = inspection_file(
        children=user_children(request.user, area, day),
        local_authority=area,
        list_number=list_number,
        file_format=file_format,
        on=day,
        actor=request.user,
        why=f"Inspection list {list_number} download",
        request=request,
    )
    return _attachment(made.content, made.file_name, made.content_type)
