"""Indicators: definitions in the registry and formulas worked by hand on plain rows."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.clock import ADVICE_SOURCES, ClockEvent, compute_clock
from opensend.statutory.codes import CeaseReason, NeedType
from opensend.statutory.indicators import (
    INDICATORS,
    POLARITIES,
    UNITS,
    AdviceRow,
    CaseRow,
    IndicatorValue,
    MeasureRows,
    Period,
    PlanRow,
    RequestRow,
    ReviewRow,
    TransferRow,
)
from opensend.statutory.indicators import formulas as f

FAST = settings(max_examples=200, deadline=None)
Y2024 = Period(date(2024, 1, 1), date(2024, 12, 31))
DOCS = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"


def d(text: str) -> date:
    return date.fromisoformat(text)


def plan(request: str | None, issued: str, *, exception: bool = False, **fields: object) -> PlanRow:
    return PlanRow(
        issued=d(issued),
        request_received=d(request) if request else None,
        exception_applies=exception,
        **fields,  # type: ignore[arg-type]
    )


def value(code: str, rows: MeasureRows, period: Period = Y2024) -> Decimal | None:
    return INDICATORS[code].formula(rows, period).value


# 2024-01-01 + 20 weeks = 2024-05-20 (day 140); 2024-02-05 + 20 weeks = 2024-06-24.
PLANS = (
    plan("2024-01-01", "2024-05-20"),  # exactly day 140: within 20 weeks
    plan("2024-02-05", "2024-06-10"),  # on time (126 days)
    plan("2024-01-01", "2024-07-01"),  # late, no exception (182 days)
    plan("2024-01-01", "2024-08-01", exception=True),  # late with an exception (213 days)
    plan("2023-06-01", "2023-12-20"),  # issued before the period: ignored
    plan(None, "2024-03-01"),  # transferred in: not a new plan
)


# --- arithmetic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (2, 3, Decimal("66.7")),
        (1, 3, Decimal("33.3")),
        (2, 4, Decimal("50.0")),
        (1, 8, Decimal("12.5")),
        (1, 16, Decimal("6.3")),  # 6.25: half up, not half even
        (1, 400, Decimal("0.3")),  # 0.25
        (0, 5, Decimal("0.0")),
        (5, 5, Decimal("100.0")),
        (0, 0, None),
        (3, 0, None),
    ],
)
def test_percent_rounds_half_up_to_one_decimal(
    numerator: int, denominator: int, expected: Decimal | None
) -> None:
    result = f.percent(numerator, denominator)
    assert result == IndicatorValue(expected, numerator, denominator)
    if expected is not None:
        assert str(result.value) == str(expected)  # one decimal place, as published


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends on or after"):
        Period(date(2024, 2, 1), date(2024, 1, 31))
    assert Period(date(2024, 1, 1), date(2024, 1, 1)).contains(date(2024, 1, 1))


# --- the 20 weeks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected", "numerator", "denominator"),
    [
        ("new_plans", Decimal(4), 4, None),
        ("plans_issued_within_20_weeks_excl_exceptions", Decimal("66.7"), 2, 3),
        ("plans_issued_within_20_weeks_incl_exceptions", Decimal("50.0"), 2, 4),
        ("plans_issued_over_52_weeks", Decimal("0.0"), 0, 4),
        # (140 + 126 + 182 + 213) days / (7 x 4) = 23.607 weeks
        ("average_weeks_to_issue", Decimal("23.6"), None, 4),
    ],
)
def test_new_plans_in_2024(
    code: str, expected: Decimal, numerator: int | None, denominator: int | None
) -> None:
    assert INDICATORS[code].formula(MeasureRows(plans=PLANS), Y2024) == IndicatorValue(
        expected, numerator, denominator
    )


def test_day_140_is_within_20_weeks_and_day_141_is_not() -> None:
    on_time = (plan("2024-01-01", "2024-05-20"),)
    late = (plan("2024-01-01", "2024-05-21"),)
    code = "plans_issued_within_20_weeks_incl_exceptions"
    assert value(code, MeasureRows(plans=on_time)) == Decimal("100.0")
    assert value(code, MeasureRows(plans=late)) == Decimal("0.0")


def test_the_20_weeks_agree_with_the_statutory_clock() -> None:
    received = date(2024, 1, 1)
    for issued in (date(2024, 5, 20), date(2024, 5, 21)):
        events = [
            ClockEvent("request_received", received),
            ClockEvent("decision_to_assess", date(2024, 2, 1), outcome="assess"),
            ClockEvent("final_plan_issued", issued),
        ]
        week20 = compute_clock(events, today=date(2024, 12, 31)).week20
        assert week20.due == f.final_plan_due(received)
        rows = MeasureRows(plans=(PlanRow(issued=issued, request_received=received),))
        within = value("plans_issued_within_20_weeks_incl_exceptions", rows)
        assert (within == Decimal("100.0")) is week20.within_20_weeks


def test_over_52_weeks_starts_the_day_after_52_weeks() -> None:
    rows = MeasureRows(
        plans=(
            plan("2023-01-02", "2024-01-01"),  # 364 days: exactly 52 weeks, not over
            plan("2023-01-02", "2024-01-02"),  # 365 days: over
        )
    )
    assert INDICATORS["plans_issued_over_52_weeks"].formula(rows, Y2024) == IndicatorValue(
        Decimal("50.0"), 1, 2
    )


@pytest.mark.parametrize("code", [code for code, i in INDICATORS.items() if i.unit != "count"])
def test_no_rows_gives_none_not_zero(code: str) -> None:
    result = INDICATORS[code].formula(MeasureRows(), Y2024)
    assert result.value is None
    assert result.denominator == 0


@pytest.mark.parametrize("code", [code for code, i in INDICATORS.items() if i.unit == "count"])
def test_no_rows_counts_zero(code: str) -> None:
    assert INDICATORS[code].formula(MeasureRows(), Y2024) == IndicatorValue(Decimal(0), 0, None)


def test_rows_outside_the_period_are_ignored() -> None:
    rows = MeasureRows(plans=PLANS)
    q1 = Period(date(2024, 1, 1), date(2024, 3, 31))
    assert value("new_plans", rows, q1) == Decimal(0)
    assert value("plans_issued_within_20_weeks_incl_exceptions", rows, q1) is None
    q2 = Period(date(2024, 4, 1), date(2024, 6, 30))
    assert value("plans_issued_within_20_weeks_incl_exceptions", rows, q2) == Decimal("100.0")


# --- requests -------------------------------------------------------------------------------

REQUESTS = (
    RequestRow(d("2024-01-08"), d("2024-02-19"), "assess"),  # exactly 6 weeks: on time
    RequestRow(d("2024-01-08"), d("2024-02-20"), "not_assess"),  # a day late
    RequestRow(d("2024-03-01")),  # not decided yet
    RequestRow(d("2023-12-01"), d("2024-01-05"), "not_assess"),  # received in 2023
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ehc_requests_received", IndicatorValue(Decimal(3), 3, None)),
        ("requests_decided_within_6_weeks", IndicatorValue(Decimal("66.7"), 2, 3)),
        ("requests_refused", IndicatorValue(Decimal("50.0"), 1, 2)),
    ],
)
def test_requests(code: str, expected: IndicatorValue) -> None:
    assert INDICATORS[code].formula(MeasureRows(requests=REQUESTS), Y2024) == expected


# --- advice ---------------------------------------------------------------------------------

ADVICE = (
    AdviceRow("health", d("2024-01-01"), d("2024-02-12")),  # due 2024-02-12: on time
    AdviceRow("health", d("2024-01-01"), d("2024-02-13")),  # a day late
    AdviceRow("psychology", d("2024-01-01")),  # never came
    AdviceRow("education", d("2023-11-01"), d("2024-01-30")),  # due 2023-12-13: outside
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("advice_within_6_weeks", IndicatorValue(Decimal("33.3"), 1, 3)),
        ("advice_within_6_weeks_health", IndicatorValue(Decimal("50.0"), 1, 2)),
        ("advice_within_6_weeks_psychology", IndicatorValue(Decimal("0.0"), 0, 1)),
        ("advice_within_6_weeks_education", IndicatorValue(None, 0, 0)),
        ("advice_within_6_weeks_social_care", IndicatorValue(None, 0, 0)),
    ],
)
def test_advice_by_agency(code: str, expected: IndicatorValue) -> None:
    assert INDICATORS[code].formula(MeasureRows(advice=ADVICE), Y2024) == expected


# --- reviews and transfers ------------------------------------------------------------------

REVIEWS = (
    # held before due; decided on day 28; amended plan on day 84 (12 weeks)
    ReviewRow(d("2024-03-01"), d("2024-02-20"), d("2024-03-19"), "amend", d("2024-05-14")),
    # held late; decided on day 29; amended plan not issued
    ReviewRow(d("2024-04-01"), d("2024-04-10"), d("2024-05-09"), "amend"),
    ReviewRow(d("2024-06-01")),  # not held
    ReviewRow(d("2023-12-01"), d("2023-12-01"), d("2023-12-05"), "maintain"),  # 2023
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("annual_reviews_due", IndicatorValue(Decimal(3), 3, None)),
        ("annual_reviews_held", IndicatorValue(Decimal(2), 2, None)),
        ("annual_reviews_held_by_due_date", IndicatorValue(Decimal("33.3"), 1, 3)),
        ("review_decisions_within_4_weeks", IndicatorValue(Decimal("50.0"), 1, 2)),
        ("amended_plans_within_12_weeks", IndicatorValue(Decimal("50.0"), 1, 2)),
    ],
)
def test_reviews(code: str, expected: IndicatorValue) -> None:
    assert INDICATORS[code].formula(MeasureRows(reviews=REVIEWS), Y2024) == expected


def test_amended_plan_a_day_after_12_weeks_is_late() -> None:
    late = ReviewRow(d("2024-03-01"), d("2024-02-20"), d("2024-03-01"), "amend", d("2024-05-15"))
    rows = MeasureRows(reviews=(late,))
    assert value("amended_plans_within_12_weeks", rows) == Decimal("0.0")


TRANSFERS = (
    TransferRow(d("2024-09-01"), "school", d("2024-02-15")),  # on 15 February: met
    TransferRow(d("2024-09-01"), "school", d("2024-02-16")),  # late
    TransferRow(d("2024-09-01"), "post16", d("2024-03-31")),  # on 31 March: met
    TransferRow(d("2025-09-01"), "school"),  # deadline 15 February 2025: outside
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("phase_transfers_finalised_by_15_february", IndicatorValue(Decimal("50.0"), 1, 2)),
        ("phase_transfers_finalised_by_31_march", IndicatorValue(Decimal("100.0"), 1, 1)),
    ],
)
def test_phase_transfers(code: str, expected: IndicatorValue) -> None:
    assert INDICATORS[code].formula(MeasureRows(transfers=TRANSFERS), Y2024) == expected


# --- plans in place, ceased, primary need, caseload ------------------------------------------

STOCK = (
    plan(None, "2020-01-01", primary_need="ASD"),
    plan(None, "2021-01-01", primary_need="SEMH", ceased=d("2024-06-30"), cease_reason="2"),
    plan("2024-06-01", "2024-12-31", primary_need="ASD"),  # issued on the last day: in place
    plan(None, "2022-01-01", ceased=d("2024-12-31"), cease_reason="5"),  # ceased that day: out
    plan(None, "2019-09-01"),  # in place, no primary need recorded
    plan(None, "2025-01-01", primary_need="SLD"),  # after the period
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("plans_in_place", IndicatorValue(Decimal(3), 3, None)),
        ("plans_ceased", IndicatorValue(Decimal(2), 2, None)),
        ("plans_ceased_needs_met", IndicatorValue(Decimal(1), 1, None)),
        ("plans_ceased_moved_la_england", IndicatorValue(Decimal(1), 1, None)),
        ("plans_ceased_deceased", IndicatorValue(Decimal(0), 0, None)),
        ("primary_need_asd", IndicatorValue(Decimal("100.0"), 2, 2)),
        ("primary_need_semh", IndicatorValue(Decimal("0.0"), 0, 2)),
        ("primary_need_sld", IndicatorValue(Decimal("0.0"), 0, 2)),
    ],
)
def test_plans_in_place_ceased_and_need(code: str, expected: IndicatorValue) -> None:
    assert INDICATORS[code].formula(MeasureRows(plans=STOCK), Y2024) == expected


def test_caseload_per_coordinator() -> None:
    cases = (
        CaseRow(d("2024-01-01"), caseworker="ann"),
        CaseRow(d("2024-02-01"), caseworker="ann"),
        CaseRow(d("2024-03-01"), caseworker="bob"),
        CaseRow(d("2024-01-01"), d("2024-06-01"), caseworker="bob"),  # closed
        CaseRow(d("2024-01-01")),  # unallocated
    )
    assert INDICATORS["caseload_per_coordinator"].formula(
        MeasureRows(cases=cases), Y2024
    ) == IndicatorValue(Decimal("1.5"), 3, 2)


# --- the registry ---------------------------------------------------------------------------

SNAKE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def test_the_registry_has_the_required_codes() -> None:
    required = {
        "ehc_requests_received",
        "requests_decided_within_6_weeks",
        "requests_refused",
        "new_plans",
        "plans_issued_within_20_weeks_excl_exceptions",
        "plans_issued_within_20_weeks_incl_exceptions",
        "plans_issued_over_52_weeks",
        "average_weeks_to_issue",
        "plans_in_place",
        "annual_reviews_due",
        "annual_reviews_held",
        "review_decisions_within_4_weeks",
        "amended_plans_within_12_weeks",
        "phase_transfers_finalised_by_15_february",
        "phase_transfers_finalised_by_31_march",
        "plans_ceased",
        "caseload_per_coordinator",
        *(f"advice_within_6_weeks_{source}" for source in ADVICE_SOURCES),
        *(f"primary_need_{need.value.lower()}" for need in NeedType),
    }
    assert required <= set(INDICATORS)
    assert len([c for c in INDICATORS if c.startswith("plans_ceased_")]) == len(CeaseReason)
    assert INDICATORS["plans_issued_within_20_weeks_excl_exceptions"].unit == "percent"
    assert INDICATORS["plans_issued_within_20_weeks_incl_exceptions"].unit == "percent"


@pytest.mark.parametrize("code", list(INDICATORS))
def test_every_entry_is_fully_defined(code: str) -> None:
    indicator = INDICATORS[code]
    assert indicator.code == code
    assert SNAKE.fullmatch(code), code
    assert indicator.name and indicator.numerator and indicator.period and indicator.source
    assert indicator.polarity in POLARITIES
    assert indicator.unit in UNITS
    assert bool(indicator.denominator) is (indicator.unit != "count")


def test_every_indicator_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [code for code in INDICATORS if f"`{code}`" not in text]
    assert not missing


# --- properties -----------------------------------------------------------------------------

plans_strategy = st.builds(
    lambda request, days, exception: PlanRow(
        issued=request + timedelta(days=days),
        request_received=request,
        exception_applies=exception,
    ),
    st.dates(date(2023, 1, 1), date(2024, 12, 31)),
    st.integers(0, 500),
    st.booleans(),
)
plan_lists = st.lists(plans_strategy, max_size=30)
PERCENTS = [
    code for code, i in INDICATORS.items() if i.unit == "percent" and code.startswith("plans_")
]


@FAST
@given(plan_lists)
def test_plan_percentages_are_between_0_and_100(plans: list[PlanRow]) -> None:
    rows = MeasureRows(plans=tuple(plans))
    for code in PERCENTS:
        result = INDICATORS[code].formula(rows, Y2024)
        assert result.value is None or Decimal(0) <= result.value <= Decimal(100)
        assert result.numerator is not None and result.denominator is not None
        assert 0 <= result.numerator <= result.denominator


@FAST
@given(plan_lists)
def test_excluding_exceptions_never_has_a_larger_denominator(plans: list[PlanRow]) -> None:
    rows = MeasureRows(plans=tuple(plans))
    excl = INDICATORS["plans_issued_within_20_weeks_excl_exceptions"].formula(rows, Y2024)
    incl = INDICATORS["plans_issued_within_20_weeks_incl_exceptions"].formula(rows, Y2024)
    assert excl.denominator is not None and incl.denominator is not None
    assert excl.denominator <= incl.denominator
    assert incl.denominator == value("new_plans", rows)


@FAST
@given(
    plan_lists,
    st.dates(date(2024, 1, 1), date(2024, 12, 31)),
    st.integers(0, 140),
    st.booleans(),
)
def test_adding_an_on_time_plan_never_lowers_the_20_week_percentage(
    plans: list[PlanRow], issued: date, days_early: int, exception: bool
) -> None:
    extra = PlanRow(
        issued=issued,
        request_received=issued - timedelta(days=days_early),
        exception_applies=exception,
    )
    for code in (
        "plans_issued_within_20_weeks_excl_exceptions",
        "plans_issued_within_20_weeks_incl_exceptions",
    ):
        before = value(code, MeasureRows(plans=tuple(plans)))
        after = value(code, MeasureRows(plans=(*plans, extra)))
        if before is not None:
            assert after is not None and after >= before
        # the new plan counts unless it is excluded for its exception
        assert (after is None) is (before is None and exception and "excl" in code)


@FAST
@given(
    st.lists(
        st.tuples(
            st.dates(date(2023, 10, 1), date(2024, 12, 31)),
            st.integers(0, 90),
            st.sampled_from(ADVICE_SOURCES),
        ),
        max_size=30,
    )
)
def test_advice_by_agency_adds_up_to_all_agencies(
    requests: list[tuple[date, int, str]],
) -> None:
    rows = MeasureRows(
        advice=tuple(AdviceRow(source, day, day + timedelta(days=n)) for day, n, source in requests)
    )
    total = INDICATORS["advice_within_6_weeks"].formula(rows, Y2024)
    parts = [INDICATORS[f"advice_within_6_weeks_{s}"].formula(rows, Y2024) for s in ADVICE_SOURCES]
    assert total.numerator == sum(p.numerator or 0 for p in parts)
    assert total.denominator == sum(p.denominator or 0 for p in parts)
