"""The annual review as the school runs it (Reg 20(1): the head teacher, in practice the
SENCO, secures the meeting). The LA's side stays casework.AnnualReview: the meeting and
the report reach it through casework/services/reviews.py."""

from django.db import models

from opensend.casework.models import AnnualReview, Case
from opensend.core.models import Upload
from opensend.people.models import Organisation, User


class InviteeRole(models.TextChoices):
    """Reg 20(2): the people the school must invite (health and social care as relevant)."""

    FAMILY = "family", "The child's parent or the young person"  # Reg 20(2)(a)
    SCHOOL = "school", "A representative of the school"  # Reg 20(2)(b)
    LA_SEN = "la_sen", "The local authority's SEN officer"  # Reg 20(2)(c)
    HEALTH = "health", "A health care professional"  # Reg 20(2)(d)
    SOCIAL_CARE = "social_care", "A social care representative"  # Reg 20(2)(e)


class SchoolReview(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="school_reviews")
    setting = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    meeting_on = models.DateField()  # the date set when the review started
    circulated_on = models.DateField(null=True, blank=True)  # the latest circulation
    late_circulation_reason = models.TextField(blank=True)
    held_on = models.DateField(null=True, blank=True)
    attended_by = models.TextField(blank=True)
    meeting_views = models.TextField(blank=True)
    annual_review = models.OneToOneField(
        AnnualReview, null=True, blank=True, on_delete=models.PROTECT, related_name="school_review"
    )
    report = models.TextField(blank=True)
    report_submitted_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-meeting_on", "-pk"]


class ReviewInvitation(models.Model):
    review = models.ForeignKey(SchoolReview, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=20, choices=InviteeRole.choices)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    invited_on = models.DateField()

    class Meta:
        ordering = ["pk"]


class ReviewContribution(models.Model):
    """Views, advice or information received for the review (Reg 20(3)(a))."""

    review = models.ForeignKey(
        SchoolReview, on_delete=models.CASCADE, related_name="contributions"
    )
    role = models.CharField(max_length=20, choices=InviteeRole.choices)
    from_name = models.CharField(max_length=200)
    received_on = models.DateField()
    text = models.TextField(blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    circulated_on = models.DateField(null=True, blank=True)  # Reg 20(3)(b)

    class Meta:
        ordering = ["received_on", "pk"]


class ReviewContributionFile(models.Model):
    contribution = models.ForeignKey(
        ReviewContribution, on_delete=models.CASCADE, related_name="files"
    )
    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]


class SchoolRequest(models.Model):
    """A school's request for an EHC needs assessment (CFA s36(1); Reg 3) with the views of
    the child and family; the request itself is casework's EhcRequest on the case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="school_request")
    setting = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    made_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    child_views = models.TextField()
    family_views = models.TextField()


class GraduatedApproachCycle(models.Model):
    """One assess-plan-do-review cycle of SEN support (Code of Practice 6.44-6.56)."""

    request = models.ForeignKey(SchoolRequest, on_delete=models.CASCADE, related_name="cycles")
    number = models.PositiveSmallIntegerField()
    started_on = models.DateField()
    reviewed_on = models.DateField()
    assessed = models.TextField()  # assess: what was assessed and found
    planned = models.TextField()  # plan: the outcomes sought and the support planned
    provision = models.TextField()  # do: the provision made
    cost = models.PositiveIntegerField()  # its cost, in whole pounds
    outcomes = models.TextField()  # review: the outcomes and the progress made

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="apdr_cycle_unique")
        ]


class SchoolRequestFile(models.Model):
    request = models.ForeignKey(SchoolRequest, on_delete=models.CASCADE, related_name="files")
    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pk"]
