"""Public small-number suppression: primary (1-5) and secondary (no recovery by subtraction)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.measures.dashboard.suppression import (
    SUPPRESSED,
    SuppressedTable,
    suppress_count,
    suppress_figure,
    suppress_percentage,
    suppress_table,
)

# Many small counts and zeros, so suppression happens often.
COUNTS = st.one_of(st.integers(0, 7), st.integers(0, 60))


@st.composite
def tables(draw: st.DrawFn) -> list[list[int]]:
    rows = draw(st.integers(1, 4))
    columns = draw(st.integers(1, 5))
    return [[draw(COUNTS) for _ in range(columns)] for _ in range(rows)]


def extended(cells: list[list[int]], table: SuppressedTable) -> dict[tuple[int, int], object]:
    """Every published entry by its position in the grid with totals (as suppress_table)."""
    rows, columns = len(cells), len(cells[0])
    grid: dict[tuple[int, int], object] = {
        (r, c): table.cells[r][c] for r in range(rows) for c in range(columns)
    }
    if table.row_totals is not None:
        grid |= {(r, columns): table.row_totals[r] for r in range(rows)}
    if table.column_totals is not None:
        grid |= {(rows, c): table.column_totals[c] for c in range(columns)}
    if table.grand_total is not None:
        grid[(rows, columns)] = table.grand_total
    return grid


def lines(rows: int, columns: int, table: SuppressedTable) -> list[list[tuple[int, int]]]:
    """Each line whose total is shown or hidden (a published total): cells, then the total."""
    found = []
    if table.row_totals is not None:
        found += [[(r, c) for c in range(columns + 1)] for r in range(rows)]
    if table.column_totals is not None:
        found += [[(r, c) for r in range(rows + 1)] for c in range(columns)]
    if table.grand_total is not None:
        found += [[(rows, c) for c in range(columns + 1)], [(r, columns) for r in range(rows + 1)]]
    return found


def rank(matrix: list[list[Fraction]]) -> int:
    """Rank by plain Gaussian elimination (an oracle independent of the module's own)."""
    rows = [row[:] for row in matrix if any(row)]
    result = 0
    width = len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((r for r in rows[result:] if r[column] != 0), None)
        if pivot is None:
            continue
        rows.remove(pivot)
        rows.insert(result, pivot)
        for i in range(result + 1, len(rows)):
            factor = rows[i][column] / pivot[column]
            rows[i] = [a - factor * b for a, b in zip(rows[i], pivot, strict=True)]
        result += 1
    return result


def recoverable(cells: list[list[int]], table: SuppressedTable) -> list[tuple[int, int]]:
    """Hidden entries fixed by the line equations: e_k lies in the equations' row space."""
    rows, columns = len(cells), len(cells[0])
    grid = extended(cells, table)
    hidden = sorted(pos for pos, value in grid.items() if value == SUPPRESSED)
    matrix = []
    for line in lines(rows, columns, table):
        row = [Fraction(0)] * len(hidden)
        for pos in line[:-1]:
            if pos in hidden:
                row[hidden.index(pos)] += 1
        if line[-1] in hidden:
            row[hidden.index(line[-1])] -= 1
        matrix.append(row)
    base = rank(matrix)
    unit = [[Fraction(int(i == k)) for i in range(len(hidden))] for k in range(len(hidden))]
    return [hidden[k] for k in range(len(hidden)) if rank([*matrix, unit[k]]) == base]


def originals(cells: list[list[int]]) -> dict[tuple[int, int], int]:
    rows, columns = len(cells), len(cells[0])
    values = {(r, c): cells[r][c] for r in range(rows) for c in range(columns)}
    values |= {(r, columns): sum(cells[r]) for r in range(rows)}
    values |= {(rows, c): sum(row[c] for row in cells) for c in range(columns)}
    values[(rows, columns)] = sum(map(sum, cells))
    return values


@settings(max_examples=300, deadline=None)
@given(tables(), st.sampled_from([(True, True), (True, False), (False, True)]))
def test_no_hidden_entry_can_be_recovered(cells: list[list[int]], totals: tuple) -> None:
    row_totals, column_totals = totals
    table = suppress_table(cells, row_totals=row_totals, column_totals=column_totals)
    grid = extended(cells, table)
    for line in lines(len(cells), len(cells[0]), table):
        assert sum(grid[pos] == SUPPRESSED for pos in line) != 1, (line, table)
    assert recoverable(cells, table) == [], table


@settings(max_examples=300, deadline=None)
@given(tables())
def test_only_small_counts_and_secondary_choices_are_hidden(cells: list[list[int]]) -> None:
    table = suppress_table(cells)
    values = originals(cells)
    for pos, shown in extended(cells, table).items():
        if 1 <= values[pos] <= 5:
            assert shown == SUPPRESSED and pos in table.primary
        elif pos in table.secondary:
            assert shown == SUPPRESSED
        else:
            assert shown == values[pos]  # 0 and > 5 unchanged
    assert not table.primary & table.secondary


def test_a_lone_small_cell_takes_the_next_smallest_in_its_row_and_column() -> None:
    table = suppress_table([[3, 10, 12], [20, 30, 40], [8, 9, 50]])
    assert table.cells == (
        (SUPPRESSED, SUPPRESSED, 12),
        (20, 30, 40),
        (SUPPRESSED, SUPPRESSED, 50),
    )
    assert (table.row_totals, table.column_totals, table.grand_total) == (
        (25, 90, 67),
        (31, 49, 102),
        182,
    )
    assert table.primary == {(0, 0)}
    assert table.secondary == {(0, 1), (2, 0), (2, 1)}


def test_a_breakdown_with_only_its_total_hides_two() -> None:
    table = suppress_table([[3, 10, 12, 0]], column_totals=False)
    assert table.cells == ((SUPPRESSED, SUPPRESSED, 12, 0),)  # 10 rather than 0
    assert (table.row_totals, table.column_totals, table.grand_total) == ((25,), None, None)


def test_a_table_without_small_counts_is_unchanged() -> None:
    table = suppress_table([[0, 10], [6, 0]])
    assert table.cells == ((0, 10), (6, 0))
    assert not table.primary and not table.secondary


def test_a_lone_small_total_is_protected_too() -> None:
    table = suppress_table([[0, 4], [10, 20]])
    assert table.cells[0][1] == SUPPRESSED
    assert table.row_totals is not None and table.row_totals[0] == SUPPRESSED
    assert recoverable([[0, 4], [10, 20]], table) == []


def test_counts() -> None:
    assert [suppress_count(n) for n in range(8)] == [0, "c", "c", "c", "c", "c", 6, 7]
    with pytest.raises(ValueError):
        suppress_count(-1)


def test_percentages_of_small_numbers_are_hidden() -> None:
    assert suppress_percentage(Decimal("50.0"), numerator=3, denominator=6) == SUPPRESSED
    assert suppress_percentage(Decimal("100.0"), numerator=5, denominator=5) == SUPPRESSED
    assert suppress_percentage(Decimal("60.0"), numerator=6, denominator=10) == Decimal("60.0")
    assert suppress_percentage(Decimal("0.0"), numerator=0, denominator=12) == Decimal("0.0")
    assert suppress_percentage(None, numerator=0, denominator=0) is None


def test_bad_tables_are_refused() -> None:
    with pytest.raises(ValueError):
        suppress_table([])
    with pytest.raises(ValueError):
        suppress_table([[1, 2], [3]])
    with pytest.raises(ValueError):
        suppress_table([[-1]])


def test_combining_lines_cannot_recover_a_cell_either() -> None:
    """Here hiding a second cell in every line is not enough: a hidden cell could still be
    found by adding and subtracting whole rows and columns, so one more cell is hidden."""
    cells = [[3, 0, 2], [30, 2, 7], [12, 2, 9], [9, 7, 0]]
    table = suppress_table(cells)
    assert recoverable(cells, table) == []
    assert table.cells == (
        (SUPPRESSED, 0, SUPPRESSED),
        (30, SUPPRESSED, SUPPRESSED),
        (12, SUPPRESSED, SUPPRESSED),
        (SUPPRESSED, SUPPRESSED, 0),
    )
    assert (table.row_totals, table.column_totals, table.grand_total) == (
        (SUPPRESSED, 39, 23, SUPPRESSED),
        (54, 11, 18),
        83,
    )


def test_an_indicator_value_by_its_unit() -> None:
    def shown(unit: str, value: str | None, numerator: int | None, denominator: int | None):
        number = None if value is None else Decimal(value)
        return suppress_figure(
            unit=unit, value=number, numerator=numerator, denominator=denominator
        )

    assert shown("count", "4", 4, None) == SUPPRESSED
    assert shown("count", "0", 0, None) == Decimal(0)
    assert shown("count", "12", 12, None) == Decimal(12)
    assert shown("percent", "80.0", 4, 5) == SUPPRESSED
    assert shown("percent", "60.0", 6, 10) == Decimal("60.0")
    assert shown("weeks", "23.1", None, 3) == SUPPRESSED  # one family's wait, nearly
    assert shown("weeks", "23.1", None, 30) == Decimal("23.1")
    assert shown("ratio", None, None, 0) is None
