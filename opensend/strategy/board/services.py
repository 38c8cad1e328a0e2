"""The board's records: a meeting, its decisions, and its action log, each action logged
becoming an Action of the plan in the same transaction (docs/strategy-board.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.strategy.board.models import BoardActionLog, BoardDecision, BoardMeeting
from opensend.strategy.models import Action, Priority, Strategy


@transaction.atomic
def board_meeting_create(
    *, strategy: Strategy, held_on: dt.date, title: str, actor: Any
) -> BoardMeeting:
    meeting = BoardMeeting.objects.create(
        strategy=strategy, held_on=held_on, title=title, created_by=actor
    )
    audit(actor=actor, action=AuditAction.CREATE, obj=meeting, why="Recorded a board meeting")
    return meeting


@transaction.atomic
def board_decision_record(*, meeting: BoardMeeting, decision: str, actor: Any) -> BoardDecision:
    recorded = BoardDecision.objects.create(meeting=meeting, decision=decision, recorded_by=actor)
    audit(actor=actor, action=AuditAction.CREATE, obj=recorded, why="Recorded a board decision")
    return recorded


@transaction.atomic
def board_action_log(
    *,
    meeting: BoardMeeting,
    title: str,
    owner_name: str,
    due_date: dt.date,
    priority: Priority | None,
    actor: Any,
) -> BoardActionLog:
    """Log an action the board asked for: it joins the plan at once, due on its date."""
    action = Action.objects.create(
        strategy=meeting.strategy,
        title=title,
        owner_name=owner_name,
        due_date=due_date,
        reference=f"Board {meeting.held_on:%d/%m/%y}"[:20],
    )
    if priority is not None:
        action.priorities.add(priority)
    entry = BoardActionLog.objects.create(
        meeting=meeting, action=action, owner_name=owner_name, due_date=due_date, recorded_by=actor
    )
    audit(actor=actor, action=AuditAction.CREATE, obj=entry, why="Logged a board action")
    return entry
