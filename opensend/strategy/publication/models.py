"""A plan's publication on the public site (issue 12 item 6, ADR 0034).

One row each time a lead publishes an adopted plan, after confirming that its
co-production evidence is strong enough: who confirmed, when, and how many records of
evidence she saw. Unpublishing closes the row (who, when); so does the plan leaving
"adopted" (when, and no one: it lapsed), so a plan adopted again needs a new
confirmation. Publishing again is a new row, so the history of what the public could
see, and on whose word, is kept.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Publication(models.Model):
    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.CASCADE, related_name="publications"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField()
    evidence_seen = models.PositiveIntegerField(
        help_text="How many records of co-production evidence the lead confirmed."
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "strategy"
        ordering = ["strategy", "-confirmed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy"],
                condition=Q(withdrawn_at__isnull=True),
                name="strategy_published_once_at_a_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.strategy_id} published {self.confirmed_at:%Y-%m-%d}"
