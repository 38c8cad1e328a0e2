"""Small-number suppression for the public pages, using opensend.measures.dashboard.suppression.

A count of 1 to 5 is shown as `c`, and so is any figure made from one (a percentage, an
average). A breakdown table is suppressed as a whole (secondary suppression), as a table
whose totals are shown: for a count, one column with its total; for a percentage, the
numerator and the rest of the denominator, with the denominator as each row's total.
"""

from __future__ import annotations

from collections.abc import Sequence

from opensend.measures.dashboard import suppression
from opensend.measures.dashboard.indicator_page import (
    SUPPRESSED,
    BreakdownRow,
    Cell,
    count_cell,
    value_cell,
)
from opensend.measures.dashboard.presenters import SeriesPoint
from opensend.statutory.indicators import Indicator, IndicatorValue

HIDDEN = Cell(SUPPRESSED)


def is_suppressed(indicator: Indicator, value: IndicatorValue | None) -> bool:
    """The api's rule for one figure by its unit (suppression.suppress_figure)."""
    if value is None:
        return False
    shown = suppression.suppress_figure(
        unit=indicator.unit,
        value=value.value,
        numerator=value.numerator,
        denominator=value.denominator,
    )
    return shown == SUPPRESSED


def public_value(indicator: Indicator, value: IndicatorValue | None) -> IndicatorValue | None:
    """The value, or None when it must not be shown (the page then shows `c`)."""
    return None if is_suppressed(indicator, value) else value


def public_series(indicator: Indicator, series: Sequence[SeriesPoint]) -> list[SeriesPoint]:
    return [SeriesPoint(p.month, public_value(indicator, p.value)) for p in series]


def _shown(cell: suppression.Shown) -> Cell:
    return HIDDEN if cell == SUPPRESSED else count_cell(int(cell))


def public_breakdown_rows(
    indicator: Indicator, groups: Sequence[tuple[str, IndicatorValue]]
) -> tuple[BreakdownRow, ...]:
    if not groups:
        return ()
    if indicator.unit == "count":
        counts = [int(v.value or 0) if v.numerator is None else v.numerator for _, v in groups]
        table = suppression.suppress_table([[c] for c in counts], row_totals=False)
        return tuple(
            BreakdownRow(name, Cell(""), Cell(""), _shown(table.cells[i][0]))
            for i, (name, _) in enumerate(groups)
        )
    if any(v.numerator is None or v.denominator is None for _, v in groups):
        return tuple(_alone(indicator, name, value) for name, value in groups)
    cells = [[v.numerator, v.denominator - v.numerator] for _, v in groups]  # type: ignore[operator]
    table = suppression.suppress_table(cells)
    assert table.row_totals is not None
    rows = []
    for i, (name, value) in enumerate(groups):
        numerator, denominator = _shown(table.cells[i][0]), _shown(table.row_totals[i])
        hidden = numerator.suppressed or denominator.suppressed
        shown_value = HIDDEN if hidden else value_cell(indicator, value.value)
        rows.append(BreakdownRow(name, numerator, denominator, shown_value))
    return tuple(rows)


def _alone(indicator: Indicator, name: str, value: IndicatorValue) -> BreakdownRow:
    """An average or ratio: its denominator is not a sum of parts, so cell by cell."""
    if is_suppressed(indicator, value):
        return BreakdownRow(name, HIDDEN, HIDDEN, HIDDEN)
    return BreakdownRow(
        name,
        count_cell(value.numerator),
        count_cell(value.denominator),
        value_cell(indicator, value.value),
    )
