"""What a family sends the council. Every row is append-only: a new comment or a new
preference is a new row, so the history says who said what and when."""

from django.conf import settings
from django.db import models

from opensend.casework.models import Case, EhcRequest, PlanVersion
from opensend.core.models import Upload
from opensend.people.models import Child, Organisation

USER = settings.AUTH_USER_MODEL


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError(f"{type(self).__name__} rows cannot be changed: add a new one.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class FamilyRequest(AppendOnly):
    """The family's own words when a parent or young person asks for an EHC needs
    assessment (CFA 2014 s36(1), Reg 3); the request and its case are casework's."""

    ehc_request = models.OneToOneField(
        EhcRequest, on_delete=models.CASCADE, related_name="family_request"
    )
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField()
    needs = models.TextField(help_text="The child's needs as the family sees them")
    setting = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    setting_other = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class FamilyRequestFile(AppendOnly):
    family_request = models.ForeignKey(
        FamilyRequest, on_delete=models.CASCADE, related_name="files"
    )
    upload = models.OneToOneField(Upload, on_delete=models.PROTECT, related_name="+")


class DraftComment(AppendOnly):
    """A comment on one section of a draft plan (Reg 13(1)); section "" is about the
    whole draft."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="draft_comments")
    plan_version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="family_comments"
    )
    section = models.CharField(max_length=2, blank=True)
    text = models.TextField()
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    made_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "created_at", "pk"]


class MeetingRequest(AppendOnly):
    """The family asks to meet an officer of the council about the draft: within the 15
    days they may require the meeting (Reg 13(1)(a)(ii); 13(1)(b) is the information
    about schools and colleges, not the meeting)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meeting_requests")
    plan_version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="+")
    reasons = models.TextField(blank=True)
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    made_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)


class PreferredSetting(AppendOnly):
    """The school or college the family asks the council to name in the plan
    (CFA 2014 s38(2)(b)); the latest row is the family's current preference."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="preferred_settings")
    plan_version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    other_name = models.CharField(max_length=200, blank=True)
    reasons = models.TextField(blank=True)
    made_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    made_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    @property
    def setting_name(self) -> str:
        return self.organisation.name if self.organisation else self.other_name


class AllAboutMe(AppendOnly):
    """One saved version of the child's or young person's own profile, in their own words
    (feeds the plan's Section A: Reg 12(1)(a), SEND Code of Practice 9.69). Owned by the
    family and keyed to the child, not to a case, so that it outlives a case and can feed
    a Transition Passport later. Each save is a new version."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="all_about_me")
    number = models.PositiveIntegerField()
    views = models.TextField(blank=True)
    interests = models.TextField(blank=True)
    aspirations = models.TextField(blank=True)
    important = models.TextField(blank=True)
    support = models.TextField(blank=True)
    saved_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["child", "number"], name="all_about_me_version")
        ]


class AllAboutMeFile(AppendOnly):
    """A picture or a short recording in a version (a later version links it again)."""

    version = models.ForeignKey(AllAboutMe, on_delete=models.CASCADE, related_name="files")
    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, related_name="+")


class AllAboutMeUse(AppendOnly):
    """Which version of "All about me" a caseworker copied into which plan version."""

    all_about_me = models.ForeignKey(AllAboutMe, on_delete=models.CASCADE, related_name="uses")
    plan_version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="+")
    used_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
