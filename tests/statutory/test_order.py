"""The order of statutory steps: every rule of the table, refused and allowed, with its source."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opensend.statutory.clock import ClockEvent, compute_clock
from opensend.statutory.clock.corrections import effective_history
from opensend.statutory.order import (
    ORDER_RULES,
    allowed_next,
    check_next,
    lawful_history,
    validate_history,
)
from tests.statutory.clock_helpers import d, ev

REQUEST = ev("request_received", "2023-01-02")
ASSESS = ev("decision_to_assess", "2023-02-10", outcome="assess")
NOT_ASSESS = ev("decision_to_assess", "2023-02-10", outcome="not_assess")
ASKED = ev("advice_requested", "2023-02-13", source="health")
ANSWERED = ev("advice_received", "2023-03-01", source="health")
DRAFT = ev("draft_plan_issued", "2023-04-20")
FINAL = ev("final_plan_issued", "2023-05-19")
ASSESSED = [REQUEST, ASSESS, ASKED, ANSWERED]
PLANNED = [*ASSESSED, DRAFT, FINAL]
MEETING = ev("review_meeting", "2024-03-01")
AMEND = ev("review_decision", "2024-03-10", outcome="amend")
CEASE = ev("review_decision", "2024-03-10", outcome="cease")
REFUSED_TO_ISSUE = ev("decision_not_to_issue", "2023-04-20")

# (rule id, source, history, refused event, the same step done lawfully)
CASES = [
    ("request-not-while-plan", "CFA s36(1), s44(2)", PLANNED,
     ev("request_received", "2024-01-02"), ev("reassessment_request", "2024-01-02")),
    ("one-assessment-at-a-time", "CFA s36(1); Reg 5(1)", [REQUEST, ASSESS],
     ev("request_received", "2023-03-01"), ev("decision_not_to_issue", "2023-03-01")),
    ("reassessment-needs-plan", "CFA s44(2)", [],
     ev("reassessment_request", "2023-01-02"), REQUEST),
    ("decision-after-request", "CFA s36(1); Reg 4-5, Reg 25", [], ASSESS, REQUEST),
    ("one-decision-per-request", "Reg 5(1); CFA s51, s55", [REQUEST, ASSESS],
     ev("decision_to_assess", "2023-02-20", outcome="not_assess"), ASKED),
    ("one-decision-per-request", "Reg 5(1); CFA s51, s55", [REQUEST, NOT_ASSESS],
     ev("decision_to_assess", "2023-03-20", outcome="not_assess"),
     ev("decision_to_assess", "2023-03-20", outcome="assess")),  # reversed after mediation
    ("advice-after-decision-to-assess", "Reg 6(1)", [REQUEST], ASKED, ASSESS),
    ("advice-during-assessment", "Reg 6(1)", [*ASSESSED, REFUSED_TO_ISSUE],
     ev("advice_requested", "2023-05-01", source="psychology"),
     ev("decision_notified", "2023-05-01")),
    ("advice-answers-request", "Reg 8(1)", [REQUEST, ASSESS],
     ANSWERED, ASKED),
    ("not-to-issue-after-assessment", "Reg 10(1)", [REQUEST], REFUSED_TO_ISSUE, ASSESS),
    ("not-to-issue-instead-of-plan", "Reg 10(1); CFA s37(1)", [*ASSESSED, DRAFT],
     ev("decision_not_to_issue", "2023-04-25"), ev("draft_plan_issued", "2023-04-25")),
    ("draft-after-decision-to-assess", "CFA s36(8), s37(1); Reg 11", [REQUEST, NOT_ASSESS],
     DRAFT, ev("decision_to_assess", "2023-04-20", outcome="assess")),
    ("draft-not-after-not-to-issue", "Reg 10(1)", [*ASSESSED, REFUSED_TO_ISSUE],
     ev("draft_plan_issued", "2023-04-21"), ev("decision_notified", "2023-04-21")),
    ("draft-after-advice", "Reg 6(1), Reg 8(1), Reg 11(a)", [REQUEST, ASSESS, ASKED],
     ev("draft_plan_issued", "2023-03-20"), ev("draft_plan_issued", "2023-03-28")),
    ("one-plan-per-assessment", "CFA s37(1); Reg 22", PLANNED,
     ev("draft_plan_issued", "2023-06-01"), ev("amendment_proposed", "2023-06-01")),
    ("final-after-draft", "CFA s38(1); Reg 13(1)", ASSESSED,
     FINAL, DRAFT),
    ("final-after-comment-period", "Reg 13(1)", [*ASSESSED, DRAFT],
     ev("final_plan_issued", "2023-05-04"), ev("final_plan_issued", "2023-05-05")),
    ("final-after-comment-period", "Reg 13(1)",
     [*ASSESSED, DRAFT, ev("draft_plan_issued", "2023-05-01")],  # a re-served draft
     ev("final_plan_issued", "2023-05-10"), ev("comment_period_ended_early", "2023-05-10")),
    ("plan-from-elsewhere", "CFA s37(1)", [ev("final_plan_issued", "2022-01-10")],
     ev("final_plan_issued", "2023-01-10"), ev("review_meeting", "2023-01-10")),
    ("ended-early-needs-period", "Reg 13(1), Reg 22(2)", ASSESSED,
     ev("comment_period_ended_early", "2023-04-21"), DRAFT),
    ("ended-early-needs-period", "Reg 13(1), Reg 22(2)",
     [*ASSESSED, DRAFT, ev("comment_period_ended_early", "2023-04-22")],
     ev("comment_period_ended_early", "2023-04-23"), ev("final_plan_issued", "2023-04-23")),
    ("review-needs-plan", "CFA s44(1)", ASSESSED, MEETING, DRAFT),
    ("report-after-meeting", "Reg 20(7)", PLANNED,
     ev("review_report_received", "2024-03-05"), MEETING),
    ("review-decision-after-meeting", "Reg 20(10)", PLANNED, AMEND, MEETING),
    ("review-decision-after-meeting", "Reg 20(10)", [*PLANNED, MEETING, AMEND],
     ev("review_decision", "2024-03-12", outcome="maintain"),
     ev("review_meeting", "2025-02-01")),
    ("amendment-needs-plan", "CFA s44; Reg 22", ASSESSED,
     ev("amendment_proposed", "2023-04-01"), DRAFT),
    ("amended-plan-after-proposals", "Reg 22(2)-(3); Reg 27", [*PLANNED, MEETING],
     ev("amended_plan_issued", "2024-04-01"), AMEND),
    ("amended-plan-after-comment-period", "Reg 22(2); Reg 13(1)", [*PLANNED, MEETING, AMEND],
     ev("amended_plan_issued", "2024-03-24"), ev("amended_plan_issued", "2024-03-25")),
    ("certificate-after-decision", "CFA s55; Reg 33", [REQUEST],
     ev("mediation_certificate", "2023-03-01"), NOT_ASSESS),
    ("cease-needs-plan", "CFA s45(1)", ASSESSED, ev("plan_ceased", "2023-06-01"), DRAFT),
    ("cease-after-decision", "CFA s45; Reg 29-31", [*PLANNED, MEETING],
     ev("plan_ceased", "2024-06-01"), CEASE),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "source", "history", "refused", "allowed"),
    [pytest.param(*case, id=f"{case[0]}-{index}") for index, case in enumerate(CASES)],
)
def test_each_rule_refuses_with_its_source_and_allows_the_lawful_step(
    rule: str, source: str, history: list[ClockEvent], refused: ClockEvent, allowed: ClockEvent
) -> None:
    assert validate_history(history) == []
    refusal = check_next(history, refused)
    assert refusal is not None
    assert (refusal.rule, refusal.source, refusal.event) == (rule, source, refused)
    assert rule in refusal.message and refusal.reason in refusal.message
    assert check_next(history, allowed) is None
    assert [r.rule for r in validate_history([*history, refused])] == [rule]


def test_every_rule_of_the_table_is_tested_and_has_a_source() -> None:
    assert {rule.rule for rule in ORDER_RULES} == {case[0] for case in CASES}
    assert all(rule.source and (rule.requires or rule.forbids) for rule in ORDER_RULES)


def test_the_issues_final_plan_on_the_day_of_the_draft_says_what_must_happen_first() -> None:
    refusal = check_next([*ASSESSED, DRAFT], ev("final_plan_issued", "2023-04-20"))
    assert refusal is not None
    assert refusal.reason == (
        "the family's comment period on the draft plan served on 2023-04-20 runs until "
        "2023-05-04: wait until 2023-05-04 has passed, or record the family's written "
        "agreement to end it early (comment_period_ended_early) first"
    )


def test_a_back_dated_event_that_makes_a_later_one_unlawful_is_refused() -> None:
    late = ev("decision_not_to_issue", "2023-04-01")  # before the draft already recorded
    refusal = check_next([*ASSESSED, DRAFT], late)
    assert refusal is not None
    assert refusal.event == late
    assert refusal.rule == "draft-not-after-not-to-issue"
    assert "would leave the draft_plan_issued on 2023-04-20" in refusal.reason


def test_allowed_next_offers_only_the_lawful_actions() -> None:
    assert allowed_next([], d("2023-01-02")) == [
        "request_received",
        "final_plan_issued",  # a plan made elsewhere (transferred in): no assessment here
        "exception",
        "phase_transfer",
        "decision_notified",
    ]
    after_draft = allowed_next([*ASSESSED, DRAFT], d("2023-04-25"))
    assert "final_plan_issued" not in after_draft
    assert "comment_period_ended_early" in after_draft
    assert "final_plan_issued" in allowed_next([*ASSESSED, DRAFT], d("2023-05-05"))
    assert "decision_to_assess" in allowed_next([REQUEST, NOT_ASSESS], d("2023-03-01"))


# --- corrections -------------------------------------------------------------------------

DECIDED = ev("decision_to_assess", "2023-02-10", outcome="assess")
WITH_IDS = [
    ClockEvent("request_received", d("2023-01-02"), event_id=1),
    ClockEvent("decision_to_assess", d("2023-02-10"), outcome="assess", event_id=2),
    ClockEvent("draft_plan_issued", d("2023-04-20"), event_id=3),
]


def _withdraw(event_id: int, on: str = "2023-04-25") -> ClockEvent:
    return ClockEvent(
        "event_withdrawn", d(on), refers_to=event_id, reason="recorded in error", recorded_by="u1"
    )


def test_withdrawing_the_decision_to_assess_under_a_draft_is_refused_until_the_draft_goes() -> None:
    refusal = check_next(WITH_IDS, _withdraw(2))
    assert refusal is not None
    assert refusal.rule == "correction-keeps-order"
    assert refusal.source == "CFA s36(8), s37(1); Reg 11"
    assert "withdrawing event 2 would leave the draft_plan_issued on 2023-04-20" in refusal.reason
    without_draft = [*WITH_IDS, _withdraw(3)]
    assert check_next(WITH_IDS, _withdraw(3)) is None
    assert check_next(without_draft, _withdraw(2, "2023-04-26")) is None


def test_a_panel_decision_recorded_against_the_wrong_question_is_corrected() -> None:
    wrong = [
        ClockEvent("request_received", d("2023-01-02"), event_id=1),
        ClockEvent("decision_not_to_issue", d("2023-02-10"), event_id=2),  # the wrong question
    ]
    assert [r.rule for r in validate_history(wrong)] == ["not-to-issue-after-assessment"]
    fix = ClockEvent(
        "event_corrected",
        d("2023-02-11"),
        refers_to=2,
        reason="the panel decided whether to assess, not whether to issue",
        recorded_by="u1",
        corrected=ClockEvent("decision_to_assess", d("2023-02-10"), outcome="assess"),
    )
    assert check_next(wrong, fix) is None
    assert validate_history([*wrong, fix]) == []
    assert effective_history([*wrong, fix])[1] == ClockEvent(
        "decision_to_assess", d("2023-02-10"), outcome="assess", event_id=2
    )
    assert "advice_requested" in allowed_next([*wrong, fix], d("2023-02-12"))


def test_a_correction_of_no_event_is_refused() -> None:
    refusal = check_next(WITH_IDS, _withdraw(99))
    assert refusal is not None
    assert refusal.rule == "correction-refers-to-event"


def test_the_clock_reads_the_corrected_history() -> None:
    late_final = ClockEvent("final_plan_issued", d("2023-06-20"), event_id=4)
    events = [*WITH_IDS, late_final]
    before = compute_clock(events, today=d("2023-07-01")).week20
    fix = ClockEvent(
        "event_corrected",
        d("2023-06-21"),
        refers_to=4,
        reason="typed the wrong month",
        corrected=ClockEvent("final_plan_issued", d("2023-05-19")),
    )
    after = compute_clock([*events, fix], today=d("2023-07-01")).week20
    assert (before.issued, before.within_20_weeks) == (d("2023-06-20"), False)
    assert (after.issued, after.within_20_weeks) == (d("2023-05-19"), True)


def test_lawful_history_leaves_out_what_the_rules_refuse() -> None:
    same_day_final = ev("final_plan_issued", "2023-04-20")
    kept = lawful_history([*ASSESSED, DRAFT, same_day_final])
    assert same_day_final not in kept
    assert compute_clock(kept, today=date(2023, 10, 1)).week20.issued is None


def test_the_documented_table_lists_every_rule_with_its_source() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "statutory-clock.md").read_text()
    for rule in ORDER_RULES:
        kinds = ", ".join(f"`{kind}`" for kind in rule.kinds)
        assert f"| `{rule.rule}` | {kinds} |" in text
        assert f"| {rule.source} |" in text
