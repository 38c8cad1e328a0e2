"""comparators_for_many(): the same answers as one indicator at a time through the selectors,
on the real 2025 release, in a number of queries that does not grow with the indicators."""

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opensend.measures.comparators.published import (
    ComparatorNotFound,
    comparator,
    neighbour_average,
    rank,
)
from opensend.measures.comparators.selectors import (
    COMPARATOR_SOURCES,
    ENGLAND,
    Comparators,
    ComparatorSource,
    Published,
    UnknownArea,
    UnknownIndicator,
    area_named,
    comparators_for,
    comparators_for_many,
)
from opensend.measures.dashboard import sources
from opensend.measures.models import AreaComparison, EesRelease, EesTable
from opensend.nonprod.generator import names
from opensend.statutory.indicators import INDICATORS
from tests.factories import LocalAuthorityFactory

NORTH_EAST, NORTHUMBERLAND, DORSET = "E12000001", "E06000057", "E06000059"
MAPPED = list(COMPARATOR_SOURCES)
EVERY_CODE = list(INDICATORS)  # the mapped ones and those the DfE has no equivalent for


def _query(source: ComparatorSource, year: int, area_code: str, column: str) -> dict:
    return {
        "table": source.table,
        "indicator": source.column(column, year),
        "time_period": source.time_period(year),
        "area_code": area_code,
        "filters": dict(source.filters),
    }


def _figure(source: ComparatorSource, year: int, area_code: str, column: str | None):
    if column is None:
        return None
    try:
        return comparator(**_query(source, year, area_code, column))
    except ComparatorNotFound:
        return None


def _published(source: ComparatorSource, year: int, area_code: str) -> Published | None:
    figure = _figure(source, year, area_code, source.indicator)
    if figure is None:
        return None
    numerator = _figure(source, year, area_code, source.numerator)
    denominator = _figure(source, year, area_code, source.denominator)
    return Published(area_code, figure, numerator, denominator)


def one_at_a_time(code: str, area_code: str, year: int) -> Comparators:
    """The reference: one indicator through the selectors, query by query (as
    comparators_for read before the batched reader)."""
    area = area_named(area_code)
    source = COMPARATOR_SOURCES.get(code)
    if source is None or not EesTable.objects.filter(name=source.table).exists():
        return Comparators(code, area, year, source, None, None, None, None, None, None)
    local = area.level == "local_authority"
    average = None
    if local and area.neighbours_of is not None:
        average = neighbour_average(**_query(source, year, area.neighbours_of, source.indicator))
        if average.value is not None:
            rounded = average.value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            average = replace(average, value=rounded)
    own_rank = rank(**_query(source, year, area.compares_as, source.indicator)) if local else None
    return Comparators(
        code=code,
        area=area,
        year=year,
        source=source,
        time_period=source.time_period(year),
        own=_published(source, year, area.compares_as),
        england=_published(source, year, ENGLAND),
        region=_published(source, year, area.region_code) if area.region_code else None,
        neighbours_average=average,
        rank=own_rank,
    )


def borrowing_demo_area() -> str:
    la = LocalAuthorityFactory(name=names.LA_NAME, ons_code=names.ONS_CODE)
    AreaComparison.objects.create(
        local_authority=la,
        compares_as=names.COMPARES_AS,
        region_code=names.REGION_CODE,
        neighbours_of=names.COMPARES_AS,
        note="Borrowed for the test.",
    )
    return names.ONS_CODE


@pytest.mark.parametrize(
    ("area_code", "year"),
    [
        (ENGLAND, 2024),
        (NORTH_EAST, 2024),
        (NORTHUMBERLAND, 2024),
        (NORTHUMBERLAND, 2023),  # annual reviews: the year is in the column's name
        (DORSET, 2024),  # every figure an "x": no rank, no number
        ("demo", 2024),
    ],
)
def test_batched_and_single_answers_are_equal_for_every_indicator(
    ees_2025: EesRelease, area_code: str, year: int
) -> None:
    if area_code == "demo":
        area_code = borrowing_demo_area()
    batched = comparators_for_many(codes=EVERY_CODE, area_code=area_code, year=year)
    assert list(batched) == EVERY_CODE
    for code in EVERY_CODE:
        expected = one_at_a_time(code, area_code, year)
        assert batched[code] == expected, code
        assert comparators_for(code=code, area_code=area_code, year=year) == expected, code
    # Not equal by being empty: the mapped indicators have England figures (for 2024, all).
    published = [code for code in MAPPED if batched[code].england is not None]
    assert published == MAPPED if year == 2024 else len(published) > len(MAPPED) // 2


def test_a_local_authority_has_real_neighbours_and_ranks(ees_2025: EesRelease) -> None:
    batched = comparators_for_many(codes=MAPPED, area_code=NORTHUMBERLAND, year=2024)
    ranked = [found.rank for found in batched.values() if found.rank.position is not None]
    averaged = [found for found in batched.values() if found.neighbours_average.used]
    assert len(ranked) > len(MAPPED) // 2 and all(r.out_of > 100 for r in ranked)
    assert len(averaged) > len(MAPPED) // 2
    assert all(found.neighbours_average.neighbours == 10 for found in batched.values())


def count_queries(codes: list[str], area_code: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        comparators_for_many(codes=codes, area_code=area_code, year=2024)
    return len(captured)


@pytest.mark.parametrize("area", [ENGLAND, NORTHUMBERLAND, "demo"])
def test_the_query_count_does_not_grow_with_the_indicators(
    ees_2025: EesRelease, django_assert_max_num_queries, area: str
) -> None:
    area_code = borrowing_demo_area() if area == "demo" else area
    one = count_queries(MAPPED[:1], area_code)
    assert count_queries(MAPPED[:5], area_code) == one
    with django_assert_max_num_queries(6):
        comparators_for_many(codes=EVERY_CODE, area_code=area_code, year=2024)
    assert count_queries(EVERY_CODE, area_code) == one


def test_the_dashboard_reads_every_comparator_in_a_few_queries(
    ees_2025: EesRelease, django_assert_max_num_queries
) -> None:
    area_code = borrowing_demo_area()
    cache.clear()
    # The cache version (3), the latest year of each table (2), then one read per year
    # published (calendar years and January censuses may differ: at most 2 here) of at
    # most 6 queries.
    with django_assert_max_num_queries(3 + 2 + 2 * 6):
        first = sources.comparators_many(codes=EVERY_CODE, area_code=area_code, year=2026)
    assert sum(1 for found in first.values() if found.lines) == len(MAPPED)
    with django_assert_max_num_queries(3):  # all cached now
        again = sources.comparators_many(codes=EVERY_CODE, area_code=area_code, year=2026)
    assert again == first
    cache.clear()
    one_by_one = {
        code: sources.comparators(code=code, area_code=area_code, year=2026) for code in EVERY_CODE
    }
    assert one_by_one == first


def test_errors_are_those_of_a_single_answer(ees_2025: EesRelease) -> None:
    with pytest.raises(UnknownIndicator, match="nonsense"):
        comparators_for_many(codes=[MAPPED[0], "nonsense"], area_code=ENGLAND, year=2024)
    with pytest.raises(UnknownArea):
        comparators_for_many(codes=MAPPED, area_code="E06999999", year=2024)
    assert comparators_for_many(codes=[], area_code=ENGLAND, year=2024) == {}
