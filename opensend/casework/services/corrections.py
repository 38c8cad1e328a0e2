"""Corrections: an event recorded in error is withdrawn or corrected by a new,
user-attributed event with a reason; the original stays in the history (struck through
for staff). The clock, the stage, the queue (CaseStep) and the records the measures read
(the plan's first issue date, advice received) are then worked out again from the
corrected history (opensend.statutory.clock.corrections; docs/statutory-clock.md,
"Corrections").
"""

import datetime as dt
from typing import Any

from django.db import transaction

from opensend.casework.clock import clock_history
from opensend.casework.models import (
    AdviceRequest,
    Case,
    CaseEvent,
    EventKind,
    Plan,
    Stage,
    correctable,
)
from opensend.casework.services.common import (
    case_change_finish,
    case_event_record,
    case_lock,
    case_stage_set,
)
from opensend.people.models import User
from opensend.statutory.clock import ClockEvent
from opensend.statutory.order import lawful_history
from opensend.statutory.order.history import CaseSoFar

# The decisions a panel decision records; a correction may turn one into another (a
# decision recorded against the wrong question becomes the decision it was).
REFUSALS = {"not_assess": "refuse_assess", "decision_not_to_issue": "refuse_issue"}


class CorrectionError(Exception):
    """The event cannot be corrected (it is itself a correction, or not a statutory step)."""


def _check_target(case: Case, event: CaseEvent) -> None:
    if event.case_id != case.pk or not correctable(event.kind):
        raise CorrectionError("Only a statutory step of this case can be withdrawn or corrected.")
    if event.corrections.exists():
        raise CorrectionError("This event has already been withdrawn or corrected.")


@transaction.atomic
def case_event_withdraw(
    *,
    actor: User,
    case: Case,
    event: CaseEvent,
    reason: str,
    today: dt.date,
    expected_version: int | None,
) -> CaseEvent:
    """The event did not happen: record its withdrawal (the order of steps must still
    hold without it, rule correction-keeps-order)."""
    case_lock(case=case, expected_version=expected_version)
    _check_target(case, event)
    withdrawal = case_event_record(
        case=case,
        event=EventKind.EVENT_WITHDRAWN,
        occurred_on=today,
        actor=actor,
        refers_to=event,
        reason=reason,
    )
    _notices_follow(case, event, None, actor, today, reason)
    _finish(case, actor, today, withdrawal, "withdraw an event recorded in error")
    return withdrawal


@transaction.atomic
def case_event_correct(
    *,
    actor: User,
    case: Case,
    event: CaseEvent,
    corrected: dict[str, Any],
    reason: str,
    today: dt.date,
    expected_version: int | None,
) -> CaseEvent:
    """The event happened as ``corrected`` says (``event``, ``date`` and the clock's fields
    such as ``outcome``), not as recorded."""
    case_lock(case=case, expected_version=expected_version)
    _check_target(case, event)
    as_stored = {key: _iso(value) for key, value in corrected.items() if value not in (None, "")}
    correction = case_event_record(
        case=case,
        event=EventKind.EVENT_CORRECTED,
        occurred_on=today,
        actor=actor,
        refers_to=event,
        reason=reason,
        corrected=as_stored,
    )
    _notices_follow(case, event, as_stored, actor, today, reason)
    _finish(case, actor, today, correction, "correct an event recorded in error")
    return correction


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _refusal_of(kind: str, outcome: str | None) -> str | None:
    """The appealable decision a decision event notifies (CFA s51(2)(a)-(b)), if any."""
    if kind == "decision_to_assess":
        return REFUSALS.get(outcome or "")
    return REFUSALS.get(kind)


