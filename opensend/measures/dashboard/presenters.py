"""What the dashboard's pages show: tiles, comparator lines and the trend, in words.

Works on plain values (IndicatorValue, ComparatorLine, SeriesPoint) handed over by the
views from dashboard/sources.py, so it is tested without a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from opensend.measures.dashboard import wording
from opensend.measures.dashboard.chart import sparkline
from opensend.measures.dashboard.sections import SECTIONS
from opensend.statutory.indicators import INDICATORS, Indicator, IndicatorValue


@dataclass(frozen=True)
class ComparatorLine:
    """One published comparator: "England", "North East", "Statistical neighbours' average"."""

    name: str
    value: Decimal | None  # None when the DfE published a special value or nothing
    published: str  # the text as published ("46.4", "x", "c") or "" when there is none
    note: str = ""  # e.g. "average of 9 of 10 neighbours"


@dataclass(frozen=True)
class Comparators:
    lines: tuple[ComparatorLine, ...] = ()
    rank: str = ""  # "12th of 153 local authorities (1st = highest)"
    year: int | None = None  # the DfE's calendar year these are for
    table: str = ""  # where they come from, for the source box
    note: str = ""  # e.g. the demo area borrows a real authority's published figures

    def line(self, name: str) -> ComparatorLine | None:
        return next((line for line in self.lines if line.name == name), None)


@dataclass(frozen=True)
class SeriesPoint:
    """One month's stored snapshot: the month (its first day) and the value stored."""

    month: dt.date
    value: IndicatorValue | None


@dataclass(frozen=True)
class Tile:
    indicator: Indicator
    value: str
    counts: str
    trend: str
    sparkline: Markup
    comparisons: tuple[str, ...]


@dataclass
class SectionTiles:
    slug: str
    title: str
    tiles: list[Tile] = field(default_factory=list)


def counts_text(indicator: Indicator, value: IndicatorValue | None) -> str:
    """ "412 of 890 plans" for a percentage; "" when the value is itself the count."""
    if value is None or indicator.unit == "count" or value.denominator is None:
        return ""
    if value.numerator is None:
        return f"average over {value.denominator:,}"
    return f"{value.numerator:,} of {value.denominator:,}"


def comparator_value_text(indicator: Indicator, line: ComparatorLine) -> str:
    if line.value is not None:
        return wording.format_value(indicator, line.value)
    return f"{line.published} (not published as a number)" if line.published else "Not published"


def comparison_phrases(
    indicator: Indicator, ours: Decimal | None, comparators: Comparators
) -> tuple[str, ...]:
    """Better/worse (or higher/lower) than each comparator. None for a count: England's
    or a region's total is not comparable with one area's."""
    if indicator.unit == "count":
        return ()
    phrases = []
    for line in comparators.lines:
        said = wording.comparison(indicator, ours, line.value, line.name)
        if said:
            phrases.append(
                f"{said[0].upper()}{said[1:]} ({comparator_value_text(indicator, line)})"
            )
    return tuple(phrases)


def trend_words(indicator: Indicator, series: Sequence[SeriesPoint]) -> str:
    known = [p for p in series if p.value is not None and p.value.value is not None]
    if len(known) < 2:
        return "Not enough monthly snapshots yet to show a trend"
    first, last = known[0], known[-1]
    assert first.value is not None and last.value is not None
    said = wording.trend(indicator, first.value.value, last.value.value, first.month)
    return said[0].upper() + said[1:]


def series_values(series: Sequence[SeriesPoint]) -> list[Decimal | None]:
    return [p.value.value if p.value is not None else None for p in series]


def tile(
    indicator: Indicator,
    value: IndicatorValue | None,
    series: Sequence[SeriesPoint],
    comparators: Comparators,
    *,
    suppressed: bool = False,
) -> Tile:
    """`suppressed`: a public tile whose value is made from a count of 1 to 5 (shows `c`)."""
    number = value.value if value is not None and not suppressed else None
    return Tile(
        indicator=indicator,
        value="c" if suppressed else wording.format_value(indicator, number),
        counts="" if suppressed else counts_text(indicator, value),
        trend=trend_words(indicator, series),
        sparkline=sparkline(series_values(series)),
        comparisons=comparison_phrases(indicator, number, comparators),
    )


def dashboard_sections(
    values: Mapping[str, IndicatorValue | None],
    series: Mapping[str, Sequence[SeriesPoint]],
    comparators: Mapping[str, Comparators],
    suppressed: frozenset[str] = frozenset(),
) -> list[SectionTiles]:
    """A tile for every indicator, in its section, in the registry's order."""
    sections = []
    for section in SECTIONS:
        shown = SectionTiles(section.slug, section.title)
        for indicator in section.indicators:
            shown.tiles.append(
                tile(
                    indicator,
                    values.get(indicator.code),
                    series.get(indicator.code, ()),
                    comparators.get(indicator.code, Comparators()),
                    suppressed=indicator.code in suppressed,
                )
            )
        if shown.tiles:
            sections.append(shown)
    return sections


def indicator_or_404(code: str) -> Indicator:
    from django.http import Http404

    if code not in INDICATORS:
        raise Http404("No such indicator")
    return INDICATORS[code]
