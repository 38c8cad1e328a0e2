"""The assessment: panel decisions (Reg 4-5, 10), advice (Reg 6-8) and exceptions."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import F

from opensend.casework.letters import letter_has_decision
from opensend.casework.models import (
    AdviceRequest,
    Case,
    ClockException,
    EventKind,
    PanelAttendance,
    PanelDecision,
    PanelQuestion,
    Stage,
)
from opensend.casework.services.common import (
    case_change_finish,
    case_event_record,
    case_lock,
    case_stage_set,
)
from opensend.casework.services.issued import decision_letter_store
from opensend.people.models import Organisation, User
from opensend.statutory.clock import advice_due


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
        _record_issue_decision(case, actor, met_on, agreed)
    if letter_has_decision(decision):
        decision_letter_store(decision=decision, actor=actor)
    case_change_finish(case=case, actor=actor, today=today, why="record panel decision")
    return decision


@transaction.atomic
def advice_request_send(
    *,
    actor: User,
    case: Case,
    service: str,
    organisation: Organisation,
    requested_on: dt.date,
    today: dt.date,
    expected_version: int | None,
) -> AdviceRequest:
    """Ask a partner for advice; due 6 weeks later (Reg 8(1))."""
    case_lock(case=case, expected_version=expected_version)
    advice = AdviceRequest.objects.create(
        case=case,
        service=service,
        organisation=organisation,
        requested_on=requested_on,
        due_on=advice_due(requested_on),
    )
    case_event_record(
        case=case,
        event=EventKind.ADVICE_REQUESTED,
        occurred_on=requested_on,
        actor=actor,
        source=service,
        advice_request=advice.pk,
        organisation=organisation.name,
    )
    case_change_finish(case=case, actor=actor, today=today, why="request advice")
    return advice


@transaction.atomic
def advice_receive(
    *, actor: User, advice: AdviceRequest, received_on: dt.date, summary: str, today: dt.date
) -> AdviceRequest:
    case = advice.case
    case_lock(case=case, expected_version=None)
    AdviceRequest.objects.filter(pk=advice.pk).update(received_on=received_on, summary=summary)
    advice.received_on, advice.summary = received_on, summary
    case_event_record(
        case=case,
        event=EventKind.ADVICE_RECEIVED,
        occurred_on=received_on,
        actor=actor,
        source=advice.service,
        advice_request=advice.pk,
    )
    case_change_finish(case=case, actor=actor, today=today, why="record advice received")
    return advice


@transaction.atomic
def advice_chase(*, actor: User, advice: AdviceRequest, today: dt.date) -> AdviceRequest:
    AdviceRequest.objects.filter(pk=advice.pk).update(
        last_chased_on=today, times_chased=F("times_chased") + 1
    )
    advice.refresh_from_db()
    case_event_record(
        case=advice.case,
        event=EventKind.ADVICE_CHASED,
        occurred_on=today,
        actor=actor,
        advice_request=advice.pk,
        source=advice.service,
    )
    case_change_finish(case=advice.case, actor=actor, today=today, why="chase advice")
    return advice


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