def _notices_follow(
    case: Case,
    event: CaseEvent,
    corrected: dict[str, Any] | None,
    actor: User,
    today: dt.date,
    reason: str,
) -> None:
    """A refusal recorded by a panel decision came with its appealable decision notified:
    withdraw that notice when the refusal goes, record one when a correction makes the
    decision a refusal."""
    before = _refusal_of(event.kind, (event.data or {}).get("outcome"))
    after = _refusal_of(corrected["event"], corrected.get("outcome")) if corrected else None
    if before == after:
        return
    if before is not None:
        for notice in _open_notices(case, event, before):
            case_event_record(
                case=case,
                event=EventKind.EVENT_WITHDRAWN,
                occurred_on=today,
                actor=actor,
                refers_to=notice,
                reason=reason,
            )
    if after is not None and corrected is not None:
        case_event_record(
            case=case,
            event=EventKind.DECISION_NOTIFIED,
            occurred_on=dt.date.fromisoformat(corrected["date"]),
            actor=actor,
            decision=after,
        )


def _open_notices(case: Case, event: CaseEvent, decision: str) -> list[CaseEvent]:
    notices = case.events.filter(
        kind=EventKind.DECISION_NOTIFIED,
        occurred_on=event.occurred_on,
        data__decision=decision,
        corrections__isnull=True,
    )
    return list(notices)


def _finish(case: Case, actor: User, today: dt.date, correction: CaseEvent, why: str) -> None:
    case_records_refresh(case)
    case_change_finish(
        case=case,
        actor=actor,
        today=today,
        why=why,
        detail={"event": correction.refers_to_id, "correction": correction.pk},
    )


def case_records_refresh(case: Case) -> None:
    """Work out again, from the lawful corrected history, what is stored as a summary:
    the stage, the plan's first issue date and each advice request's receipt."""
    stored = list(case.events.all())
    history = lawful_history(clock_history(stored))
    case_stage_set(case, stage_of(history, _issue_agreed(stored, history)))
    _plan_refresh(case, history)
    _advice_refresh(case, stored, history)


def stage_of(history: tuple[ClockEvent, ...], issue_agreed: bool) -> str:
    """Where a case stands, from its lawful history (process order)."""
    so_far = CaseSoFar(history)
    plan, cycle = so_far.plan_in_force(), so_far.cycle()
    if plan is None and so_far.last("plan_ceased") is not None:
        return Stage.CEASED
    if plan is not None and (not cycle or so_far.in_cycle("final_plan_issued")):
        return Stage.PLAN
    if so_far.in_cycle("decision_not_to_issue"):
        return Stage.NOT_ISSUED
    if so_far.in_cycle("draft_plan_issued"):
        return Stage.DRAFTING
    decision = so_far.latest_decision()
    if decision == "not_assess":
        return Stage.NOT_ASSESSED
    if decision == "assess":
        return Stage.DRAFTING if issue_agreed else Stage.ASSESSING
    return Stage.PLAN if plan is not None else Stage.REQUESTED


def _issue_agreed(stored: list[CaseEvent], history: tuple[ClockEvent, ...]) -> bool:
    """A panel agreed to issue a plan after the latest decision to assess."""
    decisions = [event for event in history if event.event == "decision_to_assess"]
    if not decisions:
        return False
    return any(
        event.kind == EventKind.PANEL_DECISION
        and event.data.get("question") == "issue"
        and event.data.get("agreed")
        and event.occurred_on >= decisions[-1].date
        for event in stored
    )


def _plan_refresh(case: Case, history: tuple[ClockEvent, ...]) -> None:
    finals = [event.date for event in history if event.event == "final_plan_issued"]
    Plan.objects.filter(case=case).update(first_issued_on=min(finals, default=None))


def _advice_refresh(case: Case, stored: list[CaseEvent], history: tuple[ClockEvent, ...]) -> None:
    """Each advice request's receipt as the lawful history has it (withdrawn: none)."""
    received = {e.event_id: e.date for e in history if e.event == "advice_received"}
    for event in stored:
        if event.kind == EventKind.ADVICE_RECEIVED and event.data.get("advice_request"):
            AdviceRequest.objects.filter(pk=event.data["advice_request"], case=case).update(
                received_on=received.get(event.pk)
            )
