"""The exceptions of Reg 5(4), 8(2), 10(4), 13(3): when a missed limit is excused.

Running example: request Mon 2 Jan 2023, final plan due Mon 22 May 2023 (2 Jan + 140
days), issued late on Fri 30 Jun 2023. The 20-week period is 2 Jan - 22 May 2023.
"""

from __future__ import annotations

import pytest

from opensend.statutory.clock import ClockEvent

from .clock_helpers import clock, d, ev, named, only

REQUEST = ev("request_received", "2023-01-02")
ASSESS = ev("decision_to_assess", "2023-02-10", outcome="assess")
EDUCATION_ADVICE = ev("advice_requested", "2023-02-13", source="education")
LATE_PLAN = ev("final_plan_issued", "2023-06-30")
BASE = [REQUEST, ASSESS, EDUCATION_ADVICE, LATE_PLAN]


def exception(reason: str, start: str, end: str | None = None) -> ClockEvent:
    fields = {"reason": reason, "start": start} | ({"end": end} if end else {})
    return ev("exception", start, **fields)


def advice(day: str, source: str = "education") -> ClockEvent:
    return ev("advice_requested", day, source=source)


# A school closed Mon 20 Mar - Sun 16 Apr 2023: 28 days (4 weeks), reopens Mon 17 Apr.
# The advice window is 1 week before closing to 1 week before reopening:
# 20 Mar - 7 = Mon 13 Mar to 17 Apr - 7 = Mon 10 Apr 2023, both included.
CLOSURE = exception("school_closure", "2023-03-20", "2023-04-16")

FINAL_PLAN_TABLE = [
    pytest.param([], "late", id="no-exception"),
    pytest.param(
        [exception("personal_circumstances", "2023-03-01", "2023-03-05")],
        "excused",
        id="personal-circumstances-any-length",
    ),
    pytest.param(
        [exception("personal_circumstances", "2023-05-23", "2023-06-10")],
        "late",
        id="after-the-20-weeks-does-not-overlap",
    ),
    pytest.param(
        [exception("personal_circumstances", "2022-12-01", "2023-01-02")],
        "excused",
        id="overlaps-on-the-request-day",
    ),
    pytest.param(
        [exception("personal_circumstances", "2023-05-22", "2023-05-30")],
        "excused",
        id="overlaps-on-the-due-day",
    ),
    pytest.param(
        # 1 Mar - 28 Mar 2023 = 28 days: a continuous 4 weeks
        [exception("absent_from_area", "2023-03-01", "2023-03-28")],
        "excused",
        id="absence-of-4-weeks",
    ),
    pytest.param(
        # 1 Mar - 21 Mar = 21 days: 3 weeks is not an exception
        [exception("absent_from_area", "2023-03-01", "2023-03-21")],
        "late",
        id="absence-of-3-weeks",
    ),
    pytest.param(
        # 1 Mar - 27 Mar = 27 days: one day short
        [exception("absent_from_area", "2023-03-01", "2023-03-27")],
        "late",
        id="absence-of-27-days",
    ),
    pytest.param([CLOSURE], "late", id="closure-without-advice-in-window"),
    pytest.param([CLOSURE, advice("2023-03-13")], "excused", id="closure-advice-on-window-start"),
    pytest.param([CLOSURE, advice("2023-04-10")], "excused", id="closure-advice-on-window-end"),
    pytest.param([CLOSURE, advice("2023-03-12")], "late", id="closure-advice-day-before-window"),
    pytest.param([CLOSURE, advice("2023-04-11")], "late", id="closure-advice-day-after-window"),
    pytest.param(
        [CLOSURE, advice("2023-03-20", source="health")],
        "late",
        id="closure-needs-advice-from-the-setting",
    ),
    pytest.param(
        # 20 Mar - 15 Apr = 27 days: not "not less than 4 weeks"
        [exception("school_closure", "2023-03-20", "2023-04-15"), advice("2023-03-20")],
        "late",
        id="closure-of-27-days",
    ),
    pytest.param(
        [exception("early_years_closure", "2023-03-20", "2023-04-16"), advice("2023-03-20")],
        "excused",
        id="early-years-closure",
    ),
    pytest.param(
        [exception("missed_appointment", "2023-03-01")],
        "late",
        id="missed-appointment-only-excuses-advice",
    ),
]


