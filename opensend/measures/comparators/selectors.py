"""The published figures shown beside a local figure: England, region, neighbours, rank.

``comparators_for(code=, area_code=, year=)`` reads the DfE's imported release (published
statistics about areas: no user, no audit); ``comparators_for_many(codes=, ...)`` answers the
same for many indicators at once, from rows read in a bounded number of queries
(rows.py) however many codes are asked for. Special values are kept as
published (``x``, ``c``, ``z``, ...), never turned into zero; a figure the DfE did not publish
at all (no row, table not imported) is None. See docs/measures-comparators.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal

from opensend.measures.comparators.published import ComparatorValue, NeighbourAverage, Rank
from opensend.measures.comparators.published import neighbours_of as neighbours_of_area
from opensend.measures.comparators.rows import PublishedRows, published_rows
from opensend.measures.comparators.sources import COMPARATOR_SOURCES, ComparatorSource
from opensend.measures.models import AreaComparison, EesRow
from opensend.people.models import Organisation, OrganisationKind
from opensend.statutory.indicators import INDICATORS

__all__ = [
    "COMPARATOR_SOURCES",
    "ENGLAND",
    "Area",
    "ComparatorSource",
    "Comparators",
    "Published",
    "UnknownArea",
    "UnknownIndicator",
    "area_named",
    "comparators_for",
    "comparators_for_many",
]

ENGLAND: Final = "E92000001"
AREA_CODE: Final = re.compile(r"^E\d{8}$")
REGION_NAMES: Final = {
    "E12000001": "North East",
    "E12000002": "North West",
    "E12000003": "Yorkshire and The Humber",
    "E12000004": "East Midlands",
    "E12000005": "West Midlands",
    "E12000006": "East of England",
    "E12000007": "London",
    "E12000008": "South East",
    "E12000009": "South West",
    "E13000001": "Inner London",
    "E13000002": "Outer London",
}
Level = Literal["national", "regional", "local_authority"]


class UnknownIndicator(LookupError):
    """No indicator has that code."""


class UnknownArea(LookupError):
    """Not an ONS code the DfE publishes for, nor a local authority set up to compare."""


@dataclass(frozen=True)
class Area:
    """An area as compared: its own code and the published figures that stand for it."""

    code: str
    name: str
    level: Level
    compares_as: str  # whose published figures and rank are shown (itself, unless borrowed)
    region_code: str | None  # None for England and the regions
    neighbours_of: str | None  # whose statistical neighbours; None unless an LA
    note: str = ""


@dataclass(frozen=True)
class Published:
    """One area's published figure, with the counts behind it when the DfE publishes them."""

    area_code: str
    figure: ComparatorValue  # value (Decimal) or special ("x", "c", ...), as published
    numerator: ComparatorValue | None = None
    denominator: ComparatorValue | None = None


@dataclass(frozen=True)
class Comparators:
    code: str
    area: Area
    year: int
    source: ComparatorSource | None  # None: the DfE publishes no equivalent
    time_period: str | None  # the EES time_period read, e.g. "2024" or "202425"
    own: Published | None  # the area's (or the area it compares as) published figure
    england: Published | None
    region: Published | None
    neighbours_average: NeighbourAverage | None  # value rounded to 1 dp, as published
    rank: Rank | None  # among local authorities, 1 = highest value


def area_named(area_code: str) -> Area:
    """The area for an ONS code; UnknownArea when it is malformed or nothing publishes it."""
    if not AREA_CODE.match(area_code):
        raise UnknownArea(f"{area_code!r} is not an ONS area code (E followed by 8 digits)")
    configured = (
        AreaComparison.objects.select_related("local_authority")
        .filter(local_authority__ons_code=area_code)
        .first()
    )
    if configured is not None:
        return Area(
            code=area_code,
            name=configured.local_authority.name,
            level="local_authority",
            compares_as=configured.compares_as,
            region_code=configured.region_code,
            neighbours_of=configured.neighbours_of,
            note=configured.note,
        )
    row = (
        EesRow.objects.filter(area_code=area_code)
        .order_by("-table__release__reporting_year", "-time_period")
        .values("geographic_level", "la_name", "region_code")
        .first()
    )
    if row is None:
        return _local_authority_here(area_code)
    if area_code == ENGLAND:
        return Area(area_code, "England", "national", area_code, None, None)
    if row["geographic_level"] == "Regional":
        name = REGION_NAMES.get(area_code, area_code)
        return Area(area_code, name, "regional", area_code, None, None)
    return Area(
        area_code, row["la_name"], "local_authority", area_code, row["region_code"], area_code
    )


