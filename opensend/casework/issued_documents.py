"""The exact files sent to a family (issue 9): part of the casework models, re-exported
by opensend.casework.models."""

from django.db import models

from opensend.casework.models import USER, Case, PanelDecision


class DocumentKind(models.TextChoices):
    DRAFT_PLAN = "draft_plan", "Draft plan"
    FINAL_PLAN = "final_plan", "Final plan"
    PROPOSED_AMENDMENT = "proposed_amendment", "Proposed amendments"
    AMENDED_PLAN = "amended_plan", "Final amended plan"
    DECISION_LETTER = "decision_letter", "Decision letter"


class IssuedDocument(models.Model):
    """The exact files sent to a family when a plan or a decision was issued.

    A document that has been sent must never change, so its bytes are stored with their
    SHA-256 and every later download serves them (the database refuses UPDATE: migration
    0009). ADR 0019 says why the bytes live in PostgreSQL.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="issued_documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    issued_on = models.DateField()
    plan_version = models.OneToOneField(
        "PlanVersion", null=True, blank=True, on_delete=models.CASCADE,
        related_name="issued_document",
    )
    panel_decision = models.OneToOneField(
        PanelDecision, null=True, blank=True, on_delete=models.CASCADE,
        related_name="decision_letter",
    )
    pdf = models.BinaryField()
    pdf_sha256 = models.CharField(max_length=64)
    docx = models.BinaryField()
    docx_sha256 = models.CharField(max_length=64)
    issued_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued_on", "id"]
        indexes = [models.Index(fields=["case", "issued_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.issued_on})"
