"""The export's table is the import's table: what is written reads back cell for cell."""

from datetime import date

import pytest

from opensend.strategy.exports import HEADINGS, plan_docx, plan_xlsx
from opensend.strategy.imports.mapping import FIELDS, columns_guess, plan_rows_read
from opensend.strategy.imports.tables import tables_from_docx, tables_from_xlsx

ROWS = [
    ("Inclusion", "Audit inclusion", "D. Roy", "Autumn 2025", "90% of schools", "On track: begun"),
    ("Inclusion", "=Publish toolkit", "E. Fox", "2025-03-31", "Toolkit used\nTwo reviews", ""),
    ("Voice", "Survey families", "", "Ongoing", "", "Achieved"),
]


@pytest.mark.parametrize(
    ("write", "read"), [(plan_xlsx, tables_from_xlsx), (plan_docx, tables_from_docx)]
)
def test_an_export_reads_back_with_every_column_guessed(write, read):
    (table,) = read(write("SEND strategy 2025-28", ROWS))
    assert table.header == HEADINGS
    mapping = columns_guess(table.header)
    assert mapping == {name: column for column, name in enumerate(FIELDS)}
    assert [row.cells for row in table.rows] == ROWS  # "=..." stays text
    assert all(
        not row.problems for row in plan_rows_read(table, mapping, strategy_start=date(2025, 1, 1))
    )
