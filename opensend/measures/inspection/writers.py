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
from openpyxl.styles import Font

from opensend.measures.inspection.columns import LIST_NAMES, Cell, InspectionRow, table

__all__ = ["csv_bytes", "xlsx_bytes"]

DATE_FORMAT = "DD/MM/YYYY"


def xlsx_bytes(rows: list[InspectionRow], list_number: int) -> bytes:
    headings, cells = table(rows, list_number)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"List {list_number}"
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in cells:
        sheet.append(values)
    for column_cells in sheet.iter_cols(min_row=2):
        for cell in column_cells:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    for index, heading in enumerate(headings, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(heading) + 2))
    sheet.freeze_panes = "A2"
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
