"""Annual reviews (CFA s44; Reg 18-22), phase transfers (Reg 18) and ceasing (CFA s45)."""

import datetime as dt

from django.db import transaction

from opensend.casework.models import (
    AnnualReview,
    Case,
    EventKind,
    PhaseTransfer,
    Plan,
    Stage,
)
from opensend.casework.services.common import (
    case_change_finish,
    case_event_record,
    case_lock,
    case_stage_set,
)
from opensend.people.models import Organisation, User
from opensend.statutory.codes import ReviewOutcome

_CLOCK_OUTCOME = {
    ReviewOutcome.MAINTAIN: "maintain",
    ReviewOutcome.AMEND: "amend",
    ReviewOutcome.CEASE: "cease",
}


@transaction.atomic
def review_meeting_record(
    *,
    actor: User,
    case: Case,
    meeting_on: dt.date,
    notes: str,
    today: dt.date,
    expected_version: int | None,
) -> AnnualReview:
    case_lock(case=case, expected_version=expected_version)
    review = AnnualReview.objects.create(case=case, meeting_on=meeting_on, notes=notes)
    case_event_record(
        case=case,
        event=EventKind.REVIEW_MEETING,
        occurred_on=meeting_on,
        actor=actor,
        review=review.pk,
    )
    case_change_finish(case=case, actor=actor, today=today, why="record review meeting")
    return review


@transaction.atomic
def review_report_record(
    *,
    actor: User,
    review: AnnualReview,
    received_on: dt.date,
    today: dt.date,
    expected_version: int | None,
) -> AnnualReview:
    """The school's report of the meeting reached the LA (Reg 20(7): due within 2 weeks
    of the meeting): the clock's report step is met and the decision is next (Reg 20(10))."""
    case = review.case
    case_lock(case=case, expected_version=expected_version)
    AnnualReview.objects.filter(pk=review.pk).update(report_received_on=received_on)
    review.report_received_on = received_on
    case_event_record(
        case=case,
        event=EventKind.REVIEW_REPORT_RECEIVED,
        occurred_on=received_on,
        actor=actor,
        review=review.pk,
    )
    case_change_finish(case=case, actor=actor, today=today, why="record review report")
    return review


@transaction.atomic
def review_decision_record(
    *,
    actor: User,
    review: AnnualReview,
    decision_on: dt.date,
    outcome: str,
    today: dt.date,
    expected_version: int | None,
) -> AnnualReview:
    """The LA's decision to maintain, amend or cease, due 4 weeks after the meeting."""
    case = review.case
    case_lock(case=case, expected_version=expected_version)
    AnnualReview.objects.filter(pk=review.pk).update(decision_on=decision_on, outcome=outcome)
    review.decision_on, review.outcome = decision_on, outcome
    case_event_record(
        case=case,
        event=EventKind.REVIEW_DECISION,
        occurred_on=decision_on,
        actor=actor,
        outcome=_CLOCK_OUTCOME[ReviewOutcome(outcome)],
        review=review.pk,
    )
    case_change_finish(case=case, actor=actor, today=today, why="record review decision")
    return review


@transaction.atomic
def phase_transfer_record(
    *,
    actor: User,
    case: Case,
    transfer_date: dt.date,
    kind: str,
    from_setting: Organisation | None,
    today: dt.date,
) -> PhaseTransfer:
    """A coming move between phases: the plan must be amended by 15 Feb / 31 Mar (Reg 18)."""
    transfer, created = PhaseTransfer.objects.get_or_create(
        case=case,
        transfer_date=transfer_date,
        defaults={"kind": kind, "from_setting": from_setting},
    )
    if created:
        case_event_record(
            case=case,
            event=EventKind.PHASE_TRANSFER,
            occurred_on=today,
            actor=actor,
            transfer_date=transfer_date,
            kind=kind,
        )
        case_change_finish(case=case, actor=actor, today=today, why="record phase transfer")
    return transfer


@transaction.atomic
def plan_cease(
    *,
    actor: User,
    case: Case,
    ceased_on: dt.date,
    reason: str,
    today: dt.date,
    expected_version: int | None,
) -> Plan:
    """Cease the plan with its SEN2 reason (CFA s45; Regs 29-31)."""
    case_lock(case=case, expected_version=expected_version)
    plan = Plan.objects.get(case=case)
    Plan.objects.filter(pk=plan.pk).update(ceased_on=ceased_on, cease_reason=reason)
    case_stage_set(case, Stage.CEASED)
    # The decision to cease is notified (and appealable, CFA s51(2)(f)) before the plan
    # ceases: the order of steps refuses a cessation no decision preceded (Reg 29-31).
    case_event_record(
        case=case,
        event=EventKind.DECISION_NOTIFIED,
        occurred_on=ceased_on,
        actor=actor,
        decision="cease",
    )
    case_event_record(
        case=case, event=EventKind.PLAN_CEASED, occurred_on=ceased_on, actor=actor, reason=reason
    )
    case_change_finish(case=case, actor=actor, today=today, why="cease plan")
    plan.refresh_from_db()
    return plan
