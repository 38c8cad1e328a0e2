"""Each person's choice: told as soon as something changes, or once a day (issue 11,
item 4). Keyed by email address (core.NotificationPreference): no row is immediate."""

from django.db import transaction

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.notifications.models import NotificationFrequency, NotificationPreference


def notification_frequency(email: str) -> NotificationFrequency:
    found = NotificationPreference.objects.filter(email__iexact=email.strip()).first()
    return NotificationFrequency(found.frequency) if found else NotificationFrequency.IMMEDIATE


@transaction.atomic
def notification_frequency_set(*, actor: object, email: str, frequency: str) -> None:
    """Record `email`'s choice (the address as notifications store it: lower case)."""
    chosen = NotificationFrequency(frequency)  # an unknown value is a programming error
    address = email.strip().lower()
    NotificationPreference.objects.update_or_create(
        email=address, defaults={"frequency": chosen}
    )
    audit(actor=actor, action=AuditAction.CHANGE, why="notification preference",
          detail={"frequency": str(chosen)})
