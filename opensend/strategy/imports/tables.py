"""The tables of an action plan as councils keep it: a sheet of an .xlsx workbook or the
tables of a .docx document, read into rows of text cells that remember their place.

- Every row keeps its table number and its row number as the person sees them (the
  sheet's row number in Excel; the row's position in the table in Word, from 1), so a row
  that cannot be imported is reported where the person can find it.
- Merged cells are filled in: a priority merged down over its five actions gives each of
  the five rows that priority (python-docx already repeats a merged Word cell; for Excel
  the merged ranges are filled here).
- A row merged across the whole width ("Priority 2: Preparing for adulthood") is a
  section heading: it is not a row to import, and the rows under it carry it as their
  `section`, which the column mapping may use as the priority.
- The header is the first row with two or more filled cells that is not a section
  heading; rows above it (titles) are skipped, empty rows too.
- The file goes through the one upload gate first (core/uploads.py: allowed kinds by name
  and content, size). It is read, never stored: the rows read are what a pending import
  keeps (docs/strategy-import.md).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import docx

from opensend.core.file_kinds import KIND_BY_EXTENSION, XLSX, AllowList
from opensend.core.spreadsheets import UnreadableWorkbook, workbook_load
from opensend.core.uploads import upload_check

MAX_ROWS = 2000  # an action plan is tens of rows; more is not a plan
MAX_COLUMNS = 40


class UnreadablePlanFile(ValueError):
    """A file that passed the gate but holds no table we can read; says why."""


@dataclass(frozen=True)
class SourceRow:
    table: int
    row: int
    cells: tuple[str, ...]
    section: str = ""


@dataclass(frozen=True)
class SourceTable:
    number: int  # from 1, in the order of the file
    name: str  # the sheet's name, or "Table 2"
    header: tuple[str, ...]
    header_row: int
    rows: tuple[SourceRow, ...] = field(default=())

    @property
    def label(self) -> str:
        return f"{self.name} ({len(self.rows)} rows)"


PLAN_FILES = AllowList(
    (XLSX, KIND_BY_EXTENSION[".docx"]), "an Excel workbook (.xlsx) or a Word document (.docx)"
)


def cell_text(value: Any) -> str:
    """A cell as the text a person reads: dates as ISO dates, whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).replace("\r", "").split(" ")).strip()


def _section(cells: Sequence[str]) -> str:
    """The heading of a row merged (or written) across the whole width, else ''."""
    filled = {cell for cell in cells if cell}
    return filled.pop() if len(cells) > 1 and len(filled) == 1 and all(cells) else ""


def table_from_rows(number: int, name: str, rows: Iterable[tuple[int, list[str]]]) -> SourceTable:
    """Header, sections and data rows from (row number, cells) in order."""
    header: tuple[str, ...] = ()
    header_row, section, found = 0, "", []
    for row_number, cells in rows:
        if not any(cells):
            continue
        if _section(cells):
            section = _section(cells) if header else ""  # above the header: a title
        elif not header:
            if sum(1 for cell in cells if cell) >= 2:
                header, header_row = tuple(cells), row_number
        else:
            found.append(SourceRow(number, row_number, tuple(cells), section))
        if len(found) > MAX_ROWS:
            raise UnreadablePlanFile(f"{name} has more than {MAX_ROWS} rows")
    return SourceTable(number, name, header, header_row, tuple(found))


def _sheet_rows(sheet: Any) -> Iterable[tuple[int, list[str]]]:
    width = min(sheet.max_column or 0, MAX_COLUMNS)
    merged_value: dict[tuple[int, int], Any] = {}
    for merged in sheet.merged_cells.ranges:
        top_left = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                merged_value[(row, column)] = top_left
    for row_number, row in enumerate(sheet.iter_rows(max_col=width, values_only=True), 1):
        if row_number > MAX_ROWS + 50:
            raise UnreadablePlanFile(f"{sheet.title} has more than {MAX_ROWS} rows")
        yield (
            row_number,
            [
                cell_text(merged_value.get((row_number, column), value))
                for column, value in enumerate(row, 1)
            ],
        )


def tables_from_xlsx(contents: bytes) -> list[SourceTable]:
    try:
        book = workbook_load(contents)
    except UnreadableWorkbook as error:
        raise UnreadablePlanFile(str(error)) from error
    return [
        table_from_rows(number, sheet.title, _sheet_rows(sheet))
        for number, sheet in enumerate(book.worksheets, 1)
    ]


def _docx_rows(table: Any) -> Iterable[tuple[int, list[str]]]:
    for row_number, row in enumerate(table.rows, 1):
        yield row_number, [cell_text(cell.text) for cell in row.cells[:MAX_COLUMNS]]


def tables_from_docx(contents: bytes) -> list[SourceTable]:
    try:
        document = docx.Document(io.BytesIO(contents))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadablePlanFile("The Word document cannot be opened") from error
    return [
        table_from_rows(number, f"Table {number}", _docx_rows(table))
        for number, table in enumerate(document.tables, 1)
    ]


def plan_tables_read(upload: Any, *, limit: int | None = None) -> list[SourceTable]:
    """The tables of an uploaded plan, after the upload gate (UploadRefused if refused,
    UnreadablePlanFile if no table holds rows)."""
    kind = upload_check(upload, allowed=PLAN_FILES, limit=limit)
    upload.seek(0)
    contents = upload.read()
    read = tables_from_xlsx if kind is XLSX else tables_from_docx
    tables = [table for table in read(contents) if table.header and table.rows]
    if not tables:
        raise UnreadablePlanFile("The file has no table with a header row and rows under it")
    return tables
