"""The one way OpenSEND writes spreadsheet cells (Excel and CSV), formula-safe.

A value typed by a person (a name, a setting, a note) must never run as a formula in the
spreadsheet of whoever opens the download (OWASP "CSV injection"). Text starting with
= + - @, a tab or a carriage return is therefore written as text: in Excel the cell's
type is set to text (the characters are kept exactly), and in a CSV, which has no types,
the text is prefixed with an apostrophe, which spreadsheet programs read as "this is
text" and do not show. Numbers and dates are written as numbers and real dates.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "DATE_FORMAT",
    "FORMULA_STARTS",
    "Sheet",
    "UnreadableWorkbook",
    "csv_bytes",
    "csv_text",
    "formula_like",
    "sheet_append",
    "workbook_bytes",
    "workbook_load",
]

Value = str | int | float | date | None
DATE_FORMAT = "DD/MM/YYYY"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: Value) -> str:
    """A cell of a CSV: dates as YYYY-MM-DD, nothing as empty, formula-like text quoted."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return f"'{value}" if formula_like(value) else str(value)  # numbers stay as they are


def csv_bytes(
    headings: Sequence[str], rows: Iterable[Sequence[Value]], *, bom: bool = True
) -> bytes:
    """RFC 4180 (CRLF), UTF-8 with a byte-order mark by default so Excel reads accents."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow([csv_text(heading) for heading in headings])
    writer.writerows([csv_text(value) for value in row] for row in rows)
    return output.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _write_only_cell(sheet: WriteOnlyWorksheet, value: Value, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if formula_like(value):
        cell.data_type = "s"  # text, never a formula
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def sheet_append(sheet: Worksheet, values: Sequence[Value], *, bold: bool = False) -> None:
    """Append a row to an ordinary (not write-only) worksheet, formula-safe."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if formula_like(cell.value):
            cell.data_type = "s"
        if isinstance(cell.value, date | datetime):
            cell.number_format = DATE_FORMAT
        if bold:
            cell.font = Font(bold=True)


@dataclass(frozen=True)
class Sheet:
    title: str
    headings: Sequence[str]
    rows: Sequence[Sequence[Value]] = ()
    freeze_header: bool = True
    widths: Sequence[int] = field(default=())  # characters; default from the headings


def _write_sheet(book: Workbook, spec: Sheet) -> None:
    sheet = book.create_sheet(spec.title)
    widths = spec.widths or [max(12, min(40, len(h) + 2)) for h in spec.headings]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if spec.freeze_header:
        sheet.freeze_panes = "A2"
    sheet.append([_write_only_cell(sheet, heading, bold=True) for heading in spec.headings])
    for row in spec.rows:
        sheet.append([_write_only_cell(sheet, value) for value in row])


def workbook_bytes(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    """An .xlsx of the sheets, in openpyxl's write-only mode (fast for 10,000+ rows)."""
    book = Workbook(write_only=True)
    for spec in sheets:
        _write_sheet(book, spec)
    if title:
        book.properties.title = title
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


class UnreadableWorkbook(ValueError):
    """Bytes that are not an .xlsx workbook openpyxl can open."""


def workbook_load(contents: bytes) -> Workbook:
    """A workbook uploaded to be READ (an action plan: strategy/imports/tables.py): the
    values its cells hold (data_only: a formula's last computed value, never the formula),
    with its merged ranges. Writing stays with the writers above."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(io.BytesIO(contents), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableWorkbook("The workbook cannot be opened") from error
