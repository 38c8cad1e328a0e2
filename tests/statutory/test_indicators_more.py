"""The indicators added for issue 3's second part: placements, disputes, advice without
Reg 8(2) exceptions, the exception helpers, and the rows behind each figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from opensend.statutory.clock import ClockEvent, compute_clock
from opensend.statutory.indicators import (
    INDICATORS,
    AdviceRow,
    DisputeRow,
    IndicatorValue,
    MeasureRows,
    Period,
    PlanRow,
)
from opensend.statutory.indicators.disputes import outcome_of
from opensend.statutory.indicators.exceptions import (
    advice_exception_applies,
    exception_event,
    week20_exception_applies,
)
from opensend.statutory.indicators.placements import placement_of

Y2024 = Period(date(2024, 1, 1), date(2024, 12, 31))
ORIGINAL_46 = 46


def d(text: str) -> date:
    return date.fromisoformat(text)


def figure(code: str, rows: MeasureRows) -> IndicatorValue:
    return INDICATORS[code].formula(rows, Y2024)


def test_the_first_46_codes_keep_their_place() -> None:
    codes = list(INDICATORS)
    assert codes[0] == "ehc_requests_received"
    assert codes[ORIGINAL_46 - 1] == "caseload_per_coordinator"


# --- placements -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ({"kind": None}, "elsewhere"),
        ({"kind": "school", "phase": "primary"}, "mainstream"),
        ({"kind": "early_years", "phase": "early_years"}, "mainstream"),
        ({"kind": "school", "phase": "special", "is_special": True}, "special"),
        ({"kind": "school", "is_special": True, "is_independent": True}, "independent"),
        ({"kind": "school", "phase": "secondary", "is_independent": True}, "independent"),
        ({"kind": "college", "phase": "further_education"}, "post16"),
        ({"kind": "school", "phase": "post16"}, "post16"),
        ({"kind": "nhs_trust"}, "elsewhere"),
    ],
)
def test_placement_of_a_setting(setting: dict[str, object], expected: str) -> None:
    assert placement_of(**setting) == expected  # type: ignore[arg-type]


def plan(placement: str, in_area: bool | None, ceased: str | None = None, ref: int = 0) -> PlanRow:
    return PlanRow(
        issued=d("2023-03-01"),
        ceased=d(ceased) if ceased else None,
        placement=placement,
        in_area=in_area,
        ref=ref,
    )


PLACED = MeasureRows(
    plans=(
        plan("mainstream", True, ref=1),
        plan("mainstream", True, ref=2),
        plan("special", False, ref=3),
        plan("independent", False, ref=4),
        plan("elsewhere", None, ref=5),
        plan("post16", True, ceased="2024-12-31", ref=6),  # ceased on the last day: gone
    )
)


@pytest.mark.parametrize(
    ("code", "expected", "refs"),
    [
        ("placements_mainstream", IndicatorValue(Decimal("40.0"), 2, 5), {1, 2}),
        ("placements_special", IndicatorValue(Decimal("20.0"), 1, 5), {3}),
        ("placements_independent", IndicatorValue(Decimal("20.0"), 1, 5), {4}),
        ("placements_post16", IndicatorValue(Decimal("0.0"), 0, 5), set()),
        ("placements_elsewhere", IndicatorValue(Decimal("20.0"), 1, 5), {5}),
        ("placements_in_area", IndicatorValue(Decimal("50.0"), 2, 4), {1, 2}),
        ("placements_out_of_area", IndicatorValue(Decimal("50.0"), 2, 4), {3, 4}),
    ],
)
def test_placements(code: str, expected: IndicatorValue, refs: set[int]) -> None:
    found = figure(code, PLACED)
    assert found == expected
    assert {row.ref for row in found.numerator_rows} == refs  # type: ignore[attr-defined]


# --- disputes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agreement reached", "agreement"),
        ("No agreement; certificate issued", "no_agreement"),
        ("Appeal upheld", "upheld"),
        ("  appeal   UPHELD in part", "upheld"),
        ("Appeal dismissed", "dismissed"),
        ("Conceded by the local authority before hearing", "conceded"),
        ("Withdrawn by the family", "withdrawn"),
        ("Settled by agreement", "settled"),
        ("Adjourned", "other"),
        ("", None),
    ],
)
def test_outcome_words(text: str, expected: str | None) -> None:
    assert outcome_of(text) == expected


def dispute(kind: str, started: str, concluded: str | None = None, outcome: str | None = None):
    return DisputeRow(kind, d(started), d(concluded) if concluded else None, outcome)


DISPUTES = MeasureRows(
    disputes=(
        dispute("mediation", "2024-02-01", "2024-03-01", "agreement"),
        dispute("mediation", "2024-05-01", "2024-06-01", "no_agreement"),
        dispute("mediation", "2024-11-20"),  # not concluded yet
        dispute("mediation", "2023-12-01", "2024-01-10", "agreement"),  # started before
        dispute("tribunal", "2023-09-01", "2024-04-01", "upheld"),
        dispute("tribunal", "2024-01-15", "2024-07-01", "dismissed"),
        dispute("tribunal", "2024-03-01", "2024-08-01", "conceded"),  # not decided
        dispute("tribunal", "2024-06-01", "2025-01-20", "upheld"),  # concluded after
    )
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("mediation_cases_registered", IndicatorValue(Decimal(3), 3, None)),
        ("mediation_cases_concluded", IndicatorValue(Decimal(3), 3, None)),
        ("mediation_agreement_reached", IndicatorValue(Decimal("66.7"), 2, 3)),
        ("tribunal_appeals_registered", IndicatorValue(Decimal(3), 3, None)),
        ("tribunal_appeals_concluded", IndicatorValue(Decimal(3), 3, None)),
        ("tribunal_appeals_upheld", IndicatorValue(Decimal("50.0"), 1, 2)),
    ],
)
def test_disputes(code: str, expected: IndicatorValue) -> None:
    assert figure(code, DISPUTES) == expected


# --- advice without Reg 8(2) exceptions --------------------------------------------------

# Requested 2024-03-01: due 2024-04-12.
ADVICE = MeasureRows(
    advice=(
        AdviceRow("health", d("2024-03-01"), d("2024-04-12"), ref=1),  # on time
        AdviceRow("health", d("2024-03-01"), d("2024-05-01"), ref=2),  # late
        AdviceRow("psychology", d("2024-03-01"), d("2024-06-01"), True, ref=3),  # excused
        AdviceRow("education", d("2024-03-01"), d("2024-04-01"), True, ref=4),  # on time too
    )
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("advice_within_6_weeks", IndicatorValue(Decimal("50.0"), 2, 4)),
        ("advice_within_6_weeks_excl_exceptions", IndicatorValue(Decimal("50.0"), 1, 2)),
    ],
)
def test_advice_with_and_without_exceptions(code: str, expected: IndicatorValue) -> None:
    assert figure(code, ADVICE) == expected


def test_the_rows_behind_a_percentage() -> None:
    found = figure("advice_within_6_weeks_excl_exceptions", ADVICE)
    assert [row.ref for row in found.numerator_rows] == [1]  # type: ignore[attr-defined]
    assert [row.ref for row in found.denominator_rows] == [1, 2]  # type: ignore[attr-defined]


# --- the exception helpers agree with the clock ---------------------------------------------


def away(start: str, end: str, reason: str = "absent_from_area") -> ClockEvent:
    return exception_event(recorded=d(start), reason=reason, start=d(start), end=d(end))


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (away("2024-02-01", "2024-03-10"), True),  # 39 days away, in the 20 weeks
        (away("2024-02-01", "2024-02-20"), False),  # under 4 weeks: not an exception
        (away("2024-07-01", "2024-08-30"), False),  # after the 20 weeks (due 2024-05-20)
        (away("2024-03-01", "2024-03-02", "personal_circumstances"), True),
        (away("2024-03-01", "2024-03-02", "missed_appointment"), False),  # advice only
    ],
)
def test_week20_exception_agrees_with_the_clock(exception: ClockEvent, expected: bool) -> None:
    received = d("2024-01-01")
    events = [ClockEvent(event="request_received", date=received), exception]
    clock = compute_clock(events, today=d("2024-12-31"))
    assert clock.week20.exception_applies is expected
    assert week20_exception_applies(received, [exception]) is expected


def test_a_closure_needs_the_setting_asked_for_advice() -> None:
    closed = away("2024-02-01", "2024-03-15", "school_closure")
    assert week20_exception_applies(d("2024-01-01"), [closed]) is False
    assert week20_exception_applies(d("2024-01-01"), [closed], [d("2024-02-05")]) is True


def test_advice_exceptions_follow_reg_8_2() -> None:
    requested = d("2024-03-01")
    assert advice_exception_applies(
        requested, [away("2024-03-05", "2024-03-06", "missed_appointment")]
    )
    assert not advice_exception_applies(
        requested, [away("2024-03-05", "2024-04-30", "school_closure")]
    )
    assert not advice_exception_applies(requested, [])
