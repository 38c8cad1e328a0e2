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
from opensend.statutory.order import DECISION_WHETHER_TO_ISSUE, check_next


def _issue_question_check(case: Case, met_on: dt.date) -> None:
    """Refuse a decision on whether to issue a plan before any decision to assess (order
    rule issue-question-after-decision-to-assess: CFA s36(8), s37(1); Reg 10(1))."""
    probe = ClockEvent(DECISION_WHETHER_TO_ISSUE, met_on)
    refusal = check_next(clock_history(case.events.all()), probe)
    if refusal is not None:
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
