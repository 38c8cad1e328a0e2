"""Pages for the statutory returns (SEN managers only): thin views over sen2.exports and
inspection.exports, which scope every record to the user and write the audit rows."""

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.core.audit import audit_list
from opensend.core.permissions import staff_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.measures.inspection.columns import COLUMNS, LIST_NAMES
from opensend.measures.inspection.exports import FORMATS, inspection_file, user_children
from opensend.measures.presenters import sen2_report
from opensend.measures.sen2.exports import managed_areas, sen2_build, sen2_download, user_cases
from opensend.measures.sen2.records import CENSUS_DATES
from opensend.people.models import Organisation, Role

REPORT_LIMIT = 500  # failures listed on the page; the counts cover them all


def _area(request: HttpRequest) -> Organisation:
    areas = managed_areas(request.user)
    if not areas:
        raise Http404
    wanted = request.GET.get("la", "")
    return next((area for area in areas if area.la_code == wanted), areas[0])


def _census(request: HttpRequest) -> dt.date:
    """The chosen census date, or the next one from today (the last one known after)."""
    chosen = request.GET.get("census", "")
    for census in CENSUS_DATES:
        if census.isoformat() == chosen:
            return census
    day = today()
    return next((census for census in CENSUS_DATES if census >= day), CENSUS_DATES[-1])


@staff_required(Role.SEN_MANAGER)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render_page(request, "measures/returns_index.html", {"area": _area(request)})


@staff_required(Role.SEN_MANAGER)
@require_GET
def sen2(request: HttpRequest) -> HttpResponse:
    area, census, day = _area(request), _census(request), today()
    export = sen2_build(
        cases=user_cases(request.user, area, day),
        local_authority=area,
        census_date=census,
        today=day,
    )
    report = sen2_report(export, limit=REPORT_LIMIT)
    audit_list(
        actor=request.user,
        child_ids=[row.child_id for row in report.rows],
        why="SEN2 return: validation report",
        request=request,
    )
    return render_page(
        request,
        "measures/returns_sen2.html",
        {"area": area, "census": census, "census_dates": CENSUS_DATES, "report": report},
    )


def _attachment(content: bytes, file_name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "no-store"
    return response


@staff_required(Role.SEN_MANAGER)
@require_GET
def sen2_xml(request: HttpRequest) -> HttpResponse:
    area, census, day = _area(request), _census(request), today()
    export = sen2_build(
        cases=user_cases(request.user, area, day),
        local_authority=area,
        census_date=census,
        today=day,
    )
    xml = sen2_download(
        export=export, actor=request.user, why="SEN2 return download", request=request
    )
    return _attachment(xml, export.file_name, "application/xml; charset=utf-8")


@staff_required(Role.SEN_MANAGER)
@require_GET
def inspection(request: HttpRequest) -> HttpResponse:
    blank = [column.heading for column in COLUMNS if not column.held]
    return render_page(
        request,
        "measures/returns_inspection.html",
        {"area": _area(request), "lists": LIST_NAMES, "blank_columns": blank, "today": today()},
    )


@staff_required(Role.SEN_MANAGER)
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
