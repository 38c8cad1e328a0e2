"""The inspection lists as files, through the core spreadsheet writer (formula-safe cells).

Excel: ONE workbook in the Annex A template's shape: sheets ``List_1`` and ``List_2`` with
the template's headings and column order, dates as real Excel dates (shown DD/MM/YYYY), and
a ``Notes`` sheet saying which columns OpenSEND leaves empty and why. CSV: one file per list
with the same headings, UTF-8 with a byte-order mark, dates YYYY-MM-DD, CRLF line ends.
"""

from __future__ import annotations

from datetime import date

from opensend.core.spreadsheets import Sheet, csv_bytes, workbook_bytes
from opensend.measures.returns.inspection.columns import (
    LIST_NAMES,
    InspectionRow,
    columns_for,
    table,
)

__all__ = ["NOTES_SHEET", "SHEET_NAMES", "csv_list_bytes", "workbook_lists_bytes"]

SHEET_NAMES = {1: "List_1", 2: "List_2"}
NOTES_SHEET = "Notes"


def _notes(on: date) -> Sheet:
    rows: list[list[str | date | None]] = [
        ["Lists as they stand on", on],
        *([name, SHEET_NAMES[number]] for number, name in LIST_NAMES.items()),
    ]
    for number in LIST_NAMES:
        for column in columns_for(number):
            if not column.held:
                rows.append([f"{SHEET_NAMES[number]}: {column.heading}", f"Empty. {column.unheld}"])
    return Sheet(NOTES_SHEET, ["Column", "Note"], rows, freeze_header=False, widths=(60, 90))


def workbook_lists_bytes(lists: dict[int, list[InspectionRow]], on: date) -> bytes:
    """Both lists in one workbook, the template's sheet names first, then the notes."""
    sheets = []
    for number in sorted(SHEET_NAMES):
        headings, cells = table(lists.get(number, []), number)
        sheets.append(Sheet(SHEET_NAMES[number], headings, cells))
    sheets.append(_notes(on))
    return workbook_bytes(sheets, title="Area SEND inspection: Annex A lists 1 and 2")


def csv_list_bytes(rows: list[InspectionRow], list_number: int) -> bytes:
    headings, cells = table(rows, list_number)
    return csv_bytes(headings, cells)
