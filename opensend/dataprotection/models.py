"""Requests under the data subject's rights, about a child, a young person or a parent.

A request is logged from the child's record: the subject is the child (or the young
person, once over compulsory school age), or one of the people recorded as their
family. Its due date is computed by the pure opensend.statutory.data_rights (UK GDPR
Art. 12(3): one month, extendable by two further months with a reason) and stored, so
the lists sort and filter on it. Every change is audited (opensend.core.audit).
"""

from django.conf import settings
from django.db import models

from opensend.people.models import Child, FamilyMember

USER = settings.AUTH_USER_MODEL


class SubjectKind(models.TextChoices):
    CHILD = "child", "The child"
    YOUNG_PERSON = "young_person", "The young person"
    PARENT = "parent", "A parent or carer"


class RequesterCapacity(models.TextChoices):
    SUBJECT = "subject", "The person the information is about"
    PARENT = "parent", "A parent or carer, for their child"
    REPRESENTATIVE = "representative", "Someone acting with the person's written authority"


class RightsRequest(models.Model):
    """What an access and an erasure request share: who asked, about whom, and when."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    subject_kind = models.CharField(max_length=20, choices=SubjectKind.choices)
    family_member = models.ForeignKey(
        FamilyMember, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requester_name = models.CharField("who asked", max_length=150)
    requester_capacity = models.CharField(
        "asking as", max_length=20, choices=RequesterCapacity.choices
    )
    received_on = models.DateField("request received")
    identity_verified_on = models.DateField("identity checked")
    identity_evidence = models.CharField("how identity was checked", max_length=200)
    due_on = models.DateField("answer due")
    extended_on = models.DateField("extended", null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["due_on", "id"]

    @property
    def subject_name(self) -> str:
        if self.family_member_id is not None:
            return self.family_member.name
        return self.child.full_name


def _subject_is_consistent(prefix: str) -> models.CheckConstraint:
    """A parent is named by a family member; a child or young person by nobody else."""
    return models.CheckConstraint(
        condition=models.Q(subject_kind="parent", family_member__isnull=False)
        | (~models.Q(subject_kind="parent") & models.Q(family_member__isnull=True)),
        name=f"{prefix}_subject_consistent",
    )


class SubjectAccessRequest(RightsRequest):
    """Right of access (UK GDPR Art. 15)."""

    completed_on = models.DateField("answered", null=True, blank=True)
    completion_note = models.TextField("how it was answered", blank=True)

    class Meta(RightsRequest.Meta):
        constraints = [_subject_is_consistent("sar")]
        indexes = [models.Index(fields=["completed_on", "due_on"])]


class ErasureOutcome(models.TextChoices):
    ERASED = "erased", "Erased"
    PARTLY_ERASED = "partly_erased", "Partly erased: some records must be kept"
    REFUSED = "refused", "Refused: the records must be kept"


class KeptBecause(models.TextChoices):
    """Why records are kept despite a request (UK GDPR Art. 17(3))."""

    LEGAL_OBLIGATION = (
        "legal_obligation",
        "Art. 17(3)(b): a legal obligation or a public task (EHC records the SEND "
        "Regulations 2014 require)",
    )
    ARCHIVING = "archiving", "Art. 17(3)(d): archiving in the public interest or statistics"
    LEGAL_CLAIMS = "legal_claims", "Art. 17(3)(e): legal claims (a tribunal appeal, a complaint)"
    PUBLIC_HEALTH = "public_health", "Art. 17(3)(c): public health"


class ErasureRequest(RightsRequest):
    """Right to erasure (UK GDPR Art. 17): recorded with its outcome and why."""

    what_to_erase = models.TextField("what they asked to be erased")
    outcome = models.CharField(max_length=20, choices=ErasureOutcome.choices, blank=True)
    kept_because = models.CharField(
        "records kept because", max_length=20, choices=KeptBecause.choices, blank=True
    )
    outcome_reason = models.TextField("what was done and why", blank=True)
    decided_on = models.DateField("decided", null=True, blank=True)

    class Meta(RightsRequest.Meta):
        constraints = [
            _subject_is_consistent("erasure"),
            # Keeping anything needs its Art. 17(3) ground.
            models.CheckConstraint(
                condition=models.Q(outcome__in=["", "erased"]) | ~models.Q(kept_because=""),
                name="erasure_kept_has_ground",
            ),
        ]
        indexes = [models.Index(fields=["decided_on", "due_on"])]
