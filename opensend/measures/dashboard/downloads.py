"""CSV and Excel downloads of one indicator: the figure, then each breakdown's rows.

Both are written from the same rows (`download_rows`), so they always agree with each
other and with the page. Public downloads are built from the suppressed page, so `c`
is written where the page shows `c`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from opensend.core.spreadsheets import csv_bytes, sheet_append
from opensend.measures.dashboard.areas import PeriodChoice
from opensend.measures.dashboard.indicator_page import Cell, IndicatorPage

HEADER = ("indicator", "breakdown", "group", "numerator", "denominator", "value", "unit")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _raw(cell: Cell) -> str | int | float:
    """The number itself for a spreadsheet (not "1,204"), or the text (`c`, "")."""
    if cell.suppressed or cell.number is None:
        return cell.text
    if isinstance(cell.number, int):
        return cell.number
    return float(round(cell.number, 1))


def download_rows(page: IndicatorPage) -> Iterator[tuple[str | int | float, ...]]:
    code, unit = page.indicator.code, page.indicator.unit
    yield (
        code,
        "all",
        "all",
        _raw(page.numerator),
        _raw(page.denominator),
        _raw(page.value_cell),
        unit,
    )
    for table in page.breakdowns:
        for row in table.rows:
            yield (
                code,
                table.key,
                row.group,
                _raw(row.numerator),
                _raw(row.denominator),
                _raw(row.value),
                unit,
            )


def filename(page: IndicatorPage, period_key: str, extension: str) -> str:
    return f"{page.indicator.code}-{period_key}.{extension}"


def indicator_csv(page: IndicatorPage) -> str:
    """Through the core writer: a group name typed by a person never runs as a formula."""
    return csv_bytes(HEADER, list(download_rows(page)), bom=False).decode("utf-8")


def indicator_xlsx(page: IndicatorPage, *, area_name: str, period_label: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Figures"
    sheet_append(sheet, [page.indicator.name])  # the area's name is typed by a person:
    sheet["A1"].font = Font(bold=True, size=14)  # every row through the safe writer
    sheet_append(sheet, [f"{area_name}, {period_label}"])
    sheet_append(sheet, [])
    sheet_append(sheet, HEADER, bold=True)
    for row in download_rows(page):
        sheet_append(sheet, row)
    about = book.create_sheet("Definition")
    for label, text in page.definition:
        sheet_append(about, [label, text])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_response(page: IndicatorPage, period_key: str) -> HttpResponse:
    response = HttpResponse(indicator_csv(page), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(page, period_key, "csv")}"'
    return response


def xlsx_response(page: IndicatorPage, choice: PeriodChoice, area_name: str) -> HttpResponse:
    content = indicator_xlsx(page, area_name=area_name, period_label=choice.label)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    name = filename(page, choice.key, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