@pytest.mark.parametrize(("extra", "status"), FINAL_PLAN_TABLE)
def test_final_plan_exception(extra: list[ClockEvent], status: str) -> None:
    result = clock([*BASE, *extra], "2023-07-01")
    final_plan = only(result, "final_plan")
    assert final_plan.status == status
    assert final_plan.due == d("2023-05-22")  # an exception never moves the due date
    assert result.week20.exception_applies is (status == "excused")


def test_exception_excuses_an_overdue_step_too() -> None:
    events = [REQUEST, ASSESS, exception("personal_circumstances", "2023-04-01", "2023-04-02")]
    assert only(clock(events, "2023-05-23"), "final_plan").status == "excused"


def test_exception_does_not_touch_a_limit_that_was_met() -> None:
    events = [
        REQUEST,
        ASSESS,
        exception("personal_circumstances", "2023-03-01", "2023-03-05"),
        ev("final_plan_issued", "2023-05-22"),
    ]
    assert only(clock(events, "2023-05-22"), "final_plan").status == "met"


def test_exception_excuses_only_steps_whose_period_it_overlaps() -> None:
    # Decision due 13 Feb (period 2 Jan - 13 Feb); an absence 20 Feb - 20 Mar (29 days)
    # overlaps the final plan's period but not the decision's.
    events = [
        REQUEST,
        ev("decision_to_assess", "2023-02-20", outcome="assess"),
        exception("absent_from_area", "2023-02-20", "2023-03-20"),
        LATE_PLAN,
    ]
    result = clock(events, "2023-07-01")
    assert only(result, "decision_to_assess").status == "late"
    assert only(result, "final_plan").status == "excused"


# Advice asked Mon 13 Feb 2023 -> due Mon 27 Mar (13 Feb + 42 days); received 5 Apr.
ADVICE_TABLE = [
    pytest.param([], "late", id="no-exception"),
    pytest.param(
        [exception("missed_appointment", "2023-03-01")], "excused", id="missed-appointment"
    ),
    pytest.param(
        [exception("missed_appointment", "2023-03-28")], "late", id="missed-appointment-after-due"
    ),
    pytest.param(
        [exception("absent_from_area", "2023-03-01", "2023-03-31")], "excused", id="absence-4-weeks"
    ),
    pytest.param(
        [exception("personal_circumstances", "2023-02-13", "2023-02-13")],
        "excused",
        id="personal-circumstances-on-the-request-day",
    ),
    pytest.param(
        # Reg 8(2) does not list closures, even with advice asked in the window.
        [exception("school_closure", "2023-02-13", "2023-03-31"), advice("2023-02-13")],
        "late",
        id="closure-does-not-excuse-advice",
    ),
]


@pytest.mark.parametrize(("extra", "status"), ADVICE_TABLE)
def test_advice_exception(extra: list[ClockEvent], status: str) -> None:
    events = [
        REQUEST,
        ASSESS,
        ev("advice_requested", "2023-02-13", source="health"),
        ev("advice_received", "2023-04-05", source="health"),
        *extra,
    ]
    advice_step = only(clock(events, "2023-04-05"), "advice:health")
    assert (advice_step.due, advice_step.status) == (d("2023-03-27"), status)


def test_reviews_have_no_exceptions() -> None:
    events = [
        ev("final_plan_issued", "2023-01-10"),
        exception("personal_circumstances", "2023-06-01", "2024-03-01"),
    ]
    assert only(clock(events, "2024-02-01"), "review_due").status == "overdue"


def test_reassessment_plan_can_be_excused_reg_27_3() -> None:
    # decided Mon 15 Jan 2024 -> due Mon 22 Apr 2024 (14 weeks); issued 30 Apr
    events = [
        ev("reassessment_request", "2024-01-08"),
        ev("decision_to_assess", "2024-01-15", outcome="assess"),
        exception("absent_from_area", "2024-02-01", "2024-03-01"),  # 30 days
        ev("amended_plan_issued", "2024-04-30"),
    ]
    steps = [s for s in named(clock(events, "2024-05-01"), "final_plan")]
    assert [(s.rule, s.status) for s in steps] == [("Reg 27(2)", "excused")]
