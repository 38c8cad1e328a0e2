"""Feedback about the Local Offer, and its append-only history.

`Feedback` holds the current state (for the queue and the public page); every change is
also a `FeedbackEvent` row, which the database refuses to rewrite (migration
0003_feedback_events_append_only): the events are the record of who did what, when.
The reply email address is personal data: it is never published and is erased when the
feedback is closed.
"""

import uuid

from django.conf import settings
from django.db import models

__all__ = [
    "Feedback",
    "FeedbackEvent",
    "FeedbackEventKind",
    "FeedbackStatus",
    "FeedbackTheme",
]

TEXT_MAX_LENGTH = 2000
PUBLIC_MAX_LENGTH = 1000


class FeedbackTheme(models.TextChoices):
    FINDING = "finding", "Finding services and information"
    OUT_OF_DATE = "out_of_date", "Information that is wrong or out of date"
    MISSING = "missing", "Services or support that are missing"
    ACCESS = "access", "Getting a place, a referral or support"
    WEBSITE = "website", "Using this website"
    OTHER = "other", "Something else"


class FeedbackStatus(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


class Feedback(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The form's one-time token: a second post of the same form saves nothing new.
    submission_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    received_at = models.DateTimeField(db_index=True)
    about_service = models.ForeignKey(
        "directory.Service",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    about_path = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    theme = models.CharField(max_length=20, choices=FeedbackTheme.choices, blank=True)
    reply_email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW
    )
    # "You said": the editor's summary for publication; "We did": the public response.
    public_summary = models.TextField(blank=True)
    response = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "id"]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(
                fields=["theme", "-published_at"],
                condition=models.Q(published=True),
                name="feedback_published_theme",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(published=False)
                | (~models.Q(public_summary="") & ~models.Q(response="")),
                name="feedback_published_has_summary_and_response",
            ),
        ]

    def __str__(self) -> str:
        return f"Feedback received {self.received_at:%Y-%m-%d %H:%M}"


class FeedbackEventKind(models.TextChoices):
    RECEIVED = "received", "Received"
    THEME_SET = "theme_set", "Theme set"
    STATUS_CHANGED = "status_changed", "Status changed"
    SUMMARY_WRITTEN = "summary_written", "“You said” summary written"
    RESPONSE_WRITTEN = "response_written", "“We did” response written"
    PUBLISHED = "published", "Published on “You said, we did”"
    UNPUBLISHED = "unpublished", "Taken off “You said, we did”"
    EMAIL_ERASED = "email_erased", "Reply email address erased"


class FeedbackEvent(models.Model):
    """Append-only (the database refuses UPDATE): who changed what, and when."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=FeedbackEventKind.choices)
    data = models.JSONField(default=dict, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
