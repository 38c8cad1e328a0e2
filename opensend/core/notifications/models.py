"""What OpenSEND told whom, and how each person wants to be told (issue 11, item 4)."""

from django.db import models


class NotificationFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "As soon as something changes"
    DAILY_DIGEST = "daily", "One email a day with everything that changed"


class NotificationPreference(models.Model):
    """How a person wants to be told. Keyed by email address, so a family member recorded
    on a case without an account has a choice too; no row means immediate."""

    email = models.EmailField(unique=True)
    frequency = models.CharField(
        max_length=10,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.IMMEDIATE,
    )

    def __str__(self) -> str:
        return f"{self.email}: {self.get_frequency_display()}"


class Notification(models.Model):
    """One message to one person about one event. `key` names the event (for example
    "case-event:123" or "advice:7:reminder:4-weeks"); the unique (key, recipient) pair
    means the same person is never told twice about the same event.

    The words are kept as sent: the child's first name (or, for a message about no child,
    its subject: ADR 0033), the event, the next step and its date, and a link. Never health
    details (they would show in a shared inbox)."""

    key = models.CharField(max_length=120)
    recipient = models.EmailField()
    child_first_name = models.CharField(max_length=100, blank=True)
    subject = models.CharField(
        max_length=100,
        blank=True,
        db_default="",  # old code still running during an upgrade writes no subject
        help_text="What it is about when not a child: Action 1.1",
    )
    event = models.CharField(max_length=200)
    next_step = models.CharField(max_length=200, blank=True)
    next_step_due = models.DateField(null=True, blank=True)
    link = models.CharField(max_length=300)
    digest = models.BooleanField(default=False, help_text="Waits for the daily digest")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    backend = models.CharField(max_length=20, blank=True)
    provider_reference = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "recipient"], name="notification_once_per_recipient_and_event"
            ),
            models.CheckConstraint(
                condition=models.Q(child_first_name="") | models.Q(subject=""),
                name="notification_about_a_child_or_a_subject",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient", "created_at"],
                condition=models.Q(sent_at__isnull=True, digest=True),
                name="notification_digest_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} to {self.recipient}"
