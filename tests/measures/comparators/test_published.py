"""Reading comparators: a published figure, the neighbours' average, the rank."""

from decimal import Decimal

import pytest

from opensend.measures.comparators.published import (
    ComparatorNotFound,
    comparator,
    neighbour_average,
    rank,
)
from opensend.measures.models import EesRelease, StatisticalNeighbour

NORTHUMBERLAND = "E06000057"
TIMELINESS = {
    "table": "timeliness_20_week",
    "indicator": "pc_plans_issued_within_20_weeks",
    "time_period": "2024",
    "filters": {"breakdown_topic": "All EHC plans issued", "breakdown": "All EHC plans issued"},
}


def test_the_neighbour_average_uses_the_neighbours_with_a_number(ees_2025: EesRelease) -> None:
    average = neighbour_average(area_code=NORTHUMBERLAND, **TIMELINESS)
    codes = StatisticalNeighbour.objects.filter(la_code=NORTHUMBERLAND).values_list(
        "neighbour_code", flat=True
    )
    values = [comparator(area_code=code, **TIMELINESS).value for code in codes]
    assert (average.used, average.neighbours) == (10, 10)
    assert average.value == sum(values, Decimal(0)) / 10


def test_rank_among_local_authorities(ees_2025: EesRelease) -> None:
    found = rank(area_code=NORTHUMBERLAND, **TIMELINESS)
    assert found.out_of > 140
    assert 1 <= found.position <= found.out_of
    best = rank(area_code="E92000001", **TIMELINESS)  # England is not a local authority
    assert best.position is None


def test_a_missing_indicator_or_area_is_an_error_not_a_zero(ees_2025: EesRelease) -> None:
    with pytest.raises(ComparatorNotFound, match="no indicator"):
        comparator(**{**TIMELINESS, "indicator": "nonsense"}, area_code=NORTHUMBERLAND)
    with pytest.raises(ComparatorNotFound, match="no row"):
        comparator(area_code="E99999999", **TIMELINESS)
    with pytest.raises(ComparatorNotFound, match="No imported EES table"):
        comparator(**{**TIMELINESS, "table": "nonsense"}, area_code=NORTHUMBERLAND)


def test_filters_that_match_several_rows_are_refused(ees_2025: EesRelease) -> None:
    with pytest.raises(ComparatorNotFound, match="more than one row"):
        comparator(**{**TIMELINESS, "filters": {}}, area_code=NORTHUMBERLAND)
