"""The one notification service (issue 11, item 4): every app tells people through
notification_create; opensend.core.jobs sends what it creates.

- Never twice: a Notification is unique per (event key, recipient). Creating one that
  exists does nothing; sending one that was sent does nothing.
- Immediate or daily digest, by each person's NotificationPreference.
- Sent after the change commits, by a Procrastinate job retried on failure.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from opensend.core.notifications.backends import backend
from opensend.core.notifications.models import (
    Notification,
    NotificationFrequency,
    NotificationPreference,
)


@dataclass(frozen=True)
class Message:
    """What a person is told: never health details (see words.py). A message is about one
    child (their first name) or, when it is about no child, one named `subject` ("Action
    1.1", "Your account"): exactly one of the two (ADR 0033)."""

    event: str
    link: str
    child_first_name: str = ""
    subject: str = ""
    next_step: str = ""
    next_step_due: dt.date | None = None

    def __post_init__(self) -> None:
        if bool(self.child_first_name) == bool(self.subject):
            raise ValueError("A message is about a child or a named subject: give exactly one")


def _addresses(recipients: Iterable[str]) -> list[str]:
    return sorted(
        {address.strip().lower() for address in recipients if address and address.strip()}
    )


def digest_wanted(addresses: list[str]) -> set[str]:
    return set(
        NotificationPreference.objects.filter(
            email__in=addresses, frequency=NotificationFrequency.DAILY_DIGEST
        ).values_list("email", flat=True)
    )


def _create_once(*, key: str, address: str, message: Message, digest: bool) -> Notification | None:
    if Notification.objects.filter(key=key, recipient=address).exists():
        return None
    try:
        with transaction.atomic():  # a savepoint: a concurrent twin loses cleanly
            return Notification.objects.create(
                key=key,
                recipient=address,
                child_first_name=message.child_first_name,
                subject=message.subject,
                event=message.event,
                next_step=message.next_step,
                next_step_due=message.next_step_due,
                link=message.link,
                digest=digest,
            )
    except IntegrityError:
        return None


# A link that signs someone in or opens an invitation (issue 11 item 1, family accounts)
# is a secret: it is sent at once whatever the person's preference, and removed from the
# stored notification as soon as it is sent.
SINGLE_USE_KEY_PREFIX = "single-use:"
SINGLE_USE_LINK_SENT = "(a single-use link, removed once sent)"


def notification_create(
    *, key: str, recipients: Iterable[str], message: Message, single_use_link: bool = False
) -> list[Notification]:
    """Tell each recipient about the event `key`, once. Immediate ones are queued for
    sending when the surrounding transaction commits; digest ones wait for the day's
    digest. Returns the notifications created now (none for someone already told).
    `single_use_link`: the link signs in or opens an invitation (see SINGLE_USE_KEY_PREFIX)."""
    addresses = _addresses(recipients)
    if single_use_link:
        key = SINGLE_USE_KEY_PREFIX + key
    digests = set() if single_use_link else digest_wanted(addresses)
    created = []
    for address in addresses:
        made = _create_once(key=key, address=address, message=message, digest=address in digests)
        if made is None:
            continue
        created.append(made)
        if not made.digest:
            transaction.on_commit(lambda pk=made.pk: _defer_send(pk))
    return created


def _defer_send(notification_id: int) -> None:
    from opensend.core.jobs import notification_send  # the job module imports this one

    notification_send.defer(notification_id=notification_id)


def notification_deliver(*, notification_id: int) -> bool:
    """Send one notification unless it was sent already. The row stays locked while
    sending, so two workers never send it twice; a failure raises and rolls back, and
    the job is retried. True when it was sent now."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.sent_at is not None:
            return False
        sender = backend()
        notification.provider_reference = sender.send(notification)
        notification.backend = sender.name
        notification.sent_at = timezone.now()
        if notification.key.startswith(SINGLE_USE_KEY_PREFIX):
            notification.link = SINGLE_USE_LINK_SENT
        notification.save(update_fields=["provider_reference", "backend", "sent_at", "link"])
        return True


def preference_of(email: str) -> str:
    """How this address wants to be told (no row: immediately)."""
    found = NotificationPreference.objects.filter(email=email.strip().lower()).first()
    return found.frequency if found else NotificationFrequency.IMMEDIATE


def preference_set(*, email: str, frequency: str) -> None:
    NotificationPreference.objects.update_or_create(
        email=email.strip().lower(), defaults={"frequency": NotificationFrequency(frequency)}
    )


def digest_recipients() -> list[str]:
    return list(
        Notification.objects.filter(digest=True, sent_at__isnull=True)
        .order_by("recipient")
        .values_list("recipient", flat=True)
        .distinct()
    )


def digest_deliver(*, recipient: str) -> int:
    """Send one person everything waiting for their digest, as one message. Returns how
    many changes it held (0: nothing was waiting, or another worker sent it)."""
    with transaction.atomic():
        waiting = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(recipient=recipient, digest=True, sent_at__isnull=True)
            .order_by("created_at", "id")
        )
        if not waiting:
            return 0
        sender = backend()
        reference = sender.send_digest(recipient, waiting)
        Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(
            sent_at=timezone.now(), backend=sender.name, provider_reference=reference
        )
        return len(waiting)
