"""The page for one indicator: its value, its trend and comparators as a chart AND a
table with the same numbers, its breakdowns, and its definition and source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from opensend.measures.dashboard import wording
from opensend.measures.dashboard.chart import ChartPoint, bar_chart, line_chart
from opensend.measures.dashboard.presenters import (
    Comparators,
    SeriesPoint,
    comparator_value_text,
    comparison_phrases,
    counts_text,
)
from opensend.statutory.indicators import Indicator, IndicatorValue

UNIT_WORDS = {
    "count": "A count",
    "percent": "A percentage (numerator divided by denominator)",
    "weeks": "An average, in weeks",
    "ratio": "A ratio (numerator divided by denominator)",
}
SUPPRESSED = "c"


@dataclass(frozen=True)
class Cell:
    """A number as shown: its text, and the number itself when it is shown (not `c`)."""

    text: str
    number: int | Decimal | None = None

    @property
    def suppressed(self) -> bool:
        return self.text == SUPPRESSED


@dataclass(frozen=True)
class BreakdownRow:
    group: str
    numerator: Cell
    denominator: Cell
    value: Cell


@dataclass(frozen=True)
class BreakdownTable:
    key: str
    title: str
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class Chart:
    svg: Markup
    rows: tuple[tuple[str, str], ...]  # (label, value as shown), the chart's own numbers


def count_cell(number: int | None) -> Cell:
    return Cell("" if number is None else f"{number:,}", number)


def value_cell(indicator: Indicator, value: Decimal | None) -> Cell:
    return Cell(wording.format_value(indicator, value), value)


def breakdown_row(indicator: Indicator, group: str, value: IndicatorValue) -> BreakdownRow:
    return BreakdownRow(
        group=group,
        numerator=count_cell(value.numerator),
        denominator=count_cell(value.denominator),
        value=value_cell(indicator, value.value),
    )


def definition_rows(indicator: Indicator, comparators: Comparators) -> list[tuple[str, str]]:
    rows = [
        ("Numerator", indicator.numerator),
        ("Denominator", indicator.denominator or "None: this is a count"),
        ("Period", indicator.period),
        ("Exclusions", indicator.exclusions or "None"),
        ("Legal or DfE source", indicator.source),
        ("Polarity", wording.POLARITY_WORDS[indicator.polarity]),
        ("Measured as", UNIT_WORDS[indicator.unit]),
        ("Code", indicator.code),
    ]
    if comparators.table:
        rows.append(("Comparators from", comparators.table))
    return rows


def _suffix(indicator: Indicator) -> str:
    return "%" if indicator.unit == "percent" else ""


def _ceiling(indicator: Indicator) -> Decimal | None:
    return Decimal(100) if indicator.unit == "percent" else None


def trend_chart(indicator: Indicator, series: Sequence[SeriesPoint]) -> Chart | None:
    if not any(p.value is not None and p.value.value is not None for p in series):
        return None
    points = [
        ChartPoint(
            p.month.strftime("%b %y"),
            p.value.value if p.value is not None else None,
            wording.format_value(indicator, p.value.value if p.value is not None else None),
        )
        for p in series
    ]
    svg = line_chart(
        points,
        chart_id=f"trend-{indicator.code}",
        title=f"{indicator.name}: month by month",
        desc="The value stored at the end of each month. The table below gives the same figures.",
        unit_suffix=_suffix(indicator),
        ceiling=_ceiling(indicator),
    )
    months = [p.month.strftime("%B %Y") for p in series]
    return Chart(svg, tuple(zip(months, (p.display for p in points), strict=True)))


def comparison_chart(
    indicator: Indicator,
    area_name: str,
    ours: Decimal | None,
    comparators: Comparators,
    ours_text: str,
) -> Chart:
    """Bars for a rate; for a count only the table (an area's count beside England's total
    would be one bar and a line)."""
    points = [ChartPoint(area_name, ours, ours_text)]
    points += [
        ChartPoint(line.name, line.value, comparator_value_text(indicator, line))
        for line in comparators.lines
    ]
    if indicator.unit == "count":
        return Chart(Markup(""), tuple((p.label, p.display) for p in points))
    svg = bar_chart(
        points,
        chart_id=f"compare-{indicator.code}",
        title=f"{indicator.name}: {area_name} compared with published figures",
        desc="One bar for each area. A missing bar means no number was published. "
        "The table below gives the same figures.",
        unit_suffix=_suffix(indicator),
        ceiling=_ceiling(indicator),
    )
    return Chart(svg, tuple((p.label, p.display) for p in points))


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    value: str
    counts: str
    comparisons: tuple[str, ...]
    comparison: Chart
    rank: str
    comparator_note: str
    trend: Chart | None
    breakdowns: tuple[BreakdownTable, ...]
    definition: tuple[tuple[str, str], ...]
    numerator: Cell
    denominator: Cell
    value_cell: Cell


def indicator_page(
    indicator: Indicator,
    *,
    area_name: str,
    value: IndicatorValue | None,
    series: Sequence[SeriesPoint],
    comparators: Comparators,
    breakdowns: Sequence[BreakdownTable],
    suppressed: bool = False,
) -> IndicatorPage:
    """`suppressed`: a public page whose value is made from a count of 1 to 5 (shows `c`)."""
    if suppressed:
        value = None
    number = value.value if value is not None else None
    shown = SUPPRESSED if suppressed else wording.format_value(indicator, number)
    return IndicatorPage(
        indicator=indicator,
        value=shown,
        counts=counts_text(indicator, value),
        comparisons=comparison_phrases(indicator, number, comparators),
        comparison=comparison_chart(indicator, area_name, number, comparators, shown),
        rank=comparators.rank,
        comparator_note=comparators.note,
        trend=trend_chart(indicator, series),
        breakdowns=tuple(breakdowns),
        definition=tuple(definition_rows(indicator, comparators)),
        numerator=Cell(SUPPRESSED) if suppressed else count_cell(value and value.numerator),
        denominator=Cell(SUPPRESSED) if suppressed else count_cell(value and value.denominator),
        value_cell=Cell(SUPPRESSED) if suppressed else value_cell(indicator, number),
    )
