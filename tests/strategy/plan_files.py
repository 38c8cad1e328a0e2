"""Small real .xlsx and .docx action plans, built in the test, shaped as councils keep them."""

import io
from collections.abc import Sequence

import docx
import openpyxl

HEADER = ("Priority", "Action", "Lead officer", "Timescale", "Success measure", "Progress")


def xlsx_bytes(
    rows: Sequence[Sequence[object]],
    *,
    title: str = "Action plan",
    merges: Sequence[str] = (),
    above: Sequence[Sequence[object]] = (),
) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in (*above, *rows):
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def docx_bytes(
    tables: Sequence[Sequence[Sequence[str]]],
    *,
    merges: Sequence[tuple[int, int, int, int, int]] = (),
) -> bytes:
    """Each table a list of rows; merges as (table, row, column, to row, to column), from 0."""
    document = docx.Document()
    document.add_paragraph("SEND strategy action plan")
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                table.cell(row_index, column).text = text
    for number, row, column, to_row, to_column in merges:
        table = document.tables[number]
        keep = table.cell(row, column).text
        merged = table.cell(row, column).merge(table.cell(to_row, to_column))
        merged.text = keep
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
