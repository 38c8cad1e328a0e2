"""Reads of the DfE's published statistics: a figure, its neighbours' average, its rank.

These are published national statistics about areas, not personal data, so unlike the
casework selectors they take no user and write no audit entry.
"""

from dataclasses import dataclass
from decimal import Decimal

from opensend.measures.comparators.ees_files import SPECIAL_VALUES, is_number
from opensend.measures.models import EesRow, EesTable, StatisticalNeighbour


class ComparatorNotFound(LookupError):
    """No published row (or more than one) for that table, period, area and filters."""


@dataclass(frozen=True)
class ComparatorValue:
    value: Decimal | None  # None when the DfE published a special value instead
    special: str | None  # "x", "c", "z", ... as published, or None for a number
    published: str  # the text exactly as published

    @property
    def special_meaning(self) -> str | None:
        return SPECIAL_VALUES.get(self.special) if self.special else None


@dataclass(frozen=True)
class NeighbourAverage:
    value: Decimal | None  # None when no neighbour has a number
    used: int  # neighbours with a number
    neighbours: int  # neighbours found


def published_value(text: str) -> ComparatorValue:
    if is_number(text):
        return ComparatorValue(value=Decimal(text), special=None, published=text)
    return ComparatorValue(value=None, special=text, published=text)


def latest_table(*, table: str) -> EesTable:
    """The table of that name in the most recent reporting year that has it."""
    found = EesTable.objects.filter(name=table).order_by("-release__reporting_year").first()
    if found is None:
        raise ComparatorNotFound(f"No imported EES table called {table!r}")
    return found


def comparator(
    *,
    table: str,
    indicator: str,
    time_period: str,
    area_code: str,
    filters: dict[str, str] | None = None,
) -> ComparatorValue:
    """One published figure, e.g. England's 2024 timeliness (table, period, area, filters)."""
    ees_table = latest_table(table=table)
    if indicator not in ees_table.indicators:
        raise ComparatorNotFound(f"{table} has no indicator {indicator!r}")
    rows = list(
        EesRow.objects.filter(
            table=ees_table,
            time_period=str(time_period),
            area_code=area_code,
            filters__contains=filters or {},
        ).values_list("values", flat=True)[:2]
    )
    if len(rows) != 1:
        problem = "no row" if not rows else "more than one row (give every filter)"
        raise ComparatorNotFound(f"{table} {time_period} {area_code} {filters or {}}: {problem}")
    return published_value(rows[0][indicator])


def neighbours_of(*, area_code: str) -> list[StatisticalNeighbour]:
    return list(StatisticalNeighbour.objects.filter(la_code=area_code).order_by("rank"))


def neighbour_average(
    *,
    table: str,
    indicator: str,
    time_period: str,
    area_code: str,
    filters: dict[str, str] | None = None,
) -> NeighbourAverage:
    """The mean over the LA's statistical neighbours that published a number."""
    numbers: list[Decimal] = []
    neighbours = neighbours_of(area_code=area_code)
    for neighbour in neighbours:
        try:
            found = comparator(
                table=table,
                indicator=indicator,
                time_period=time_period,
                area_code=neighbour.neighbour_code,
                filters=filters,
            )
        except ComparatorNotFound:
            continue
        if found.value is not None:
            numbers.append(found.value)
    average = sum(numbers, Decimal(0)) / len(numbers) if numbers else None
    return NeighbourAverage(value=average, used=len(numbers), neighbours=len(neighbours))


@dataclass(frozen=True)
class Rank:
    position: int | None  # 1 = highest value; None when the area has no number
    out_of: int  # local authorities with a number


def rank(
    *,
    table: str,
    indicator: str,
    time_period: str,
    area_code: str,
    filters: dict[str, str] | None = None,
) -> Rank:
    """The area's position among all local authorities with a number (1 = highest)."""
    ees_table = latest_table(table=table)
    rows = EesRow.objects.filter(
        table=ees_table,
        time_period=str(time_period),
        geographic_level="Local authority",
        filters__contains=filters or {},
    ).values_list("area_code", "values")
    numbers = {
        code: Decimal(values[indicator])
        for code, values in rows
        if is_number(values.get(indicator, ""))
    }
    if area_code not in numbers:
        return Rank(position=None, out_of=len(numbers))
    higher = sum(1 for number in numbers.values() if number > numbers[area_code])
    return Rank(position=higher + 1, out_of=len(numbers))
