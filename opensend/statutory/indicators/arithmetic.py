"""Counting: counts, percentages and ratios as the DfE publishes them, keeping the rows
behind each figure; and a memo for work several formulas share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import cast

from opensend.statutory.indicators.definitions import IndicatorValue

__all__ = ["count", "memoized", "percent", "ratio", "share", "tenths", "total"]


def tenths(numerator: int, denominator: int) -> Decimal:
    """numerator / denominator to one decimal place, half up, in exact integer arithmetic."""
    tenths = (2 * 10 * numerator + denominator) // (2 * denominator)
    return Decimal(tenths).scaleb(-1)


def total(rows: Sequence[object]) -> int:
    """How many things ``rows`` stand for: the sum of their ``weight`` where the rows have
    one (plan and case rows, see ``rows.MeasureRows``), else how many rows there are."""
    if not rows or not hasattr(rows[0], "weight"):
        return len(rows)
    return sum(getattr(row, "weight") for row in rows)  # noqa: B009


def count(items: Iterable[object]) -> IndicatorValue:
    counted = tuple(items)
    number = total(counted)
    return IndicatorValue(
        value=Decimal(number), numerator=number, denominator=None, numerator_rows=counted
    )


def percent(
    numerator: int,
    denominator: int,
    numerator_rows: Sequence[object] = (),
    denominator_rows: Sequence[object] = (),
) -> IndicatorValue:
    """numerator as a percentage of denominator (one decimal place, half up)."""
    value = None if denominator == 0 else tenths(100 * numerator, denominator)
    return IndicatorValue(
        value=value,
        numerator=numerator,
        denominator=denominator,
        numerator_rows=tuple(numerator_rows),
        denominator_rows=tuple(denominator_rows),
    )


def ratio(
    numerator: int,
    denominator: int,
    numerator_rows: Sequence[object] = (),
    denominator_rows: Sequence[object] = (),
) -> IndicatorValue:
    value = None if denominator == 0 else tenths(numerator, denominator)
    return IndicatorValue(
        value=value,
        numerator=numerator,
        denominator=denominator,
        numerator_rows=tuple(numerator_rows),
        denominator_rows=tuple(denominator_rows),
    )


def share[T](rows: Sequence[T], hit: Callable[[T], bool]) -> IndicatorValue:
    """% of ``rows`` for which ``hit`` holds, keeping both sets of rows for a drill-down."""
    hits = [row for row in rows if hit(row)]
    return percent(total(hits), total(rows), hits, rows)


def memoized[T](memo: dict[object, object] | None, key: object, compute: Callable[[], T]) -> T:
    """``compute()``, kept in ``memo`` (a MeasureRows.memo) under ``key`` when one is given."""
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return cast(T, memo[key])
