"""Family accounts (issue 11, item 1): invitations to make an account, and the young
person's decisions about which parent keeps access to their record. Part of the people
models, re-exported by opensend.people.models."""

from django.db import models

from opensend.people.models import Child, FamilyMember, User


class FamilyInvitation(models.Model):
    """An emailed invitation to make an account, sent by the caseworker from the case to a
    person with parental responsibility (`family_member`) or to the young person
    (`family_member` empty). Single use; only a SHA-256 of its token is stored, so the
    table cannot be used to sign in; it expires 14 days after it was sent."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="invitations")
    family_member = models.ForeignKey(
        FamilyMember, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["child", "created_at"])]

    def __str__(self) -> str:
        return f"Invitation {self.pk} for child {self.child_id}"


class ParentAccessDecision(models.Model):
    """A young person's decision that a parent keeps, or loses, access to their EHC record
    (CFA 2014 s80 and s83(2); SEND Regs 2014 reg 17). Append-only (the database refuses
    UPDATE): the history of each decision is kept; the standing consent itself is the
    people.YoungPersonConsent row that visible_children reads."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="access_decisions")
    family_member = models.ForeignKey(
        FamilyMember, on_delete=models.CASCADE, related_name="access_decisions"
    )
    keeps_access = models.BooleanField()
    decided_on = models.DateField()
    decided_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "id"]
        indexes = [models.Index(fields=["child", "decided_at"])]

    def __str__(self) -> str:
        return f"Access decision {self.pk} for child {self.child_id}"
