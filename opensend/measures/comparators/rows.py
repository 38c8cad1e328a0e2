"""The published rows behind many comparators, read at once (comparators_for_many).

The published-figure reads (opensend/measures/comparators/published.py) read one figure
per query: England's, the region's, each neighbour's, every local authority's for the
rank, again for every indicator.
Here every row needed for a set of comparator sources and a year is read in two queries
(the latest table of each name, then the rows), and the same answers as those reads'
(`comparator`, `neighbour_average`, `rank`) are computed from them in memory. Published
statistics about areas: no user, no audit. See docs/measures-comparators.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Max, Q

from opensend.measures.comparators.ees_files import is_number
from opensend.measures.comparators.published import (
    ComparatorValue,
    NeighbourAverage,
    Rank,
    published_value,
)
from opensend.measures.comparators.sources import ComparatorSource
from opensend.measures.models import EesRow, EesTable

LOCAL_AUTHORITY = "Local authority"  # EesRow.geographic_level, as the rank reads it


class Row(NamedTuple):
    area_code: str
    geographic_level: str
    filters: Mapping[str, str]
    values: Mapping[str, str]


Read = tuple[int, str, frozenset[tuple[str, str]]]  # table id, time period, filters


def latest_tables(names: Iterable[str]) -> dict[str, EesTable]:
    """Each name's table in the most recent reporting year that has it (one query)."""
    found: dict[str, EesTable] = {}
    tables = EesTable.objects.filter(name__in=set(names)).order_by(
        "name", "-release__reporting_year"
    )
    for table in tables:
        found.setdefault(table.name, table)
    return found


def latest_england_periods(tables: Iterable[EesTable]) -> dict[int, str]:
    """Each table's (by id) latest time_period with a row for England (one query)."""
    rows = (
        EesRow.objects.filter(table__in=list(tables), area_code="E92000001")
        .values("table_id")
        .annotate(last=Max("time_period"))
        .values_list("table_id", "last")
    )
    return dict(rows)


class PublishedRows:
    """The rows of some (table, time period, filters) reads, for some areas (and every
    local authority when a rank is wanted), answering as the selectors would."""

    def __init__(self, tables: Mapping[str, EesTable], rows: Mapping[tuple[int, str], list[Row]]):
        self.tables = tables
        self._rows = rows
        self._matching: dict[Read, dict[str, list[Row]]] = {}

    def table(self, name: str) -> EesTable | None:
        return self.tables.get(name)

    def figure(
        self, source: ComparatorSource, year: int, area_code: str, column: str
    ) -> ComparatorValue | None:
        """selectors.comparator(): None where it raises ComparatorNotFound (no table, no such
        indicator, no row or more than one row for the area)."""
        table = self.tables.get(source.table)
        indicator = source.column(column, year)
        if table is None or indicator not in table.indicators:
            return None
        rows = self._by_area(table, source, year).get(area_code, [])
        if len(rows) != 1:
            return None
        return published_value(rows[0].values[indicator])

    def neighbour_average(
        self, source: ComparatorSource, year: int, neighbour_codes: list[str]
    ) -> NeighbourAverage:
        """selectors.neighbour_average(): the mean over the neighbours with a number."""
        found = (self.figure(source, year, code, source.indicator) for code in neighbour_codes)
        numbers = [value.value for value in found if value is not None and value.value is not None]
        average = sum(numbers, Decimal(0)) / len(numbers) if numbers else None
        return NeighbourAverage(value=average, used=len(numbers), neighbours=len(neighbour_codes))

    def rank(self, source: ComparatorSource, year: int, area_code: str) -> Rank | None:
        """selectors.rank(): 1 = highest among the local authorities with a number."""
        table = self.tables.get(source.table)
        if table is None:
            return None
        indicator = source.column(source.indicator, year)
        numbers = {
            row.area_code: Decimal(row.values[indicator])
            for rows in self._by_area(table, source, year).values()
            for row in rows
            if row.geographic_level == LOCAL_AUTHORITY and is_number(row.values.get(indicator, ""))
        }
        if area_code not in numbers:
            return Rank(position=None, out_of=len(numbers))
        higher = sum(1 for number in numbers.values() if number > numbers[area_code])
        return Rank(position=higher + 1, out_of=len(numbers))

    def _by_area(
        self, table: EesTable, source: ComparatorSource, year: int
    ) -> dict[str, list[Row]]:
        """The rows of the read whose filters contain the source's, by area code (in id
        order, so a later duplicate wins in the rank as it would in a dict of the rows)."""
        read = _read(table, source, year)
        if read not in self._matching:
            by_area: dict[str, list[Row]] = defaultdict(list)
            for row in self._rows.get(read[:2], []):
                if all(row.filters.get(key) == value for key, value in read[2]):
                    by_area[row.area_code].append(row)
            self._matching[read] = by_area
        return self._matching[read]


def _read(table: EesTable, source: ComparatorSource, year: int) -> Read:
    return (table.pk, str(source.time_period(year)), frozenset(source.filters.items()))


def published_rows(
    *,
    sources: Iterable[ComparatorSource],
    year: int,
    area_codes: Iterable[str],
    local_authorities: bool,
) -> PublishedRows:
    """Every row the sources need for `year`: those of `area_codes` and, when
    `local_authorities` (for the rank), those of every local authority. Two queries."""
    sources = list(sources)
    tables = latest_tables(source.table for source in sources)
    reads = {
        _read(tables[source.table], source, year) for source in sources if source.table in tables
    }
    rows: dict[tuple[int, str], list[Row]] = defaultdict(list)
    if not reads:
        return PublishedRows(tables, rows)
    which = reduce(
        or_,
        (
            Q(table_id=table_id, time_period=period, filters__contains=dict(filters))
            for table_id, period, filters in sorted(reads, key=repr)
        ),
    )
    where = Q(area_code__in=sorted(set(area_codes)))
    if local_authorities:
        where |= Q(geographic_level=LOCAL_AUTHORITY)
    found = (
        EesRow.objects.filter(which)
        .filter(where)
        .order_by("pk")
        .values_list(
            "table_id", "time_period", "area_code", "geographic_level", "filters", "values"
        )
    )
    for table_id, period, area_code, level, filters, values in found:
        rows[(table_id, period)].append(Row(area_code, level, filters, values))
    return PublishedRows(tables, rows)
