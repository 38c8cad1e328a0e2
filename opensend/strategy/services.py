"""Writes to the partnership's plans (ADR 0031): each in one transaction, named
<entity>_<action>, keyword-only. Progress updates are append-only: a correction is a new
update, so the history the board reads is never rewritten."""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_store
from opensend.people.models import Organisation, User
from opensend.strategy.models import (
    Action,
    EvidenceFile,
    Milestone,
    Priority,
    ProgressUpdate,
    Strategy,
    StrategyStatus,
    SuccessMeasure,
)


class PlanRefused(ValueError):
    """A change the plan cannot take; the message says why, for the person."""


def _set(record: Any, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()


@transaction.atomic
def strategy_create(*, actor: User, local_authority: Organisation, **fields: Any) -> Strategy:
    strategy = Strategy(local_authority=local_authority, created_by=actor)
    _set(strategy, fields)
    return strategy


@transaction.atomic
def strategy_update(*, strategy: Strategy, **fields: Any) -> Strategy:
    _set(strategy, fields)
    if strategy.status != StrategyStatus.ADOPTED:
        # A plan that leaves "adopted" leaves the public site for good: adopted again, it
        # needs a lead's new confirmation of its co-production evidence (ADR 0034).
        strategy.publications.filter(withdrawn_at__isnull=True).update(  # type: ignore[attr-defined]
            withdrawn_at=timezone.now()
        )
    return strategy


@transaction.atomic
def priority_create(*, strategy: Strategy, **fields: Any) -> Priority:
    fields.setdefault("order", strategy.priorities.count() + 1)
    priority = Priority(strategy=strategy)
    _set(priority, fields)
    return priority


@transaction.atomic
def priority_update(*, actor: User, priority: Priority, **fields: Any) -> Priority:
    _set(priority, fields)
    audit(actor=actor, action=AuditAction.CHANGE, obj=priority, why="Changed a plan's priority")
    return priority


def _check_priorities(strategy: Strategy, priorities: Sequence[Priority]) -> None:
    if any(priority.strategy_id != strategy.pk for priority in priorities):
        raise PlanRefused("An action can only serve priorities of its own plan")


def _check_owner(strategy: Strategy, owner: User | None) -> None:
    from opensend.strategy.selectors import possible_owners

    if owner is not None and not possible_owners(strategy).filter(pk=owner.pk).exists():
        raise PlanRefused("The owner must be staff of the local area who can read its plans")


def _check_dates(start: dt.date | None, due: dt.date | None) -> None:
    if start and due and due < start:
        raise PlanRefused("The due date must be on or after the start date")


@transaction.atomic
def action_create(
    *,
    strategy: Strategy,
    priorities: Sequence[Priority],
    partner_organisations: Iterable[Organisation] = (),
    **fields: Any,
) -> Action:
    _check_priorities(strategy, priorities)
    _check_owner(strategy, fields.get("owner_user"))
    _check_dates(fields.get("start_date"), fields.get("due_date"))
    action = Action(strategy=strategy)
    _set(action, fields)
    action.priorities.set(priorities)
    action.partner_organisations.set(partner_organisations)
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    priorities: Sequence[Priority],
    partner_organisations: Iterable[Organisation] = (),
    **fields: Any,
) -> Action:
    _check_priorities(action.strategy, priorities)
    _check_owner(action.strategy, fields.get("owner_user"))
    _check_dates(fields.get("start_date"), fields.get("due_date"))
    _set(action, fields)
    action.priorities.set(priorities)
    action.partner_organisations.set(partner_organisations)
    return action


@transaction.atomic
def milestone_create(*, action: Action, title: str, due_date: dt.date) -> Milestone:
    milestone = Milestone(action=action)
    _set(milestone, {"title": title, "due_date": due_date})
    return milestone


@transaction.atomic
def milestone_done(*, milestone: Milestone, done_date: dt.date) -> Milestone:
    _set(milestone, {"done_date": done_date})
    return milestone


@transaction.atomic
def measure_create(
    *, strategy: Strategy, action: Action | None, priority: Priority | None, **fields: Any
) -> SuccessMeasure:
    """A success measure of an action or of a priority of `strategy` (one of them)."""
    _check_measure_owner(strategy, action, priority)
    measure = SuccessMeasure(strategy=strategy, action=action, priority=priority)
    _set(measure, fields)
    return measure


def _check_measure_owner(
    strategy: Strategy, action: Action | None, priority: Priority | None
) -> None:
    owner = action or priority
    if owner is None or (action and priority) or owner.strategy_id != strategy.pk:
        raise PlanRefused("A success measure belongs to one action or one priority of the plan")


@transaction.atomic
def measure_update(
    *,
    actor: User,
    measure: SuccessMeasure,
    action: Action | None,
    priority: Priority | None,
    **fields: Any,
) -> SuccessMeasure:
    """Change a success measure, checked as when it was added (one action or one priority
    of its own plan; the model's rules on an indicator's fields)."""
    _check_measure_owner(measure.strategy, action, priority)
    _set(measure, {"action": action, "priority": priority, **fields})
    audit(actor=actor, action=AuditAction.CHANGE, obj=measure, why="Changed a success measure")
    return measure


@transaction.atomic
def progress_report(
    *,
    action: Action,
    actor: User,
    reported_on: dt.date,
    status: str,
    narrative: str,
    files: Sequence[UploadedFile] = (),
) -> ProgressUpdate:
    """Add a progress update (never edit one) with its evidence, each file through the one
    upload gate (opensend/core/uploads.py: checked, stored, virus-scanned)."""
    update = ProgressUpdate(action=action, reported_by=actor)
    _set(update, {"reported_on": reported_on, "status": status, "narrative": narrative})
    for upload in files:
        EvidenceFile.objects.create(
            progress_update=update, upload=upload_store(actor=actor, upload=upload)
        )
    return update
