"""People and organisations: who is involved in a child's SEND journey, and how.

Permissions are derived from these relationships (see opensend/people/rules.py), never
from flags set by hand on a record: a school sees the children on its roll, a parent the
children they hold parental responsibility for, and so on.
"""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Lower, Upper

from opensend.statutory import codes, disclosure


def choices_of(enum: type) -> list[tuple[str, str]]:
    return [(member.value, getattr(member, "label", member.value)) for member in enum]


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    SCHOOL = "school", "School"
    EARLY_YEARS = "early_years", "Early years setting"
    COLLEGE = "college", "College or post-16 provider"
    NHS_TRUST = "nhs_trust", "NHS trust"
    ICB = "icb", "Integrated care board"
    SOCIAL_CARE = "social_care", "Social care team"
    EP_SERVICE = "ep_service", "Educational psychology service"
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum"
    OTHER = "other", "Other"


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    local_authority = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members_of_area",
        help_text="The local authority whose area this organisation serves.",
    )
    la_code = models.CharField(max_length=3, blank=True, help_text="DfE LA code, e.g. 929")
    ons_code = models.CharField(max_length=9, blank=True, help_text="e.g. E06000057")
    urn = models.CharField(max_length=6, blank=True)
    ukprn = models.CharField(max_length=8, blank=True)
    phase = models.CharField(max_length=30, blank=True, choices=choices_of(codes.SettingPhase))
    first_nc_year = models.SmallIntegerField(null=True, blank=True)
    last_nc_year = models.SmallIntegerField(null=True, blank=True)
    is_special = models.BooleanField(default=False)
    is_independent = models.BooleanField(default=False)
    postcode = models.CharField(max_length=8, blank=True)
    locality = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn"], condition=~models.Q(urn=""), name="org_urn_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UserKind(models.TextChoices):
    STAFF = "staff", "Staff"
    PARENT = "parent", "Parent or carer"
    YOUNG_PERSON = "young_person", "Young person"


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "EHC coordinator (caseworker)"
    SEN_MANAGER = "sen_manager", "SEN manager"
    PANEL_MEMBER = "panel_member", "Panel member"
    ADVICE_GIVER = "advice_giver", "Advice giver"
    SENCO = "senco", "SENCO"
    ANALYST = "analyst", "Analyst"
    DIRECTORY_EDITOR = "directory_editor", "Directory editor"
    # Local Offer editorial (issue 4): provider staff edit their own organisation's listings
    # (opensend/directory/editorial/models.py ProviderLink says which).
    PROVIDER = "provider", "Local Offer provider"
    ADMINISTRATOR = "administrator", "Administrator"
    # Advice oversight (issue 11, item 2): the Designated Clinical/Medical Officer sees
    # the timeliness of every health advice request of the area; the social care lead
    # the same for social care advice (SEND Code of Practice 3.45-3.51).
    DCO = "dco", "Designated Clinical/Medical Officer"
    SOCIAL_CARE_LEAD = "social_care_lead", "Social care lead for SEND"


class AdviceService(models.TextChoices):
    """Whose advice a request asks for (Reg 6(1)): the clock counts each separately."""

    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    PSYCHOLOGY = "psychology", "Educational psychology"
    OTHER = "other", "Other"


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=UserKind.choices, default=UserKind.STAFF)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = UserManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_staff_user(self) -> bool:
        return self.kind == UserKind.STAFF

    @property
    def roles(self) -> frozenset[str]:
        cached = getattr(self, "_roles", None)
        if cached is None:
            cached = frozenset(self.memberships.values_list("role", flat=True))
            self._roles = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=30, choices=Role.choices)
    advice_service = models.CharField(max_length=20, blank=True, choices=AdviceService.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.organisation}"


