"""Reminders to action owners (issue 12, item 5), through the one notification service.

An owner with an account (Action.owner_user) of an adopted plan is told:
- of each open milestone 7 days and 1 day before it is due, and once when it is overdue;
- of the next progress update, due UPDATE_EVERY_DAYS after the last one (or after the
  action was added), at the same points: the board monitors actions monthly.
Each reminder's key names the milestone (or action), its due date and which reminder it
is, so it is sent once; a day the job did not run is caught up (the latest reminder whose
time has come), as casework/reminders.py does. A changed due date is a new date to remind.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse

from opensend.casework.reminders import reminder_due
from opensend.core.formatting import govuk_date
from opensend.core.notifications import Message, notification_create
from opensend.strategy.models import Action, ActionStatus, Milestone, StrategyStatus

DAYS_BEFORE = (7, 1)
UPDATE_EVERY_DAYS = 30


@dataclass
class StrategyReminderReport:
    created: dict[str, int] = field(default_factory=lambda: {"milestone": 0, "update": 0})


def which_reminder(due: dt.date, today: dt.date) -> str | None:
    """ "7-days", "1-day", "overdue" or None (nothing due yet)."""
    days_left = (due - today).days
    if days_left < 0:
        return "overdue"
    days = reminder_due(days_left, DAYS_BEFORE)
    return None if days is None else f"{days}-day{'s' if days > 1 else ''}"


def _label(action: Action) -> str:
    """What the message is about (Message.subject: a plan's action is no child, ADR 0033)."""
    return f"Action {action.reference}" if action.reference else "Your action"


def _event(what: str, which: str, due: dt.date) -> str:
    if which == "overdue":
        return f"Overdue: {what} was due {govuk_date(due)}"
    return f"Reminder: {what} is due {govuk_date(due)}"


def _remind(*, action: Action, key: str, what: str, which: str, due: dt.date) -> int:
    message = Message(
        subject=_label(action),
        event=_event(what, which, due)[:200],
        link=reverse("strategy:action", args=[action.pk]),
        next_step=what[:200],
        next_step_due=due,
    )
    return len(notification_create(key=key, recipients=[action.owner_user.email], message=message))


def _open_actions() -> object:
    return Action.objects.filter(
        owner_user__isnull=False,
        owner_user__is_active=True,
        strategy__status=StrategyStatus.ADOPTED,
    ).exclude(status__in=[ActionStatus.COMPLETE, ActionStatus.STOPPED])


def milestone_reminders_send(today: dt.date) -> int:
    milestones = Milestone.objects.filter(
        done_date=None,
        due_date__lte=today + dt.timedelta(days=max(DAYS_BEFORE)),
        action__in=_open_actions(),
    ).select_related("action__owner_user")
    made = 0
    for milestone in milestones:
        which = which_reminder(milestone.due_date, today)
        if which is not None:
            key = f"strategy:milestone:{milestone.pk}:{milestone.due_date.isoformat()}:{which}"
            what = f"the milestone “{milestone.title[:120]}”"
            made += _remind(
                action=milestone.action, key=key, what=what, which=which, due=milestone.due_date
            )
    return made


def update_due(action: Action) -> dt.date:
    """The next progress update is due a month after the last (or after it was added)."""
    dates = [update.reported_on for update in action.progress_updates.all()]
    since = max(dates) if dates else action.created_at.date()
    return since + dt.timedelta(days=UPDATE_EVERY_DAYS)


def update_reminders_send(today: dt.date) -> int:
    made = 0
    actions = _open_actions().select_related("owner_user").prefetch_related("progress_updates")
    for action in actions:
        due = update_due(action)
        which = which_reminder(due, today)
        if which is not None:
            key = f"strategy:update:{action.pk}:{due.isoformat()}:{which}"
            made += _remind(action=action, key=key, what="a progress update", which=which, due=due)
    return made


def strategy_reminders_send(today: dt.date) -> StrategyReminderReport:
    report = StrategyReminderReport()
    report.created["milestone"] = milestone_reminders_send(today)
    report.created["update"] = update_reminders_send(today)
    return report
