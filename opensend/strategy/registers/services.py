"""Writes to a plan's registers: risks, dependencies between actions, co-production
evidence. Each in one transaction, audited (as the board's records are)."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import User
from opensend.strategy.models import (
    Action,
    ActionDependency,
    CoProductionEvidence,
    Priority,
    Risk,
    Strategy,
)
from opensend.strategy.services import PlanRefused, _set


def _check_of_plan(strategy: Strategy, *records: Action | Priority | None) -> None:
    if any(record is not None and record.strategy_id != strategy.pk for record in records):
        raise PlanRefused("It can only be about an action or a priority of this plan")


@transaction.atomic
def risk_create(*, actor: User, strategy: Strategy, action: Action | None, **fields: Any) -> Risk:
    _check_of_plan(strategy, action)
    risk = Risk(strategy=strategy, action=action)
    _set(risk, fields)
    audit(actor=actor, action=AuditAction.CREATE, obj=risk, why="Recorded a risk to a plan")
    return risk


@transaction.atomic
def risk_update(*, actor: User, risk: Risk, action: Action | None, **fields: Any) -> Risk:
    _check_of_plan(risk.strategy, action)
    _set(risk, {"action": action, **fields})
    audit(actor=actor, action=AuditAction.CHANGE, obj=risk, why="Changed a risk to a plan")
    return risk


@transaction.atomic
def risk_close(*, actor: User, risk: Risk, closed_on: dt.date) -> Risk:
    if risk.closed_on is None:
        _set(risk, {"closed_on": closed_on})
        audit(actor=actor, action=AuditAction.CHANGE, obj=risk, why="Closed a risk to a plan")
    return risk


def waits_for(edges: Iterable[tuple[int, int]], start: int) -> set[int]:
    """Every action `start` waits for, directly or through others: `edges` are
    (action, depends_on) pairs."""
    after: dict[int, set[int]] = {}
    for action, depends_on in edges:
        after.setdefault(action, set()).add(depends_on)
    found: set[int] = set()
    waiting = [start]
    while waiting:
        for nxt in after.get(waiting.pop(), set()) - found:
            found.add(nxt)
            waiting.append(nxt)
    return found


def _title(action: Action) -> str:
    return f"action {action.reference}" if action.reference else f"“{action.title[:60]}”"


@transaction.atomic
def dependency_add(
    *, actor: User, action: Action, depends_on: Action, note: str = ""
) -> ActionDependency:
    """`action` cannot finish until `depends_on` has; refused when it would close a loop
    (A after B after A), which no plan can finish."""
    if depends_on.strategy_id != action.strategy_id or depends_on.pk == action.pk:
        raise PlanRefused("An action can only depend on another action of its own plan")
    # Lock the plan's dependencies so that two concurrent additions cannot close a loop.
    edges = ActionDependency.objects.select_for_update().filter(action__strategy=action.strategy_id)
    pairs = list(edges.values_list("action_id", "depends_on_id"))
    if (action.pk, depends_on.pk) in pairs:
        raise PlanRefused(f"It already depends on {_title(depends_on)}")
    if action.pk in waits_for(pairs, depends_on.pk):
        raise PlanRefused(
            f"{_title(depends_on).capitalize()} already waits for {_title(action)}, so "
            f"{_title(action)} cannot also wait for it: neither could ever finish"
        )
    dependency = ActionDependency(action=action, depends_on=depends_on)
    _set(dependency, {"note": note})
    audit(actor=actor, action=AuditAction.CREATE, obj=dependency, why="Added a dependency")
    return dependency


@transaction.atomic
def dependency_remove(*, actor: User, dependency: ActionDependency) -> None:
    audit(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=dependency.action,
        why="Removed a dependency",
        detail={"depends_on": dependency.depends_on_id},
    )
    dependency.delete()


@transaction.atomic
def coproduction_create(
    *, actor: User, strategy: Strategy, action: Action | None, priority: Priority | None,
    **fields: Any,
) -> CoProductionEvidence:  # fmt: skip
    _check_of_plan(strategy, action, priority)
    evidence = CoProductionEvidence(
        strategy=strategy, action=action, priority=priority, recorded_by=actor
    )
    _set(evidence, fields)
    audit(actor=actor, action=AuditAction.CREATE, obj=evidence, why="Recorded co-production")
    return evidence


@transaction.atomic
def coproduction_update(
    *, actor: User, evidence: CoProductionEvidence, action: Action | None,
    priority: Priority | None, **fields: Any,
) -> CoProductionEvidence:  # fmt: skip
    _check_of_plan(evidence.strategy, action, priority)
    _set(evidence, {"action": action, "priority": priority, **fields})
    audit(actor=actor, action=AuditAction.CHANGE, obj=evidence, why="Changed co-production")
    return evidence
