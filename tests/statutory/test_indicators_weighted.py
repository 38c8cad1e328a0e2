"""A weighted plan or case row (``weight`` n) counts as n copies of itself: every
indicator gives the same IndicatorValue on weighted rows as on the rows expanded."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.indicators import (
    INDICATORS,
    CaseRow,
    IndicatorValue,
    MeasureRows,
    Period,
    PlanRow,
)
from opensend.statutory.indicators.placements import PLACEMENTS

PERIOD = Period(date(2024, 1, 1), date(2024, 12, 31))
START = date(2022, 1, 1)
DAYS = 1300  # 2022 to mid-2025: before, in and after the period

days = st.integers(0, DAYS).map(lambda n: START + timedelta(days=n))
maybe_days = st.none() | days

plans = st.builds(
    PlanRow,
    issued=days,
    request_received=maybe_days,
    exception_applies=st.booleans(),
    ceased=maybe_days,
    cease_reason=st.none() | st.sampled_from(["1", "2", "3", "9"]),
    primary_need=st.none() | st.sampled_from(["ASD", "SLCN", "SEMH", "MLD"]),
    placement=st.none() | st.sampled_from(list(PLACEMENTS)),
    in_area=st.none() | st.booleans(),
    weight=st.integers(1, 4),
)
cases = st.builds(
    CaseRow,
    opened=days,
    closed=maybe_days,
    caseworker=st.none() | st.sampled_from(["ann", "bob", "cat"]),
    weight=st.integers(1, 4),
)


def expanded[T: (PlanRow, CaseRow)](rows: list[T]) -> tuple[T, ...]:
    return tuple(row._replace(weight=1) for row in rows for _ in range(row.weight))


def figures(rows: MeasureRows) -> dict[str, IndicatorValue]:
    return {code: indicator.formula(rows, PERIOD) for code, indicator in INDICATORS.items()}


@settings(max_examples=150, deadline=None)
@given(st.lists(plans, max_size=25), st.lists(cases, max_size=25))
def test_weighted_rows_give_the_figures_of_the_rows_they_stand_for(
    plan_rows: list[PlanRow], case_rows: list[CaseRow]
) -> None:
    weighted = MeasureRows(plans=tuple(plan_rows), cases=tuple(case_rows))
    one_by_one = MeasureRows(plans=expanded(plan_rows), cases=expanded(case_rows))
    assert figures(weighted) == figures(one_by_one)


def test_a_weight_is_counted_not_the_row() -> None:
    rows = MeasureRows(
        plans=(
            PlanRow(date(2020, 5, 1), primary_need="ASD", weight=3),
            PlanRow(date(2020, 5, 1), primary_need="SLCN"),
        ),
        cases=(CaseRow(date(2020, 1, 1), caseworker="ann", weight=5),),
    )
    found = figures(rows)
    assert found["plans_in_place"].numerator == 4
    assert (found["primary_need_asd"].numerator, found["primary_need_asd"].denominator) == (3, 4)
    assert found["caseload_per_coordinator"].numerator == 5
