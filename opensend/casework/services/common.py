"""What every casework write does: lock the case, record the event, refresh the clock,
audit the change."""

import datetime as dt
from typing import Any

from django.db.models import F

from opensend.casework.models import Case, CaseEvent
from opensend.casework.services.clock import case_steps_refresh
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import User


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


def case_event_record(
    *, case: Case, event: str, occurred_on: dt.date, actor: User | None, **data: Any
) -> CaseEvent:
    """``actor`` None: recorded by the system (a nightly job); recorded_by stays null."""
    clean = {key: _jsonable(value) for key, value in data.items() if value not in (None, "")}
    return CaseEvent.objects.create(
        case=case, kind=event, occurred_on=occurred_on, recorded_by=actor, data=clean
    )


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
