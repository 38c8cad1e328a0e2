"""The order of statutory steps: one row per rule, each with its legal source.

Each rule governs some event kinds and says, for a proposed event and what had happened
before it (``CaseSoFar``), what is wrong in plain English, or None when it may follow.
Sources: "CFA" = Children and Families Act 2014; "Reg" = the SEND Regulations 2014.
docs/statutory-clock.md ("The order of steps") prints this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from opensend.statutory.clock.assessment import ADVICE_WEEKS
from opensend.statutory.clock.model import ASSESSMENT_OPENINGS, ClockEvent
from opensend.statutory.dates import add_weeks
from opensend.statutory.order.history import CaseSoFar, comment_period_ends, dates_text

__all__ = ["ORDER_RULES", "UNORDERED_KINDS", "OrderRule", "rules_for"]

Test = Callable[[CaseSoFar, ClockEvent], str | None]


@dataclass(frozen=True)
class OrderRule:
    """One row of the table: which events must have happened first, which must not."""

    rule: str  # stable id, e.g. "final-after-comment-period"
    kinds: tuple[str, ...]  # the event kinds it governs
    source: str  # the legal source
    requires: str  # what must have happened before (plain English; "" if nothing)
    forbids: str  # what must not have happened before (plain English; "" if nothing)
    test: Test


# Events no order rule governs: they may be recorded at any point of a case.
UNORDERED_KINDS: Final = ("exception", "phase_transfer", "decision_notified")


def _request_while_plan(case: CaseSoFar, event: ClockEvent) -> str | None:
    plan = case.plan_in_force()
    if plan is None:
        return None
    return (
        f"a plan has been in force since {plan.date}, so a new request is a request for a "
        "re-assessment: record a reassessment_request instead"
    )


def _one_assessment_at_a_time(case: CaseSoFar, event: ClockEvent) -> str | None:
    cycle = case.cycle()
    if not cycle or _assessment_finished(case):
        return None
    return (
        f"the {cycle[0].event.replace('_', ' ')} of {cycle[0].date} is still being dealt with: "
        "finish it (a decision not to assess, a decision not to issue or a plan) first"
    )


def _assessment_finished(case: CaseSoFar) -> bool:
    opening = case.cycle()[0]
    if case.latest_decision() == "not_assess" or case.in_cycle("decision_not_to_issue"):
        return True
    plans = ("final_plan_issued", "amended_plan_issued")
    if opening.event == "reassessment_request":
        return bool(case.in_cycle(*plans))
    return bool(case.in_cycle("final_plan_issued"))


def _reassessment_needs_plan(case: CaseSoFar, event: ClockEvent) -> str | None:
    if case.plan_in_force() is not None:
        return None
    return "there is no plan in force to re-assess: a first assessment starts with request_received"


def _decision_after_request(case: CaseSoFar, event: ClockEvent) -> str | None:
    if case.cycle():
        return None
    return "there is no request for an assessment to decide on: record request_received first"


def _one_decision(case: CaseSoFar, event: ClockEvent) -> str | None:
    decided = case.latest_decision()
    if decided is None or (decided == "not_assess" and event.outcome == "assess"):
        return None
    latest = case.in_cycle("decision_to_assess")[-1]
    return (
        f"the decision whether to assess was already recorded on {latest.date} ({decided}); "
        "if it was recorded in error, withdraw or correct it instead"
    )


def _needs_decision_to_assess(what: str) -> Test:
    def test(case: CaseSoFar, event: ClockEvent) -> str | None:
        if not case.cycle():
            return f"there is no request for an assessment: record request_received, then {what}"
        if case.latest_decision() == "assess":
            return None
        return f"the LA has not decided to assess: record a decision to assess before {what}"

    return test


def _advice_during_assessment(case: CaseSoFar, event: ClockEvent) -> str | None:
    ended = case.in_cycle("decision_not_to_issue", "final_plan_issued")
    if not ended:
        return None
    return f"the assessment ended with the {ended[0].event.replace('_', ' ')} of {ended[0].date}"


def _advice_answers_request(case: CaseSoFar, event: ClockEvent) -> str | None:
    if case.advice_waiting(event.source):
        return None
    return f"no advice from {event.source} is waiting: record the advice_requested first"


def _not_to_issue_instead_of_plan(case: CaseSoFar, event: ClockEvent) -> str | None:
    earlier = case.in_cycle("decision_not_to_issue", "draft_plan_issued", "final_plan_issued")
    if not earlier:
        return None
    first = earlier[0]
    return (
        f"the {first.event.replace('_', ' ')} of {first.date} already answers whether to "
        "issue a plan; withdraw it first if it was recorded in error"
    )


def _draft_not_after_not_to_issue(case: CaseSoFar, event: ClockEvent) -> str | None:
    refused = case.in_cycle("decision_not_to_issue")
    if not refused:
        return None
    return f"the LA decided on {refused[0].date} not to issue a plan"


def _draft_after_advice(case: CaseSoFar, event: ClockEvent) -> str | None:
    running = case.advice_still_running(event.date)
    if not running:
        return None
    due = max(add_weeks(request.date, ADVICE_WEEKS) for request in running)
    return (
        f"advice is still awaited ({dates_text(running)}) and may come until {due}: "
        "record the advice received, or wait until its due date, before drafting the plan"
    )


def _one_plan_per_assessment(case: CaseSoFar, event: ClockEvent) -> str | None:
    made = case.in_cycle("final_plan_issued")
    if not case.cycle() or not made:
        return None
    return (
        f"the final plan of this assessment was issued on {made[0].date}: a change to it is "
        "an amendment (amendment_proposed, then amended_plan_issued)"
    )


def _final_after_draft(case: CaseSoFar, event: ClockEvent) -> str | None:
    if not case.cycle() or case.in_cycle("draft_plan_issued"):
        return None
    return "no draft plan has been served on the family: issue the draft plan first"


def _final_after_comment_period(case: CaseSoFar, event: ClockEvent) -> str | None:
    drafts = case.in_cycle("draft_plan_issued")
    if not case.cycle() or not drafts:
        return None
    return _comment_period_open(case, drafts[-1], event, "draft plan")


def _comment_period_open(
    case: CaseSoFar, served: ClockEvent, event: ClockEvent, what: str
) -> str | None:
    ends = comment_period_ends(served.date)
    if event.date > ends or case.since(served, "comment_period_ended_early"):
        return None
    return (
        f"the family's comment period on the {what} served on {served.date} runs until "
        f"{ends}: wait until {ends} has passed, or record the family's written agreement to "
        "end it early (comment_period_ended_early) first"
    )


def _plan_from_elsewhere(case: CaseSoFar, event: ClockEvent) -> str | None:
    plan = case.plan_in_force()
    if case.cycle() or plan is None:
        return None
    return f"a plan has been in force since {plan.date}: a change to it is an amendment"


def _open_proposal(case: CaseSoFar) -> ClockEvent | None:
    """The draft or proposed amendments still waiting for their plan (None if none)."""
    proposals = [*_amendment_proposals(case)]
    cycle = case.cycle()
    if cycle and not case.in_cycle("final_plan_issued", "amended_plan_issued"):
        proposals.extend(case.in_cycle("draft_plan_issued"))
    return max(proposals, key=case.events.index, default=None)


def _amendment_proposals(case: CaseSoFar) -> list[ClockEvent]:
    """Proposals (amendment_proposed, an 'amend' review decision, or a re-assessment's
    draft) made since the plan was last made or amended."""
    plan = case.last("final_plan_issued", "amended_plan_issued")
    if plan is None or case.plan_in_force() is None:
        return []
    found = case.since(plan, "amendment_proposed")
    found += case.since(plan, "review_decision", outcome="amend")
    opening = case.cycle()[0] if case.cycle() else None
    if opening is not None and opening.event == "reassessment_request":
        found += [draft for draft in case.in_cycle("draft_plan_issued") if case.after(draft, plan)]
    return found


def _ended_early_needs_period(case: CaseSoFar, event: ClockEvent) -> str | None:
    proposal = _open_proposal(case)
    if proposal is None:
        return "no draft plan or proposed amendments are waiting for the family's comments"
    if case.since(proposal, "comment_period_ended_early"):
        return f"the comment period on the {proposal.event.replace('_', ' ')} already ended early"
    return None


def _needs_plan(what: str) -> Test:
    def test(case: CaseSoFar, event: ClockEvent) -> str | None:
        if case.plan_in_force() is not None:
            return None
        return f"there is no EHC plan in force to {what}"

    return test


def _after_meeting(kind: str, what: str) -> Test:
    def test(case: CaseSoFar, event: ClockEvent) -> str | None:
        meeting = case.last("review_meeting")
        if meeting is None:
            return f"no review meeting has been held: hold and record it before the {what}"
        if case.since(meeting, kind):
            return f"the {what} of the review meeting of {meeting.date} is already recorded"
        return None

    return test


def _amended_after_proposals(case: CaseSoFar, event: ClockEvent) -> str | None:
    if case.plan_in_force() is None or _amendment_proposals(case):
        return None
    return (
        "no amendments have been proposed to the family since the plan was last made or "
        "amended: send the proposed amendments (amendment_proposed) first"
    )


def _amended_after_comment_period(case: CaseSoFar, event: ClockEvent) -> str | None:
    proposals = _amendment_proposals(case)
    if not proposals:
        return None
    latest = max(proposals, key=case.events.index)
    return _comment_period_open(case, latest, event, latest.event.replace("_", " "))


def _certificate_after_decision(case: CaseSoFar, event: ClockEvent) -> str | None:
    appealable = case.of("decision_notified", "decision_not_to_issue")
    appealable += case.of("decision_to_assess", outcome="not_assess")
    if appealable:
        return None
    return "no appealable decision has been notified for mediation to be about"


def _cease_after_decision(case: CaseSoFar, event: ClockEvent) -> str | None:
    plan = case.plan_in_force()
    if plan is None:
        return None
    if case.since(plan, "review_decision", outcome="cease") or case.since(
        plan, "decision_notified"
    ):
        return None
    return (
        "the decision to cease has not been notified: record the review decision to cease, "
        "or the decision notified after consultation, first"
    )


_OPENINGS: Final = tuple(sorted(ASSESSMENT_OPENINGS))

ORDER_RULES: Final = (
    OrderRule("request-not-while-plan", ("request_received",), "CFA s36(1), s44(2)",
              "", "a plan in force (ask for a re-assessment instead)", _request_while_plan),
    OrderRule("one-assessment-at-a-time", _OPENINGS, "CFA s36(1); Reg 5(1)",
              "", "an assessment not yet finished", _one_assessment_at_a_time),
    OrderRule("reassessment-needs-plan", ("reassessment_request",), "CFA s44(2)",
              "a plan in force", "", _reassessment_needs_plan),
    OrderRule("decision-after-request", ("decision_to_assess",), "CFA s36(1); Reg 4-5, Reg 25",
              "a request (or re-assessment request)", "", _decision_after_request),
    OrderRule("one-decision-per-request", ("decision_to_assess",), "Reg 5(1); CFA s51, s55",
              "", "a decision already recorded, unless a refusal is reversed", _one_decision),
    OrderRule("advice-after-decision-to-assess", ("advice_requested",), "Reg 6(1)",
              "a decision to assess", "",
              _needs_decision_to_assess("asking for advice")),
    OrderRule("advice-during-assessment", ("advice_requested",), "Reg 6(1)",
              "", "a decision not to issue or a final plan in this assessment",
              _advice_during_assessment),
    OrderRule("advice-answers-request", ("advice_received",), "Reg 8(1)",
              "an advice request from the same source still waiting", "",
              _advice_answers_request),
    OrderRule("not-to-issue-after-assessment", ("decision_not_to_issue",), "Reg 10(1)",
              "a decision to assess", "",
              _needs_decision_to_assess("deciding not to issue a plan")),
    OrderRule("not-to-issue-instead-of-plan", ("decision_not_to_issue",), "Reg 10(1); CFA s37(1)",
              "", "a decision not to issue, a draft or a final plan in this assessment",
              _not_to_issue_instead_of_plan),
    OrderRule("draft-after-decision-to-assess", ("draft_plan_issued",),
              "CFA s36(8), s37(1); Reg 11", "a decision to assess", "",
              _needs_decision_to_assess("drafting a plan")),
    OrderRule("draft-not-after-not-to-issue", ("draft_plan_issued",), "Reg 10(1)",
              "", "a decision not to issue in this assessment", _draft_not_after_not_to_issue),
    OrderRule("draft-after-advice", ("draft_plan_issued",), "Reg 6(1), Reg 8(1), Reg 11(a)",
              "", "advice requested and still inside its 6 weeks", _draft_after_advice),
    OrderRule("one-plan-per-assessment", ("draft_plan_issued", "final_plan_issued"),
              "CFA s37(1); Reg 22", "", "a final plan already made in this assessment",
              _one_plan_per_assessment),
    OrderRule("final-after-draft", ("final_plan_issued",), "CFA s38(1); Reg 13(1)",
              "a draft plan served on the family", "", _final_after_draft),
    OrderRule("final-after-comment-period", ("final_plan_issued",), "Reg 13(1)",
              "15 days beginning with the day the draft was served, or the family's written "
              "agreement to end them early", "", _final_after_comment_period),
    OrderRule("plan-from-elsewhere", ("final_plan_issued",), "CFA s37(1)",
              "", "a plan in force (outside an assessment)", _plan_from_elsewhere),
    OrderRule("ended-early-needs-period", ("comment_period_ended_early",),
              "Reg 13(1), Reg 22(2)", "a draft or proposed amendments waiting for comments",
              "an earlier agreement for the same period", _ended_early_needs_period),
    OrderRule("review-needs-plan", ("review_meeting",), "CFA s44(1)",
              "a plan in force", "", _needs_plan("review")),
    OrderRule("report-after-meeting", ("review_report_received",), "Reg 20(7)",
              "a review meeting", "a report already received for it",
              _after_meeting("review_report_received", "report")),
    OrderRule("review-decision-after-meeting", ("review_decision",), "Reg 20(10)",
              "a review meeting", "a decision already recorded for it",
              _after_meeting("review_decision", "decision")),
    OrderRule("amendment-needs-plan", ("amendment_proposed", "amended_plan_issued"),
              "CFA s44; Reg 22", "a plan in force", "", _needs_plan("amend")),
    OrderRule("amended-plan-after-proposals", ("amended_plan_issued",), "Reg 22(2)-(3); Reg 27",
              "proposed amendments (or a re-assessment's draft) since the plan was last made",
              "", _amended_after_proposals),
    OrderRule("amended-plan-after-comment-period", ("amended_plan_issued",),
              "Reg 22(2); Reg 13(1)", "15 days beginning with the day the proposals were "
              "sent, or the family's written agreement to end them early", "",
              _amended_after_comment_period),
    OrderRule("certificate-after-decision", ("mediation_certificate",), "CFA s55; Reg 33",
              "an appealable decision", "", _certificate_after_decision),
    OrderRule("cease-needs-plan", ("plan_ceased",), "CFA s45(1)",
              "a plan in force", "", _needs_plan("cease")),
    OrderRule("cease-after-decision", ("plan_ceased",), "CFA s45; Reg 29-31",
              "a decision to cease notified after consultation", "", _cease_after_decision),
)  # fmt: skip


def rules_for(kind: str) -> tuple[OrderRule, ...]:
    """The rules that govern events of this kind, in table order."""
    return _BY_KIND.get(kind, ())


_BY_KIND: Final[dict[str, tuple[OrderRule, ...]]] = {
    kind: tuple(rule for rule in ORDER_RULES if kind in rule.kinds)
    for kind in {kind for rule in ORDER_RULES for kind in rule.kinds}
}
