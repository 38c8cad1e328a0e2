"""Writes for the activities calendar: cancelling and reinstating sessions and activities.

Each change also saves the schedule, so its `last_modified` (the feed's DTSTAMP and
LAST-MODIFIED) moves on and calendar apps see that the event changed. Who may call these
is the editorial workflow's decision (providers for their own listings, editors for all).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from opensend.directory import models as m
from opensend.directory.calendar import occurrences
from opensend.directory.calendar.models import ActivityCancellation, SessionCancellation
from opensend.directory.calendar.selectors import rule_of


def _touch(schedule: m.Schedule) -> None:
    schedule.save(update_fields=["last_modified"])


@transaction.atomic
def session_cancel(*, schedule: m.Schedule, date: dt.date, reason: str) -> SessionCancellation:
    """Cancel the session on `date`, which must be one of the schedule's sessions."""
    try:
        dates = occurrences.occurrence_dates(rule_of(schedule), date, date)
    except occurrences.RuleError as error:
        raise ValidationError(str(error)) from error
    if not dates:
        raise ValidationError(f"There is no session of this activity on {date:%-d %B %Y}.")
    cancellation, _ = SessionCancellation.objects.update_or_create(
        schedule=schedule, date=date, defaults={"reason": reason.strip()}
    )
    _touch(schedule)
    return cancellation


@transaction.atomic
def session_reinstate(*, schedule: m.Schedule, date: dt.date) -> None:
    deleted, _ = SessionCancellation.objects.filter(schedule=schedule, date=date).delete()
    if deleted:
        _touch(schedule)


@transaction.atomic
def activity_cancel(*, schedule: m.Schedule, reason: str) -> ActivityCancellation:
    """Cancel every session of the schedule (it stays listed, marked cancelled)."""
    if schedule.dtstart is None:
        raise ValidationError("Opening hours are not an activity: change the service instead.")
    cancellation, _ = ActivityCancellation.objects.update_or_create(
        schedule=schedule, defaults={"reason": reason.strip()}
    )
    _touch(schedule)
    return cancellation


@transaction.atomic
def activity_reinstate(*, schedule: m.Schedule) -> None:
    deleted, _ = ActivityCancellation.objects.filter(schedule=schedule).delete()
    if deleted:
        _touch(schedule)
