"""Cancellations for the activities calendar.

An ORUK schedule says when sessions run; it has no way to say "not this Saturday". A
`SessionCancellation` takes one date out of a series (or cancels a one-off event); an
`ActivityCancellation` cancels every session of a schedule. Both stay visible: the
calendar shows the session as cancelled and the iCalendar feed publishes EXDATE or
STATUS:CANCELLED, so families who subscribed hear about it (ADR 0013).
"""

import uuid

from django.db import models

__all__ = ["ActivityCancellation", "SessionCancellation"]


class SessionCancellation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    schedule = models.ForeignKey(
        "directory.Schedule", on_delete=models.CASCADE, related_name="session_cancellations"
    )
    date = models.DateField()
    reason = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "date"], name="one_cancellation_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.schedule_id} cancelled on {self.date}"


class ActivityCancellation(models.Model):
    schedule = models.OneToOneField(
        "directory.Schedule",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="activity_cancellation",
    )
    reason = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.schedule_id} cancelled"
