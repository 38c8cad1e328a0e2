"""Review reminders: emails to a listing's provider before its review date lapses.

Sent by the daily task (editorial/tasks.py). A listing gets the 30-day reminder once
while 30 to 8 days are left, and the 7-day reminder once while 7 to 0 days are left
(settings.LOCAL_OFFER_REMINDER_DAYS), so a day the task did not run is caught up the
next day. Each reminder sent is recorded (ReviewReminder, unique per listing, review date
and reminder), so it is never sent twice; a new review date (the listing was checked)
starts the reminders again.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from opensend.core.formatting import govuk_date
from opensend.directory import models as m
from opensend.directory.editorial.review import due_within, review_date

logger = logging.getLogger(__name__)


@dataclass
class ReminderReport:
    sent: int = 0
    already_sent: int = 0
    no_recipient: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "sent": self.sent,
            "already_sent": self.already_sent,
            "no_recipient": self.no_recipient,
        }


def reminder_due(days_left: int) -> int | None:
    """Which reminder (30 or 7) a listing with `days_left` should have had by now."""
    thresholds = sorted(settings.LOCAL_OFFER_REMINDER_DAYS)
    return next((days for days in thresholds if 0 <= days_left <= days), None)


def recipients_of(service: m.Service) -> list[str]:
    """The provider's linked staff (active accounts); else the organisation's address."""
    emails = sorted(
        m.ProviderLink.objects.filter(
            organization=service.organization_id, user__is_active=True
        ).values_list("user__email", flat=True)
    )
    return emails or ([service.organization.email] if service.organization.email else [])


def _message(service: m.Service, due: dt.date, days_left: int) -> tuple[str, str]:
    link = settings.SITE_URL + reverse("editorial:listing", args=[service.pk])
    when = "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"
    subject = f"Please check your Local Offer listing: {service.name}"
    body = (
        f'Your Local Offer listing "{service.name}" is due to be checked by '
        f"{govuk_date(due)} ({when}).\n\n"
        "Families rely on it being right. Please check it, then either change it or "
        "confirm it is still correct:\n"
        f"{link}\n\n"
        "If it is not checked by then, families will be told it may be out of date.\n"
    )
    return subject, body


def reminders_send(today: dt.date) -> ReminderReport:
    report = ReminderReport()
    for service in due_within(today, max(settings.LOCAL_OFFER_REMINDER_DAYS)):
        due = review_date(service)
        assert due is not None  # due_within only returns checked listings
        days_left = (due - today).days
        which = reminder_due(days_left)
        if which is None:
            continue
        if m.ReviewReminder.objects.filter(
            service=service, review_date=due, days_before=which
        ).exists():
            report.already_sent += 1
            continue
        recipients = recipients_of(service)
        if not recipients:
            report.no_recipient += 1
            logger.warning("Review reminder: no one to tell about listing %s", service.pk)
            continue
        try:
            with transaction.atomic():  # recorded only if the email went
                m.ReviewReminder.objects.create(
                    service=service,
                    review_date=due,
                    days_before=which,
                    recipients="\n".join(recipients),
                )
                send_mail(*_message(service, due, days_left), None, recipients)
        except IntegrityError:  # another worker sent it a moment ago
            report.already_sent += 1
            continue
        report.sent += 1
    return report
