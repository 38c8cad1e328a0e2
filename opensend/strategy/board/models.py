"""The SEND Board's meetings on a plan: decisions and an action log (issue 12 item 3).

Decisions and action-log entries are append-only: a changed decision is a new one. Each
action logged at a meeting becomes an Action of the plan at once (`action`), so the board's
asks are tracked like every other action; the entry keeps what the board said.
"""

from django.conf import settings
from django.db import models

NAME_MAX = 200


class BoardMeeting(models.Model):
    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.CASCADE, related_name="board_meetings"
    )
    held_on = models.DateField()
    title = models.CharField(max_length=NAME_MAX, default="SEND Partnership Board")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "strategy"
        ordering = ["strategy", "-held_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "held_on"], name="board_meeting_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.held_on}"


class BoardDecision(models.Model):
    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="decisions")
    decision = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "strategy"
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.decision[:80]


class BoardActionLog(models.Model):
    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="action_log")
    action = models.OneToOneField(
        "strategy.Action", on_delete=models.PROTECT, related_name="board_log_entry"
    )
    owner_name = models.CharField(max_length=NAME_MAX)
    due_date = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "strategy"
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return f"{self.owner_name} by {self.due_date}"