class Child(models.Model):
    """A child or young person (0-25) known to the SEND service."""

    local_authority = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="children"
    )
    legal_forename = models.CharField(max_length=100)
    legal_surname = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=1, choices=choices_of(codes.Sex))
    ethnicity = models.CharField(max_length=4, blank=True, choices=choices_of(codes.Ethnicity))
    postcode = models.CharField(max_length=8, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True)
    upn_unknown_reason = models.CharField(max_length=10, blank=True)
    uln = models.CharField("ULN", max_length=10, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    young_person_user = models.OneToOneField(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="own_record",
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Optimistic lock: bumped on every save"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["legal_surname", "legal_forename"]
        indexes = [
            models.Index(fields=["upn"]),
            models.Index(fields=["date_of_birth"]),
            models.Index(Lower("legal_surname"), name="child_surname_lower"),
            # Finding a child despite a misspelling (pg_trgm similarity, issue 9):
            # casework.selectors.children_search compares the upper-cased names.
            *(
                GinIndex(OpClass(Upper(name), name="gin_trgm_ops"), name=f"child_{name}_trgm")
                for name in ("legal_surname", "legal_forename", "preferred_name")
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["upn"], condition=~models.Q(upn=""), name="child_upn_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.preferred_name or self.legal_forename} {self.legal_surname}"


class ChildNeed(models.Model):
    """A special educational need, ranked (1 = primary need), with its SEN2 code."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="needs")
    need = models.CharField(max_length=4, choices=choices_of(codes.NeedType))
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["child", "rank"], name="need_rank_unique")]


class Enrolment(models.Model):
    """A setting the child attends (on roll) between two dates."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="enrolments")
    setting = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="enrolments")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start"]
        indexes = [models.Index(fields=["setting", "end"])]


class FamilyMember(models.Model):
    """A parent, carer or other contact; may hold parental responsibility and an account."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="family")
    name = models.CharField(max_length=150)
    relationship = models.CharField(max_length=60)
    holds_parental_responsibility = models.BooleanField(default=False)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="family_links"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    address = models.TextField(blank=True)
    # Issue 9 (complete records): letters and meetings in the family's language, with an
    # interpreter when they need one (CoP 9.21: the LA must support the family to take
    # part; the notifications that come next use these).
    preferred_language = models.CharField(max_length=60, blank=True)
    interpreter_needed = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["user"])]


class RecordChangeKind(models.TextChoices):
    DETAILS = "details", "The child's details"
    FAMILY_ADDED = "family_added", "Person with parental responsibility added"
    FAMILY_CHANGED = "family_changed", "Person with parental responsibility changed"
    ENROLMENT = "enrolment", "Setting the child attends"


class ChildRecordChange(models.Model):
    """A change to a child's record, as an append-only, user-attributed event (the
    database refuses UPDATE): who changed what, from what to what, and when."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="record_changes")
    kind = models.CharField(max_length=20, choices=RecordChangeKind.choices)
    family_member = models.ForeignKey(
        FamilyMember, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # {field: [before, after]}, values as shown in the record (strings, dates as ISO).
    changes = models.JSONField(default=dict)
    changed_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [models.Index(fields=["child", "changed_at"])]


class YoungPersonConsent(models.Model):
    """A young person's consent for a parent to keep seeing their record (CFA s80, Reg 17)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="consents")
    family_member = models.ForeignKey(
        FamilyMember, on_delete=models.CASCADE, related_name="consents"
    )
    given_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")


class Consent(models.Model):
    """A consent given or withdrawn, or a Reg 17 ground recorded or ended, for disclosing
    a child's or young person's EHC documents (opensend/statutory/disclosure.py).

    Append-only (the database refuses UPDATE): a withdrawal is a new row, so the history
    of who agreed to what, and when, is kept. `organisation` empty: every recipient.
    The families issue records the young person's own consent through the same rows.
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="disclosure_consents")
    scope = models.CharField(
        max_length=30, choices=[(k.value, v) for k, v in disclosure.SCOPE_LABELS.items()]
    )
    decision = models.CharField(
        max_length=20, choices=[(k.value, v) for k, v in disclosure.DECISION_LABELS.items()]
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    given_by = models.CharField(
        max_length=20,
        blank=True,
        choices=[(k.value, v) for k, v in disclosure.GIVEN_BY_LABELS.items()],
    )
    family_member = models.ForeignKey(
        FamilyMember, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    ground = models.CharField(
        max_length=30,
        blank=True,
        choices=[(k.value, g.label) for k, g in disclosure.GROUNDS.items()],
    )
    note = models.CharField(max_length=500, blank=True)
    decided_on = models.DateField()
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["child", "scope"])]
        constraints = [
            # A ground names its Reg 17 paragraph; a consent says whose it is.
            models.CheckConstraint(
                condition=(
                    models.Q(decision__in=["ground", "ground_ended"])
                    & ~models.Q(ground="")
                    & models.Q(given_by="")
                )
                | (
                    models.Q(decision__in=["given", "withdrawn"])
                    & models.Q(ground="")
                    & ~models.Q(given_by="")
                ),
                name="consent_ground_or_giver",
            ),
        ]

    def as_decision(self) -> disclosure.DisclosureDecision:
        return disclosure.DisclosureDecision(
            sequence=self.pk,
            decision=disclosure.Decision(self.decision),
            scope=disclosure.ConsentScope(self.scope),
            organisation_id=self.organisation_id,
            given_by=disclosure.GivenBy(self.given_by) if self.given_by else None,
            ground=disclosure.Reg17Ground(self.ground) if self.ground else None,
        )


from opensend.people.family_accounts import (  # noqa: E402, F401
    FamilyInvitation,
    ParentAccessDecision,
)
