"""The one spreadsheet writer: text that looks like a formula is written as text, in Excel
and in CSV; numbers stay numbers and dates are real dates."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from opensend.core.spreadsheets import (
    Sheet,
    csv_bytes,
    csv_text,
    formula_like,
    sheet_append,
    workbook_bytes,
)

DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x")']


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_caught(text: str):
    assert formula_like(text)
    assert csv_text(text) == f"'{text}"


def test_ordinary_values_are_left_alone():
    assert not formula_like("Ada Lovelace") and not formula_like(-2) and not formula_like(None)
    assert csv_text(-2) == "-2"
    assert csv_text(dt.date(2026, 1, 2)) == "2026-01-02"
    assert csv_text(None) == ""


def test_the_workbook_keeps_formula_like_text_as_text():
    content = workbook_bytes([Sheet("Names", ["Name", "Born", "Count"],
                                    [[text, dt.date(2016, 4, 3), -2] for text in DANGEROUS])])
    sheet = load_workbook(io.BytesIO(content))["Names"]
    for row, text in enumerate(DANGEROUS, start=2):
        cell = sheet.cell(row=row, column=1)
        assert (cell.value, cell.data_type) == (text, "s")
        assert isinstance(sheet.cell(row=row, column=2).value, dt.datetime)
        assert sheet.cell(row=row, column=3).value == -2


def test_an_ordinary_sheet_append_is_formula_safe_too():
    book = Workbook()
    sheet_append(book.active, ["=1+1", 3, dt.date(2026, 1, 2)])
    saved = io.BytesIO()
    book.save(saved)
    cells = load_workbook(saved).active[1]
    assert (cells[0].value, cells[0].data_type) == ("=1+1", "s")
    assert cells[1].value == 3 and cells[2].number_format == "DD/MM/YYYY"


def test_csv_quotes_formulas_and_has_a_bom():
    content = csv_bytes(["Name", "=heading"], [["=1+1", 4]])
    assert content.startswith(b"\xef\xbb\xbf") and b"\r\n" in content
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [
        ["Name", "'=heading"],
        ["'=1+1", "4"],
    ]
