"""Sharing outside the case (issue 11, item 6): a school or college consulted on a draft
plan before it is named (CFA 2014 s39(2), s40). Part of the casework models, re-exported
by opensend.casework.models.

The consultation is the one way a document leaves the case to someone outside it: the
setting gets the draft plan exactly as sent (an IssuedDocument) and the advice files the
caseworker chose, never the rest of the case, and only while the family's consent (or a
Reg 17 ground) to share with that setting stands (ADR 0030).
"""

from django.db import models

from opensend.casework.issued_documents import IssuedDocument
from opensend.casework.models import USER, AdviceFile, Case
from opensend.people.models import Organisation
from opensend.statutory.consultation import ANSWER_LABELS


class SettingConsultation(models.Model):
    """The draft plan (and chosen advice) sent to a setting the LA may name, and its
    answer: can or cannot meet the needs, with reasons, due within 15 days."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consultations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    draft = models.ForeignKey(IssuedDocument, on_delete=models.CASCADE, related_name="+")
    advice_files = models.ManyToManyField(AdviceFile, blank=True, related_name="+")
    consulted_on = models.DateField()
    due_on = models.DateField()
    consulted_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(
        max_length=20, blank=True, choices=[(k.value, v) for k, v in ANSWER_LABELS.items()]
    )
    reasons = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consulted_on", "id"]
        indexes = [models.Index(fields=["organisation", "answered_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "organisation"], name="consultation_once_per_draft_and_setting"
            ),
            models.CheckConstraint(
                condition=models.Q(answer="", answered_on__isnull=True)
                | (~models.Q(answer="") & models.Q(answered_on__isnull=False)),
                name="consultation_answered_with_its_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Consultation of {self.organisation} on case {self.case_id}"
