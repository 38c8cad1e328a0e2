"""Public small-number suppression (pure Python, no Django): see docs/suppression.md.

Primary suppression: a count of 1 to 5 is shown as ``c`` (0 is shown: it discloses nothing
about a person), and so is a percentage whose numerator or denominator is 1 to 5.

Secondary suppression: in a table published with row and/or column totals, a hidden cell could
be recovered by subtraction (total minus the cells shown) or by combining several lines. So
more cells are hidden until no hidden value can be worked out exactly from what is shown:
first, any line (a row or column with its total shown) with exactly one hidden entry gets its
next smallest shown entry hidden (zeros last: hiding a 0 protects little); then, while a hidden
entry is still determined by combining lines, the smallest shown entry that makes it
undetermined is hidden. Repeat until stable. "Determined" is exact linear algebra over the
table's equations (each line's cells sum to its total), so the guarantee covers every way of
combining rows and columns, not only one line at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

__all__ = [
    "SUPPRESSED",
    "Shown",
    "SuppressedTable",
    "is_small",
    "suppress_count",
    "suppress_figure",
    "suppress_percentage",
    "suppress_table",
]

SUPPRESSED: Final = "c"  # the EES symbol for a confidential value
SMALLEST_SHOWN: Final = 6  # counts of 1 to 5 are hidden

Suppressed = Literal["c"]
Shown = int | Suppressed
Position = tuple[int, int]


def is_small(count: int | None) -> bool:
    """1 to 5 people: small enough that someone could be identified."""
    return count is not None and 0 < count < SMALLEST_SHOWN


def suppress_count(count: int) -> Shown:
    """A count as published: ``c`` for 1 to 5, otherwise the count (0 included)."""
    if count < 0:
        raise ValueError(f"a count is never negative: {count}")
    return SUPPRESSED if is_small(count) else count


def suppress_percentage(
    value: Decimal | None, *, numerator: int | None, denominator: int | None
) -> Decimal | Suppressed | None:
    """A percentage as published: ``c`` when its numerator or denominator is 1 to 5."""
    if is_small(numerator) or is_small(denominator):
        return SUPPRESSED
    return value


def suppress_figure(
    *, unit: str, value: Decimal | None, numerator: int | None, denominator: int | None
) -> Decimal | Suppressed | None:
    """An indicator's value as published, by its unit (counts, percentages, averages).

    A count is hidden when it is 1 to 5; a percentage when its numerator or denominator is;
    an average or ratio (weeks to issue, caseload) when it is taken over 1 to 5 cases, since
    an average of one plan is that child's own wait.
    """
    if unit == "count":
        return SUPPRESSED if is_small(numerator) else value
    if unit == "percent":
        return suppress_percentage(value, numerator=numerator, denominator=denominator)
    return SUPPRESSED if is_small(denominator) else value


@dataclass(frozen=True)
class SuppressedTable:
    """A table as published: cells and totals, with ``c`` where hidden.

    ``primary``/``secondary`` are positions in the extended grid: row ``len(cells)`` holds the
    column totals, column ``len(cells[0])`` the row totals.
    """

    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...] | None
    column_totals: tuple[Shown, ...] | None
    grand_total: Shown | None
    primary: frozenset[Position]
    secondary: frozenset[Position]


def suppress_table(
    cells: Sequence[Sequence[int]], *, row_totals: bool = True, column_totals: bool = True
) -> SuppressedTable:
    """Suppress a table of counts whose totals (sums of the cells) are shown as asked.

    Put every category the total counts in the table (an "unknown" column too), because the
    totals are computed as the sums of the cells.
    """
    grid = _Grid.build(cells, row_totals=row_totals, column_totals=column_totals)
    primary = frozenset(pos for pos, value in grid.values.items() if is_small(value))
    hidden = set(primary)
    while True:
        if _hide_lone_cells(grid, hidden):
            continue
        determined = grid.determined(hidden)
        if not determined:
            break
        _protect(grid, hidden, min(determined))
    return grid.published(primary, frozenset(hidden - primary))


@dataclass(frozen=True)
class _Grid:
    rows: int  # interior rows
    columns: int  # interior columns
    values: dict[Position, int]  # interior cells and the totals shown
    lines: tuple[tuple[Position, ...], ...]  # each line: its cells, then its total last

    @classmethod
    def build(
        cls, cells: Sequence[Sequence[int]], *, row_totals: bool, column_totals: bool
    ) -> _Grid:
        rows, columns = len(cells), len(cells[0]) if cells else 0
        if rows == 0 or columns == 0 or any(len(row) != columns for row in cells):
            raise ValueError("a table needs at least one cell and rows of equal length")
        if any(value < 0 for row in cells for value in row):
            raise ValueError("counts are never negative")
        values = {(r, c): cells[r][c] for r in range(rows) for c in range(columns)}
        lines: list[tuple[Position, ...]] = []
        if row_totals:
            for r in range(rows):
                values[(r, columns)] = sum(cells[r])
                lines.append((*((r, c) for c in range(columns)), (r, columns)))
        if column_totals:
            for c in range(columns):
                values[(rows, c)] = sum(row[c] for row in cells)
                lines.append((*((r, c) for r in range(rows)), (rows, c)))
        if row_totals and column_totals:
            values[(rows, columns)] = sum(map(sum, cells))
            lines.append((*((rows, c) for c in range(columns)), (rows, columns)))
            lines.append((*((r, columns) for r in range(rows)), (rows, columns)))
        return cls(rows=rows, columns=columns, values=values, lines=tuple(lines))

    def smallest_first(self, positions: Sequence[Position]) -> list[Position]:
        """Candidates in the order they are hidden: smallest non-zero first, zeros last."""
        return sorted(positions, key=lambda pos: (self.values[pos] == 0, self.values[pos], pos))

    def determined(self, hidden: set[Position]) -> set[Position]:
        """Hidden entries whose value the shown entries and the line sums fix exactly."""
        unknowns = sorted(hidden)
        index = {pos: i for i, pos in enumerate(unknowns)}
        # Each line: sum(cells) - total = 0. Known entries only move the constant, which
        # does not matter for whether an unknown is fixed, so only coefficients are kept.
        equations = []
        for line in self.lines:
            row = [Fraction(0)] * len(unknowns)
            for pos in line[:-1]:
                if pos in index:
                    row[index[pos]] += 1
            if line[-1] in index:
                row[index[line[-1]]] -= 1
            if any(row):
                equations.append(row)
        return {unknowns[i] for i in _fixed_unknowns(equations, len(unknowns))}

    def published(
        self, primary: frozenset[Position], secondary: frozenset[Position]
    ) -> SuppressedTable:
        hidden = primary | secondary

        def shown(pos: Position) -> Shown:
            return SUPPRESSED if pos in hidden else self.values[pos]

        rows, columns = range(self.rows), range(self.columns)
        has_row_totals = (0, self.columns) in self.values
        has_column_totals = (self.rows, 0) in self.values
        grand = (self.rows, self.columns)
        return SuppressedTable(
            cells=tuple(tuple(shown((r, c)) for c in columns) for r in rows),
            row_totals=tuple(shown((r, self.columns)) for r in rows) if has_row_totals else None,
            column_totals=(
                tuple(shown((self.rows, c)) for c in columns) if has_column_totals else None
            ),
            grand_total=shown(grand) if grand in self.values else None,
            primary=primary,
            secondary=secondary,
        )


def _hide_lone_cells(grid: _Grid, hidden: set[Position]) -> bool:
    """Hide the next smallest entry of every line with exactly one hidden; True if any."""
    changed = False
    for line in grid.lines:
        if sum(pos in hidden for pos in line) == 1:
            candidates = [pos for pos in line if pos not in hidden]
            if candidates:
                hidden.add(grid.smallest_first(candidates)[0])
                changed = True
    return changed


def _protect(grid: _Grid, hidden: set[Position], target: Position) -> None:
    """Hide the smallest shown entry that leaves ``target`` undetermined.

    One always exists in a table with both totals (it closes a cycle through the target); if
    none does on its own, the smallest entry on the target's lines is hidden and the caller
    tries again, which ends at the latest when everything is hidden.
    """
    shown = [pos for pos in grid.values if pos not in hidden]
    for candidate in grid.smallest_first(shown):
        if target not in grid.determined(hidden | {candidate}):
            hidden.add(candidate)
            return
    nearby = [pos for line in grid.lines if target in line for pos in line if pos not in hidden]
    hidden.add(grid.smallest_first(nearby or shown)[0])


def _fixed_unknowns(equations: list[list[Fraction]], unknowns: int) -> set[int]:
    """Unknowns with the same value in every solution of the linear system.

    Gauss-Jordan elimination to reduced row echelon form: an unknown is fixed when it is a
    pivot and its row has no free unknown in it.
    """
    rows = [row[:] for row in equations]
    pivots: list[int] = []
    rank = 0
    for column in range(unknowns):
        found = next((i for i in range(rank, len(rows)) if rows[i][column] != 0), None)
        if found is None:
            continue
        rows[rank], rows[found] = rows[found], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [value / lead for value in rows[rank]]
        for i, row in enumerate(rows):
            if i != rank and row[column] != 0:
                factor = row[column]
                rows[i] = [a - factor * b for a, b in zip(row, rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = set(range(unknowns)) - set(pivots)
    return {
        column
        for row_index, column in enumerate(pivots)
        if all(rows[row_index][f] == 0 for f in free)
    }
