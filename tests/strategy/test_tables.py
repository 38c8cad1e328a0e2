"""Reading the tables of real small .xlsx and .docx plans: places, merges, headers, the gate."""

from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.core.uploads import UploadRefused, UploadTooLarge
from opensend.strategy.imports.tables import (
    UnreadablePlanFile,
    plan_tables_read,
    tables_from_docx,
    tables_from_xlsx,
)
from tests.strategy.plan_files import HEADER, docx_bytes, xlsx_bytes


def test_an_xlsx_sheet_keeps_row_numbers_fills_merges_and_skips_titles():
    contents = xlsx_bytes(
        [
            HEADER,
            (
                "Preparing for adulthood",
                "Map post-16 routes",
                "A. Khan",
                datetime(2025, 3, 31),
                "",
                40.0,
            ),
            (None, "Train SENCOs", "B. Ode", "Spring 2025", "90% attend", ""),
            (None, None, None, None, None, None),
            ("Early help", "Open hubs", "C. Li", "2024/25", "", "Achieved"),
        ],
        above=[("SEND action plan 2024-26",), ()],
        merges=["A4:A5"],
    )
    (table,) = tables_from_xlsx(contents)
    assert (table.number, table.name, table.header, table.header_row) == (
        1,
        "Action plan",
        HEADER,
        3,
    )
    assert [row.row for row in table.rows] == [4, 5, 7]
    assert table.rows[0].cells[3:] == ("2025-03-31", "", "40")
    assert table.rows[1].cells[0] == "Preparing for adulthood"  # filled from the merge


def test_word_tables_are_numbered_in_order_and_full_width_rows_are_sections():
    contents = docx_bytes(
        [
            [("Owner", "Notes"), ("Board", "Minutes")],
            [
                HEADER,
                ("Priority 1: Inclusion",) * 6,
                ("", "Audit inclusion", "D. Roy", "Autumn 2025", "", ""),
                ("", "Publish toolkit", "E. Fox", "Mar 2025", "", ""),
            ],
        ],
        merges=[(1, 2, 0, 3, 0)],
    )
    first, second = tables_from_docx(contents)
    assert (first.name, first.rows[0].row) == ("Table 1", 2)
    assert second.number == 2 and second.header == HEADER
    assert [(row.row, row.section) for row in second.rows] == [
        (3, "Priority 1: Inclusion"),
        (4, "Priority 1: Inclusion"),
    ]


def test_a_vertically_merged_word_cell_is_filled_down():
    contents = docx_bytes(
        [
            [
                HEADER,
                ("Voice", "Survey", "F. Ng", "2025", "", ""),
                ("", "Forum", "G. Ito", "2026", "", ""),
            ]
        ],
        merges=[(0, 1, 0, 2, 0)],
    )
    (table,) = tables_from_docx(contents)
    assert [row.cells[0] for row in table.rows] == ["Voice", "Voice"]


def _upload(name, contents):
    return SimpleUploadedFile(name, contents)


def test_the_gate_refuses_a_renamed_file_and_a_file_too_large():
    with pytest.raises(UploadRefused, match="not a real Excel workbook"):
        plan_tables_read(_upload("plan.xlsx", docx_bytes([[HEADER, HEADER]])))
    with pytest.raises(UploadRefused, match="must be an Excel workbook"):
        plan_tables_read(_upload("plan.csv", b"a,b\n1,2\n"))
    with pytest.raises(UploadTooLarge):
        plan_tables_read(_upload("plan.xlsx", xlsx_bytes([HEADER, HEADER])), limit=100)


def test_a_file_without_a_table_says_so():
    with pytest.raises(UnreadablePlanFile, match="no table"):
        plan_tables_read(_upload("plan.docx", docx_bytes([])))


def test_a_plan_file_is_read_through_the_gate():
    tables = plan_tables_read(
        _upload("plan.docx", docx_bytes([[HEADER, ("P", "A", "O", "2025", "", "")]]))
    )
    assert [table.label for table in tables] == ["Table 1 (1 rows)"]
