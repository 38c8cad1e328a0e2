"""Retention: each kind of record with personal data is kept for a stated period, then
deleted or anonymised by one daily job (security.md goal 11; UK GDPR Art. 5(1)(e)).

Each app declares its own record types in its `retention.py` (autodiscovered when Django
starts, like rules.py), because only it knows its models: what is due on a given day,
and how to delete or anonymise it. The periods come from settings.RETENTION_PERIODS
(each overridable by an environment variable, docs/retention.md). A legal hold on a
record keeps it, whatever its period, until the hold is released.

`retention_run` is idempotent: what it deleted is gone and what it anonymised is no
longer due, so a second run the same day finds nothing to do. Records not yet due are
never read for writing.
"""

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import QuerySet

from opensend.core.audit import audit
from opensend.core.models import AuditAction, FormSubmission, LegalHold, RetentionRun
from opensend.core.notifications.models import Notification

logger = logging.getLogger(__name__)

DELETE = "delete"
ANONYMISE = "anonymise"
_PERIOD = re.compile(r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<days>\d+)D)?$")


@dataclass(frozen=True)
class Period:
    years: int = 0
    months: int = 0
    days: int = 0

    def before(self, day: dt.date) -> dt.date:
        """`day` minus this period (29 February falls back to 28 February)."""
        months = day.year * 12 + day.month - 1 - self.years * 12 - self.months
        year, month = divmod(months, 12)
        month += 1
        last = _month_length(year, month)
        return dt.date(year, month, min(day.day, last)) - dt.timedelta(days=self.days)


def _month_length(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def parse_period(text: str) -> Period:
    """An ISO 8601 period of years, months and days: "P31Y", "P2Y", "P1Y6M", "P90D"."""
    found = _PERIOD.match(text.strip().upper())
    if not found or not any(found.groupdict().values()):
        raise ImproperlyConfigured(f"{text!r} is not a retention period like P2Y or P90D")
    return Period(**{key: int(value or 0) for key, value in found.groupdict().items()})


@dataclass(frozen=True)
class RecordType:
    """A kind of record with personal data and what happens to it when its time is up.

    due(cutoff): the records whose period ended on or before today (the `cutoff` is today
      minus the period; what it is compared with is the record type's business).
    apply(records): delete or anonymise them; returns how many.
    key(records): the ids a legal hold names (object_id), as strings.
    """

    name: str
    label: str
    action: str
    starts: str  # what the period counts from, for people reading the docs and the log
    due: Callable[[dt.date], QuerySet[Any]]
    apply: Callable[[QuerySet[Any]], int]
    hold_field: str = "pk"


RECORD_TYPES: dict[str, RecordType] = {}


def register(record_type: RecordType) -> RecordType:
    if record_type.name in RECORD_TYPES:
        raise ImproperlyConfigured(
            f"the retention record type {record_type.name} is declared twice"
        )
    RECORD_TYPES[record_type.name] = record_type
    return record_type


def period_of(name: str) -> Period:
    periods: dict[str, str] = settings.RETENTION_PERIODS
    if name not in periods:
        raise ImproperlyConfigured(f"settings.RETENTION_PERIODS has no period for {name}")
    return parse_period(periods[name])


def held_ids(name: str, today: dt.date) -> list[str]:
    """Object ids under a legal hold for this record type today."""
    return list(
        LegalHold.objects.in_force(today)
        .filter(record_type=name)
        .values_list("object_id", flat=True)
    )


def records_due(record_type: RecordType, today: dt.date) -> QuerySet[Any]:
    cutoff = period_of(record_type.name).before(today)
    due = record_type.due(cutoff)
    held = held_ids(record_type.name, today)
    return due.exclude(**{f"{record_type.hold_field}__in": held}) if held else due


@dataclass
class RetentionReport:
    today: dt.date
    dry_run: bool
    done: dict[str, int] = field(default_factory=dict)  # record type: how many
    held: dict[str, int] = field(default_factory=dict)  # kept back by a legal hold

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "dry_run": self.dry_run,
            "done": self.done,
            "held": self.held,
        }


def _held_count(record_type: RecordType, today: dt.date) -> int:
    held = held_ids(record_type.name, today)
    if not held:
        return 0
    cutoff = period_of(record_type.name).before(today)
    return record_type.due(cutoff).filter(**{f"{record_type.hold_field}__in": held}).count()


@transaction.atomic
def _apply(record_type: RecordType, today: dt.date) -> int:
    due = records_due(record_type, today)
    ids = sorted(str(value) for value in due.values_list(record_type.hold_field, flat=True))
    if not ids:
        return 0
    count = record_type.apply(due)
    audit(
        actor=None,
        action=AuditAction.RETENTION,
        why=f"retention: {record_type.label}",
        detail={
            "record_type": record_type.name,
            "action": record_type.action,
            "count": count,
            "ids": ids,
        },
    )
    return count


def retention_run(
    today: dt.date, *, dry_run: bool = False, names: Iterable[str] | None = None
) -> RetentionReport:
    """Delete or anonymise every record whose retention period has ended by `today`,
    except those under a legal hold. Each record type in its own transaction."""
    report = RetentionReport(today=today, dry_run=dry_run)
    for name in sorted(names or RECORD_TYPES):
        record_type = RECORD_TYPES[name]
        due = records_due(record_type, today)
        report.done[name] = due.count() if dry_run else _apply(record_type, today)
        report.held[name] = _held_count(record_type, today)
        logger.info(
            "retention %s %s: %s %d, held %d",
            today.isoformat(),
            name,
            "would " + record_type.action if dry_run else record_type.action,
            report.done[name],
            report.held[name],
        )
    if not dry_run:
        RetentionRun.objects.create(today=today, done=report.done, held=report.held)
    return report


# --- core's own record type ------------------------------------------------------------


def _form_submissions_due(cutoff: dt.date) -> QuerySet[FormSubmission]:
    return FormSubmission.objects.filter(created_at__date__lte=cutoff)


def _delete_form_submissions(submissions: QuerySet[FormSubmission]) -> int:
    count, _ = submissions.delete()
    return count


register(
    RecordType(
        name="form_submission",
        label="One-time form tokens (who posted which form)",
        action=DELETE,
        starts="when the form was posted",
        due=_form_submissions_due,
        apply=_delete_form_submissions,
    )
)


def _notifications_due(cutoff: dt.date) -> QuerySet[Notification]:
    return Notification.objects.filter(created_at__date__lte=cutoff)


def _delete_notifications(notifications: QuerySet[Notification]) -> int:
    count, _ = notifications.delete()
    return count


register(
    RecordType(
        name="notification",
        label="Update emails as sent (address, first name, event and link)",
        action=DELETE,
        starts="when the email was written",
        due=_notifications_due,
        apply=_delete_notifications,
    )
)
