"""The inspection lists as files: Excel (openpyxl) and CSV.

Excel: one sheet, a bold header row, frozen below the header, dates as real dates shown
as DD/MM/YYYY, column widths set. CSV: UTF-8 with a byte-order mark (so Excel opens the
names' accents correctly), dates as YYYY-MM-DD, CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from opensend.measures.returns.inspection.columns import LIST_NAMES, Cell, InspectionRow, table

__all__ = ["csv_bytes", "xlsx_bytes"]

DATE_FORMAT = "DD/MM/YYYY"


def _cell(sheet: WriteOnlyWorksheet, value: Cell, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if bold:
        cell.font = Font(bold=True)
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell


def xlsx_bytes(rows: list[InspectionRow], list_number: int) -> bytes:
    """Written in openpyxl's write-only mode: several times faster for 10,000+ rows."""
    headings, cells = table(rows, list_number)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(f"List {list_number}")
    for index, heading in enumerate(headings, start=1):
        width = max(12, min(40, len(heading) + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, heading, bold=True) for heading in headings])
    for values in cells:
        sheet.append(
            [_cell(sheet, value) if isinstance(value, date) else value for value in values]
        )
    book.properties.title = LIST_NAMES[list_number]
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def csv_bytes(rows: list[InspectionRow], list_number: int) -> bytes:
    headings, cells = table(rows, list_number)
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows([_csv_cell(value) for value in values] for values in cells)
    return output.getvalue().encode("utf-8-sig")
