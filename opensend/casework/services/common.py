"""What every casework write does: lock the case, record the event (if the order of
statutory steps allows it), refresh the clock, audit the change."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F

from opensend.casework.clock import clock_event, clock_history
from opensend.casework.models import CLOCK_EVENT_KINDS, Case, CaseEvent, EventKind
from opensend.casework.notifications import NOTIFYING_EVENTS
from opensend.casework.services.clock import case_steps_refresh
from opensend.core.audit import audit
from opensend.core.formatting import govuk_date
from opensend.core.models import AuditAction
from opensend.people.models import User
from opensend.statutory.order import Refusal, check_next


class ConflictError(Exception):
    """Someone else saved this case after the form was opened (no lost update)."""

    message = (
        "Someone else changed this case while you were working on it. "
        "Check the latest details below and make your change again."
    )


def case_lock(*, case: Case, expected_version: int | None) -> None:
    """Optimistic lock: bump the version only if it is still the one the form saw.

    The UPDATE takes the row lock, so two concurrent saves are serialised and the
    second sees the bumped version and fails (security.md goal 13).
    """
    query = Case.objects.filter(pk=case.pk)
    if expected_version is not None:
        query = query.filter(version=expected_version)
    if query.update(version=F("version") + 1) == 0:
        raise ConflictError(ConflictError.message)
    case.version = (expected_version or case.version) + 1


def case_stage_set(case: Case, stage: str) -> None:
    """The cached summary of where the case stands (written only by services)."""
    Case.objects.filter(pk=case.pk).update(stage=stage)
    case.stage = stage


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


class OrderRefused(Exception):
    """The order of statutory steps forbids this event now (opensend.statutory.order):
    the message says why, what must happen first, and the rule's legal source."""

    def __init__(self, refusal: Refusal, what: str = "") -> None:
        self.refusal = refusal
        super().__init__(refusal_message(refusal, what))


def _event_words(kind: str) -> str:
    labels = dict(EventKind.choices)
    return labels.get(kind, kind.replace("_", " ")).lower()


def refusal_message(refusal: Refusal, what: str = "") -> str:
    """One plain-English sentence for the error summary: what cannot be recorded (``what``,
    or the event's name), why and what must happen first, with the rule's source (e.g.
    Reg 13(1))."""
    reason = refusal.reason
    for kind, label in EventKind.choices:  # event names in the reason become their words
        if "_" not in kind:
            continue
        reason = reason.replace(f"({kind})", f"(\u2018{label.lower()}\u2019)")
        reason = reason.replace(kind, f"\u2018{label.lower()}\u2019")
    what = what or _event_words(refusal.event.event)
    day = govuk_date(refusal.event.date)
    return f"{what[:1].upper()}{what[1:]} on {day} cannot be recorded: {reason} ({refusal.source})"


def case_order_check(case: Case, proposed: CaseEvent) -> None:
    """Refuse an event the order of statutory steps forbids, before it is stored. The
    history read is the stored one with its corrections (check_next applies them)."""
    refusal = check_next(clock_history(case.events.all()), clock_event(proposed))
    if refusal is not None:
        raise OrderRefused(refusal)


def case_event_record(
    *,
    case: Case,
    event: str,
    occurred_on: dt.date,
    actor: User | None,
    refers_to: CaseEvent | None = None,
    **data: Any,
) -> CaseEvent:
    """Store one event, after checking the order of statutory steps allows it (it raises
    OrderRefused, and the caller's transaction rolls back). ``actor`` None: recorded by
    the system (a nightly job); recorded_by stays null."""
    clean = {key: _jsonable(value) for key, value in data.items() if value not in (None, "")}
    if refers_to is not None:
        clean["refers_to"] = refers_to.pk
    stored = CaseEvent(
        case=case,
        kind=event,
        occurred_on=occurred_on,
        recorded_by=actor,
        data=clean,
        refers_to=refers_to,
    )
    if event in CLOCK_EVENT_KINDS:
        case_order_check(case, stored)
    stored.save()
    if event in NOTIFYING_EVENTS:  # told once the change commits (issue 11, item 4)
        transaction.on_commit(lambda: _notify_later(stored.pk))
    return stored


def _notify_later(event_id: int) -> None:
    from opensend.casework.tasks import case_event_notify_job  # the jobs import services

    case_event_notify_job.defer(event_id=event_id)


def case_change_finish(
    *,
    case: Case,
    actor: User | None,
    today: dt.date,
    why: str,
    detail: dict[str, Any] | None = None,
) -> None:
    case_steps_refresh(case=case, today=today)
    audit(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=case,
        child_id=case.child_id,
        why=why,
        detail=detail or {},
    )
