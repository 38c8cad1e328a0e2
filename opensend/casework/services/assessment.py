"""The assessment: panel decisions (Reg 4-5, 10) and exceptions (advice: services/advice.py)."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from opensend.casework.clock import clock_history
from opensend.casework.letters import letter_has_decision
from opensend.casework.models import (
    Case,
    ClockException,
    EventKind,
    PanelAttendance,
    PanelDecision,
    PanelQuestion,
    Stage,
)
from opensend.casework.services.common import (
    OrderRefused,
    case_change_finish,
    case_event_record,
    case_lock,
    case_stage_set,
)
from opensend.casework.services.issued import decision_letter_store
from opensend.people.models import User
from opensend.statutory.clock import ClockEvent
from opensend.statutory.order import Refusal, effective_history
from opensend.statutory.order.history import CaseSoFar, process_order
from opensend.statutory.order.rules import rules_for

# A panel may answer "whether to issue a plan" only once the LA decided to assess
# (Reg 10(1); CFA s36(8), s37(1)): the same rule as for a decision not to issue.
ISSUE_QUESTION_RULE = "not-to-issue-after-assessment"


def _issue_question_check(case: Case, met_on: dt.date) -> None:
    """Refuse a decision on whether to issue a plan before any decision to assess."""
    probe = ClockEvent("decision_not_to_issue", met_on)
    before = [
        event
        for event in process_order(effective_history(clock_history(case.events.all())))
        if event.date <= met_on
    ]
    rule = next(rule for rule in rules_for(probe.event) if rule.rule == ISSUE_QUESTION_RULE)
    reason = rule.test(CaseSoFar(tuple(before)), probe)
    if reason is not None:
        reason = reason.replace("deciding not to issue a plan", "deciding whether to issue a plan")
        refusal = Refusal(rule=rule.rule, source=rule.source, reason=reason, event=probe)
        raise OrderRefused(refusal, what="a panel decision on whether to issue a plan")


def _record_assess_decision(case: Case, actor: User, on: dt.date, agreed: bool) -> None:
    outcome = "assess" if agreed else "not_assess"
    case_event_record(
        case=case, event=EventKind.DECISION_TO_ASSESS, occurred_on=on, actor=actor, outcome=outcome
    )
    if not agreed:  # a refusal to assess is appealable (CFA s51(2)(a))
        case_event_record(
            case=case,
            event=EventKind.DECISION_NOTIFIED,
            occurred_on=on,
            actor=actor,
            decision="refuse_assess",
        )
    case_stage_set(case, Stage.ASSESSING if agreed else Stage.NOT_ASSESSED)


def _record_issue_decision(case: Case, actor: User, on: dt.date, agreed: bool) -> None:
    if agreed:
        case_stage_set(case, Stage.DRAFTING)
        return
    case_event_record(case=case, event=EventKind.DECISION_NOT_TO_ISSUE, occurred_on=on, actor=actor)
    case_event_record(
        case=case,
        event=EventKind.DECISION_NOTIFIED,
        occurred_on=on,
        actor=actor,
        decision="refuse_issue",
    )
    case_stage_set(case, Stage.NOT_ISSUED)


@transaction.atomic
def panel_decision_record(
    *,
    actor: User,
    case: Case,
    met_on: dt.date,
    question: str,
    agreed: bool,
    reasons: str,
    attendance: Sequence[tuple[str, str]],
    today: dt.date,
    expected_version: int | None,
) -> PanelDecision:
    """Record a panel's decision, who attended by agency, and what it means for the clock."""
    case_lock(case=case, expected_version=expected_version)
    decision = PanelDecision.objects.create(
        case=case,
        met_on=met_on,
        question=question,
        agreed=agreed,
        reasons=reasons,
        recorded_by=actor,
    )
    PanelAttendance.objects.bulk_create(
        PanelAttendance(decision=decision, agency=agency, name=name) for agency, name in attendance
    )
    case_event_record(
        case=case,
        event=EventKind.PANEL_DECISION,
        occurred_on=met_on,
        actor=actor,
        question=question,
        agreed=agreed,
    )
    if question == PanelQuestion.ASSESS:
        _record_assess_decision(case, actor, met_on, agreed)
    else:
        _issue_question_check(case, met_on)
        _record_issue_decision(case, actor, met_on, agreed)
    if letter_has_decision(decision):
        decision_letter_store(decision=decision, actor=actor)
    case_change_finish(case=case, actor=actor, today=today, why="record panel decision")
    return decision


@transaction.atomic
def clock_exception_record(
    *,
    actor: User,
    case: Case,
    reason: str,
    start: dt.date,
    end: dt.date,
    note: str,
    today: dt.date,
    expected_version: int | None,
) -> ClockException:
    """Record circumstances that may excuse a missed limit (Reg 5(4), 8(2), 10(4), 13(3))."""
    case_lock(case=case, expected_version=expected_version)
    exception = ClockException.objects.create(
        case=case, reason=reason, start=start, end=end, note=note
    )
    case_event_record(
        case=case,
        event=EventKind.EXCEPTION,
        occurred_on=start,
        actor=actor,
        reason=reason,
        start=start,
        end=end,
    )
    case_change_finish(case=case, actor=actor, today=today, why="record exception")
    return exception
