"""The indicators count only the lawful, corrected history of a case (hand-worked)."""

from __future__ import annotations

from opensend.statutory.clock import ClockEvent
from opensend.statutory.indicators import INDICATORS, IndicatorValue, Period
from opensend.statutory.indicators.from_history import case_measure_rows
from opensend.statutory.indicators.rows import AdviceRow, PlanRow, RequestRow
from tests.statutory.clock_helpers import d, ev

YEAR = Period(d("2023-01-01"), d("2023-12-31"))
ASSESSED = [
    ev("request_received", "2023-01-02"),
    ev("decision_to_assess", "2023-02-10", outcome="assess"),
    ev("advice_requested", "2023-02-13", source="health"),
    ev("advice_received", "2023-03-20", source="health"),
    ClockEvent("draft_plan_issued", d("2023-04-20"), event_id="draft"),
]


def _within_20_weeks(events: list[ClockEvent]) -> IndicatorValue:
    rows = case_measure_rows(events, ref="case 1")
    return INDICATORS["plans_issued_within_20_weeks_incl_exceptions"].formula(rows, YEAR)


def test_a_final_plan_issued_the_day_of_the_draft_is_not_counted() -> None:
    rows = case_measure_rows([*ASSESSED, ev("final_plan_issued", "2023-04-20")], ref="case 1")
    assert rows.plans == ()
    assert _within_20_weeks([*ASSESSED, ev("final_plan_issued", "2023-04-20")]).value is None
    assert rows.requests == (RequestRow(d("2023-01-02"), d("2023-02-10"), "assess", "case 1"),)
    assert rows.advice == (AdviceRow("health", d("2023-02-13"), d("2023-03-20"), False, "case 1"),)


def test_a_lawful_final_plan_is_counted_within_20_weeks() -> None:
    rows = case_measure_rows([*ASSESSED, ev("final_plan_issued", "2023-05-19")], ref="case 1")
    assert rows.plans == (PlanRow(d("2023-05-19"), d("2023-01-02"), ref="case 1"),)
    value = _within_20_weeks([*ASSESSED, ev("final_plan_issued", "2023-05-19")])
    assert value.value == 100.0


def test_a_withdrawn_draft_takes_its_final_plan_out_of_the_count() -> None:
    withdrawn = ClockEvent("event_withdrawn", d("2023-06-01"), refers_to="draft", reason="error")
    events = [*ASSESSED, ev("final_plan_issued", "2023-05-19"), withdrawn]
    assert case_measure_rows(events).plans == ()  # no draft, so no lawful final plan
