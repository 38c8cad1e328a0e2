"""What an indicator is: a definition, a period and the value a formula returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from opensend.statutory.indicators.rows import MeasureRows

__all__ = [
    "POLARITIES",
    "UNITS",
    "Formula",
    "Indicator",
    "IndicatorValue",
    "Period",
    "Polarity",
    "Unit",
]

Polarity = Literal["higher_is_better", "lower_is_better", "neutral"]
Unit = Literal["count", "percent", "weeks", "ratio"]
POLARITIES: Final[tuple[Polarity, ...]] = ("higher_is_better", "lower_is_better", "neutral")
UNITS: Final[tuple[Unit, ...]] = ("count", "percent", "weeks", "ratio")


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included (e.g. the calendar year SEN2 covers)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a period ends on or after it starts: {self.start} > {self.end}")

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class IndicatorValue:
    """A formula's answer. ``value`` is None when there is nothing to divide by.

    ``numerator_rows`` are the rows counted in the numerator (for a count: the rows
    counted), ``denominator_rows`` the rows divided by (empty for a count).

    Counts: value = numerator = the count, denominator None. Percentages: numerator and
    denominator are the two counts. Averages and ratios: denominator is what was divided
    by (plans, coordinators); numerator is the total when it is a count, else None.
    """

    value: Decimal | None
    numerator: int | None
    denominator: int | None
    # The rows behind the figure, for a drill-down to the cases (each row's ``ref``).
    # Not part of the value: two values with the same figures are equal whatever rows.
    numerator_rows: tuple[object, ...] = field(default=(), compare=False, repr=False)
    denominator_rows: tuple[object, ...] = field(default=(), compare=False, repr=False)


Formula = Callable[["MeasureRows", Period], IndicatorValue]


@dataclass(frozen=True)
class Indicator:
    """One measure, defined in words and computed by ``formula``."""

    code: str  # stable snake_case; never renamed once published
    name: str  # plain English
    numerator: str
    denominator: str  # "" for a count
    period: str  # which rows the period selects
    exclusions: str  # "" when nothing is excluded
    source: str  # the legal or DfE source
    polarity: Polarity
    unit: Unit
    formula: Formula = field(compare=False, repr=False)
