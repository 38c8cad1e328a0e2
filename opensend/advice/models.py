"""Advice as the adviser gives it (issue 11, item 2; docs/advice-givers.md).

The request itself is casework's AdviceRequest (who was asked, when, the message and the
files sent); each time the adviser submits, a new AdviceSubmission version is kept
(append-only: a resubmission is a new version, never an edit).
"""

from typing import Any

from django.db import models

from opensend.casework.models import AdviceFile, AdviceRequest
from opensend.people.models import User
from opensend.statutory.advice import AdviceAnswer


class Answer(models.TextChoices):
    ADVICE = AdviceAnswer.ADVICE, "Advice"
    NO_ADVICE = AdviceAnswer.NO_ADVICE, "No advice to give"
    SEE_CHILD_FIRST = AdviceAnswer.SEE_CHILD_FIRST, "Need to see the child first"


class AdviceSubmission(models.Model):
    """One version of the adviser's answer.

    needs:     [{"description": "..."}]
    outcomes:  [{"outcome": "...", "by": "..."}]
    provision: [{"section": "G", "provision": "...", "how_much": "...",
                 "how_often": "...", "delivered_by": "..."}]
    """

    advice_request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="submissions"
    )
    version = models.PositiveSmallIntegerField()
    answer = models.CharField(max_length=20, choices=Answer.choices)
    reasons = models.TextField(blank=True)
    needs = models.JSONField(default=list, blank=True)
    outcomes = models.JSONField(default=list, blank=True)
    provision = models.JSONField(default=list, blank=True)
    files = models.ManyToManyField(AdviceFile, blank=True, related_name="+")
    submitted_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    submitted_on = models.DateField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["advice_request", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["advice_request", "version"], name="advice_submission_version_once"
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Advice submissions are append-only: submit a new version")
        super().save(*args, **kwargs)
