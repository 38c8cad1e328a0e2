"""The daily reminders to whoever must act next (issue 11, item 4), sent through the one
notification service by the daily job casework.tasks.daily_reminders.

Each reminder has a key naming the step, its due date and which reminder it is, so it
is sent once. A day the job did not run is caught up: the latest reminder whose time
has come is sent, while the date has not passed.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from opensend.casework.models import AdviceRequest, Case, CaseStep
from opensend.casework.notifications import (
    CASEWORKER,
    FAMILY,
    SCHOOL,
    advice_remind,
    audience_emails,
    case_link,
    family_link,
    first_name,
)
from opensend.casework.presenters.steps import ADVICE_PREFIX, WINDOW_STEPS, step_name
from opensend.core.formatting import govuk_date
from opensend.core.notifications import Message, notification_create

# Advice is due 6 weeks after it was asked for (Reg 8(1)): the adviser is reminded at
# 4 weeks and at 5 weeks (days after the request), and on the day it is due.
ADVICE_REMINDERS = (("week-4", 28), ("week-5", 35))
# Days before a statutory date that the caseworker is reminded of it.
CASEWORKER_DAYS = (7, 1)
# The school's annual review report is due 2 weeks after the meeting (Reg 20(7), (8)).
SCHOOL_DAYS = {"review_report": (7, 1)}
# The family may comment on a draft plan for at least 15 days (Reg 13(1)).
FAMILY_DAYS = {"draft_comments_close": (5, 1)}


@dataclass
class ReminderReport:
    created: dict[str, int] = field(
        default_factory=lambda: {"advice": 0, CASEWORKER: 0, SCHOOL: 0, FAMILY: 0}
    )

    def as_dict(self) -> dict[str, int]:
        return dict(self.created)


def reminder_due(days_left: int, thresholds: tuple[int, ...]) -> int | None:
    """Which reminder (days before) a date `days_left` away should have had by now."""
    return next((days for days in sorted(thresholds) if 0 <= days_left <= days), None)


def advice_reminder_due(advice: AdviceRequest, today: dt.date) -> str | None:
    if today >= advice.due_on:
        return "due-day" if today == advice.due_on else None
    passed = [
        name
        for name, days in ADVICE_REMINDERS
        if today >= advice.requested_on + dt.timedelta(days=days)
    ]
    return passed[-1] if passed else None


def advice_reminders_send(today: dt.date) -> int:
    outstanding = (
        AdviceRequest.objects.filter(
            received_on__isnull=True,
            due_on__gte=today,
        )
        .filter(
            Q(due_on=today) | Q(requested_on__lte=today - dt.timedelta(days=ADVICE_REMINDERS[0][1]))
        )
        .select_related("organisation", "case__child")
    )
    made = 0
    for advice in outstanding:
        which = advice_reminder_due(advice, today)
        if which is not None:
            made += advice_remind(
                advice=advice,
                key=f"reminder:{which}",
                words=f"Your advice is due by {govuk_date(advice.due_on)}",
            )
    return made


def _when(days_left: int) -> str:
    return "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"


def step_remind(*, step: CaseStep, audience: str, days_before: int, today: dt.date) -> int:
    case: Case = step.case
    days_left = (step.due - today).days
    message = Message(
        child_first_name=first_name(case.child),
        event=f"Reminder: {step_name(step.step).lower()} is due {_when(days_left)}",
        link=family_link(case) if audience == FAMILY else case_link(case),
        next_step=step_name(step.step),
        next_step_due=step.due,
    )
    key = f"step:{case.pk}:{step.step}:{step.due.isoformat()}:{audience}:{days_before}"
    recipients = audience_emails(case, audience, today)
    return len(notification_create(key=key, recipients=recipients, message=message))


def _audiences(step: str) -> list[tuple[str, tuple[int, ...]]]:
    found = []
    if step not in WINDOW_STEPS and not step.startswith(ADVICE_PREFIX):
        found.append((CASEWORKER, CASEWORKER_DAYS))
    if step in SCHOOL_DAYS:
        found.append((SCHOOL, SCHOOL_DAYS[step]))
    if step in FAMILY_DAYS:
        found.append((FAMILY, FAMILY_DAYS[step]))
    return found


def step_reminders_send(today: dt.date, report: ReminderReport) -> None:
    furthest = max(
        CASEWORKER_DAYS
        + tuple(d for v in (*SCHOOL_DAYS.values(), *FAMILY_DAYS.values()) for d in v)
    )
    steps = CaseStep.objects.filter(
        Q(done__isnull=True), due__gte=today, due__lte=today + dt.timedelta(days=furthest)
    ).select_related("case__child", "case__caseworker")
    for step in steps:
        for audience, thresholds in _audiences(step.step):
            which = reminder_due((step.due - today).days, thresholds)
            if which is not None:
                report.created[audience] += step_remind(
                    step=step, audience=audience, days_before=which, today=today
                )


def reminders_send(today: dt.date | None = None) -> ReminderReport:
    today = today or timezone.localdate()
    report = ReminderReport()
    report.created["advice"] = advice_reminders_send(today)
    step_reminders_send(today, report)
    return report