def _local_authority_here(area_code: str) -> Area:
    """A local authority set up in this instance that the DfE does not publish (yet)."""
    la = Organisation.objects.filter(
        kind=OrganisationKind.LOCAL_AUTHORITY, ons_code=area_code
    ).first()
    if la is None:
        raise UnknownArea(f"No published figures for area {area_code}")
    return Area(area_code, la.name, "local_authority", area_code, None, area_code)


def comparators_for(*, code: str, area_code: str, year: int) -> Comparators:
    """England, region, neighbours' average and rank for one indicator, area and year."""
    return comparators_for_many(codes=[code], area_code=area_code, year=year)[code]


def comparators_for_many(
    *, codes: Iterable[str], area_code: str, year: int
) -> dict[str, Comparators]:
    """comparators_for() for each code, from rows read at once (rows.py): a bounded
    number of queries (about five), however many codes are asked for."""
    codes = list(codes)
    for code in codes:
        if code not in INDICATORS:
            raise UnknownIndicator(f"No indicator has the code {code!r}")
    area = area_named(area_code)
    sources = {code: COMPARATOR_SOURCES.get(code) for code in codes}
    mapped = [source for source in sources.values() if source is not None]
    local = area.level == "local_authority"
    neighbours = _neighbour_codes(area.neighbours_of) if local and mapped else []
    rows = published_rows(
        sources=mapped,
        year=year,
        area_codes={ENGLAND, area.compares_as, area.region_code or ENGLAND, *neighbours},
        local_authorities=local,
    )
    return {
        code: _comparators(code, area, year, source, rows, neighbours)
        for code, source in sources.items()
    }


def _neighbour_codes(neighbours_of: str | None) -> list[str]:
    """The statistical neighbours' codes, nearest first (selectors.neighbours_of)."""
    if neighbours_of is None:
        return []
    return [neighbour.neighbour_code for neighbour in neighbours_of_area(area_code=neighbours_of)]


def _comparators(
    code: str,
    area: Area,
    year: int,
    source: ComparatorSource | None,
    rows: PublishedRows,
    neighbours: list[str],
) -> Comparators:
    if source is None or rows.table(source.table) is None:
        return Comparators(code, area, year, source, None, None, None, None, None, None)
    local = area.level == "local_authority"
    return Comparators(
        code=code,
        area=area,
        year=year,
        source=source,
        time_period=source.time_period(year),
        own=_published(rows, source, year, area.compares_as),
        england=_published(rows, source, year, ENGLAND),
        region=_published(rows, source, year, area.region_code) if area.region_code else None,
        neighbours_average=_neighbours(rows, source, year, area, neighbours) if local else None,
        rank=rows.rank(source, year, area.compares_as) if local else None,
    )


def _published(
    rows: PublishedRows, source: ComparatorSource, year: int, area_code: str
) -> Published | None:
    figure = rows.figure(source, year, area_code, source.indicator)
    if figure is None:
        return None
    return Published(
        area_code=area_code,
        figure=figure,
        numerator=_count(rows, source, year, area_code, source.numerator),
        denominator=_count(rows, source, year, area_code, source.denominator),
    )


def _count(
    rows: PublishedRows, source: ComparatorSource, year: int, area_code: str, column: str | None
) -> ComparatorValue | None:
    return None if column is None else rows.figure(source, year, area_code, column)


def _neighbours(
    rows: PublishedRows, source: ComparatorSource, year: int, area: Area, neighbours: list[str]
) -> NeighbourAverage | None:
    if area.neighbours_of is None:
        return None
    found = rows.neighbour_average(source, year, neighbours)
    if found.value is None:
        return found
    return replace(found, value=found.value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
