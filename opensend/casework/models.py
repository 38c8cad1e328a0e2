"""Statutory EHC casework.

The heart of it is `CaseEvent`: every step of the statutory process is an append-only,
user-attributed event row. The statutory package computes every due date from those
events (`opensend.statutory.clock.compute_clock`); `CaseStep` stores its latest answer so
that queues can be filtered and sorted in the database. Domain records (requests, advice
requests, plan versions, reviews...) hold the detail a caseworker types in.
"""

from django.conf import settings
from django.db import models

from opensend.core.models import Upload
from opensend.people.models import AdviceService, Child, Organisation, choices_of
from opensend.statutory import codes

USER = settings.AUTH_USER_MODEL


class Stage(models.TextChoices):
    REQUESTED = "requested", "Request received"
    ASSESSING = "assessing", "Assessing"
    NOT_ASSESSED = "not_assessed", "Refused assessment"
    DRAFTING = "drafting", "Draft plan"
    NOT_ISSUED = "not_issued", "Refused plan"
    PLAN = "plan", "Plan maintained"
    CEASED = "ceased", "Plan ceased"


class Case(models.Model):
    """One EHC journey of a child: request, assessment, plan, reviews, until it ends."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    local_authority = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    caseworker = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="allocated_cases"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.REQUESTED)
    opened_on = models.DateField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(fields=["caseworker", "stage"]),
            models.Index(fields=["local_authority", "stage"]),
        ]

    def __str__(self) -> str:
        return f"EHC case {self.pk}"


class EventKind(models.TextChoices):
    # Events the statutory clock reads (names match opensend.statutory.clock).
    REQUEST_RECEIVED = "request_received", "Request for assessment received"
    DECISION_TO_ASSESS = "decision_to_assess", "Decision whether to assess"
    ADVICE_REQUESTED = "advice_requested", "Advice requested"
    ADVICE_RECEIVED = "advice_received", "Advice received"
    DECISION_NOT_TO_ISSUE = "decision_not_to_issue", "Decision not to issue a plan"
    DRAFT_PLAN_ISSUED = "draft_plan_issued", "Draft plan issued"
    FINAL_PLAN_ISSUED = "final_plan_issued", "Final plan issued"
    EXCEPTION = "exception", "Exception to the time limits"
    REVIEW_MEETING = "review_meeting", "Annual review meeting"
    REVIEW_REPORT_RECEIVED = "review_report_received", "Annual review report received"
    REVIEW_DECISION = "review_decision", "Annual review decision"
    AMENDMENT_PROPOSED = "amendment_proposed", "Amendments proposed"
    AMENDED_PLAN_ISSUED = "amended_plan_issued", "Amended plan issued"
    PHASE_TRANSFER = "phase_transfer", "Phase transfer due"
    DECISION_NOTIFIED = "decision_notified", "Appealable decision notified"
    MEDIATION_CERTIFICATE = "mediation_certificate", "Mediation certificate issued"
    # The family agreed in writing to end the comment period early (Reg 13(1), Reg 22(2)).
    COMMENT_PERIOD_ENDED_EARLY = (
        "comment_period_ended_early",
        "Family agreed in writing to end the comment period early",
    )
    PLAN_CEASED = "plan_ceased", "Plan ceased"
    # Corrections: a new, user-attributed event withdraws or corrects one recorded in
    # error; the original stays (opensend.statutory.clock.corrections).
    EVENT_WITHDRAWN = "event_withdrawn", "Withdrawn: recorded in error"
    EVENT_CORRECTED = "event_corrected", "Corrected"
    # Events the clock does not read.
    CASEWORKER_ALLOCATED = "caseworker_allocated", "Caseworker allocated"
    PANEL_DECISION = "panel_decision", "Panel decision"
    ADVICE_CHASED = "advice_chased", "Advice chased"
    MEDIATION_RECORDED = "mediation_recorded", "Mediation recorded"
    TRIBUNAL_RECORDED = "tribunal_recorded", "Tribunal appeal recorded"


CORRECTION_KINDS = frozenset({EventKind.EVENT_WITHDRAWN.value, EventKind.EVENT_CORRECTED.value})

CLOCK_EVENT_KINDS = frozenset(
    kind.value
    for kind in EventKind
    if kind
    not in {
        EventKind.CASEWORKER_ALLOCATED,
        EventKind.PANEL_DECISION,
        EventKind.ADVICE_CHASED,
        EventKind.MEDIATION_RECORDED,
        EventKind.TRIBUNAL_RECORDED,
    }
)


def correctable(kind: str) -> bool:
    """Statutory steps may be withdrawn or corrected; corrections and notes may not."""
    return kind in CLOCK_EVENT_KINDS and kind not in CORRECTION_KINDS


class CaseEvent(models.Model):
    """Append-only (the database refuses UPDATE): the history is the audit trail."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    occurred_on = models.DateField()
    data = models.JSONField(default=dict, blank=True)
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    # A correction (event_withdrawn, event_corrected) names the event recorded in error;
    # set when the correction is inserted (the row is never updated).
    refers_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )

    class Meta:
        ordering = ["occurred_on", "id"]
        indexes = [
            models.Index(fields=["case", "occurred_on"]),
            models.Index(fields=["kind", "occurred_on"]),
        ]


class CaseStep(models.Model):
    """The statutory clock's latest answer for a case: one row per step."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(max_length=40)
    due = models.DateField()
    done = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10)
    rule = models.CharField(max_length=40)

    class Meta:
        ordering = ["due", "step"]
        indexes = [
            models.Index(
                fields=["due"], condition=models.Q(done__isnull=True), name="casestep_open_due"
            )
        ]


class EhcRequest(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="request")
    received_on = models.DateField()
    source = models.CharField(max_length=1, choices=choices_of(codes.RequestSource))
    requested_by = models.CharField(max_length=150, blank=True)
    requesting_setting = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    graduated_approach_evidence = models.TextField(
        blank=True, help_text="What the setting has tried: assess, plan, do, review (CoP 6.44)"
    )
    youth_accommodation = models.BooleanField(default=False)


class PanelQuestion(models.TextChoices):
    ASSESS = "assess", "Whether to carry out an EHC needs assessment"
    ISSUE = "issue", "Whether to issue an EHC plan"


class PanelDecision(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="panel_decisions")
    met_on = models.DateField()
    question = models.CharField(max_length=10, choices=PanelQuestion.choices)
    agreed = models.BooleanField()
    reasons = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")


class PanelAttendance(models.Model):
    decision = models.ForeignKey(PanelDecision, on_delete=models.CASCADE, related_name="attendance")
    agency = models.CharField(
        max_length=20, choices=[*AdviceService.choices, ("forum", "Parent carer forum")]
    )
    name = models.CharField(max_length=150)


class AdviceRequest(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advice_requests")
    service = models.CharField(max_length=20, choices=AdviceService.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="advice_requests"
    )
    requested_on = models.DateField()
    due_on = models.DateField()
    received_on = models.DateField(null=True, blank=True)
    last_chased_on = models.DateField(null=True, blank=True)
    times_chased = models.PositiveSmallIntegerField(default=0)
    summary = models.TextField(blank=True)
    # advice (issue 9, item 5): what the caseworker asked the adviser, sent with the
    # request (the same message to everyone asked on one form).
    message = models.TextField(blank=True, default="", db_default="")  # raw loaders (bench)

    class Meta:
        ordering = ["requested_on", "id"]
        indexes = [models.Index(fields=["organisation", "received_on"])]


class AdviceFileDirection(models.TextChoices):
    SENT = "sent", "Sent with the request"
    RECEIVED = "received", "Received with the advice"


class AdviceFile(models.Model):
    """A file sent with an advice request, or received with the advice (issue 9, item 5).

    The bytes are an opensend.core Upload (outside the web root, never changed); one
    upload sent to several advisers on one form is linked to each of their requests.
    """

    advice_request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="files"
    )
    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(max_length=10, choices=AdviceFileDirection.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["advice_request", "upload"], name="advice_file_once_per_request"
            )
        ]


class ExceptionReason(models.TextChoices):
    # Reg 5(4), 8(2), 10(4), 13(3).
    SCHOOL_CLOSURE = "school_closure", "School or post-16 institution closed for 4 weeks or more"
    EARLY_YEARS_CLOSURE = "early_years_closure", "Early years setting closed for 4 weeks or more"
    PERSONAL_CIRCUMSTANCES = "personal_circumstances", "Exceptional personal circumstances"
    ABSENT_FROM_AREA = "absent_from_area", "Away from the area for 4 weeks or more"
    MISSED_APPOINTMENT = "missed_appointment", "Missed appointment for advice"


class ClockException(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exceptions")
    reason = models.CharField(max_length=30, choices=ExceptionReason.choices)
    start = models.DateField()
    end = models.DateField()
    note = models.TextField(blank=True)


class VersionKind(models.TextChoices):
    DRAFT = "draft", "Draft plan"
    FINAL = "final", "Final plan"
    PROPOSED_AMENDMENT = "proposed_amendment", "Proposed amendments"
    AMENDED_FINAL = "amended_final", "Final amended plan"


class Plan(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="plan")
    first_issued_on = models.DateField(null=True, blank=True)
    named_setting = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="named_in_plans"
    )
    # sen2 (issue 3, item 6): where the child is placed when no setting with a URN or
    # UKPRN is named (SEN2 setting codes: EHE, NEET, OLA...).
    setting_code = models.CharField(max_length=4, blank=True, choices=choices_of(codes.SettingCode))
    ceased_on = models.DateField(null=True, blank=True)
    cease_reason = models.CharField(max_length=1, blank=True, choices=choices_of(codes.CeaseReason))
    # SEN2 items (issue 10), asked when a final or amended final plan is issued: where the
    # plan came from and what it provides besides the named setting (docs/sen2-return.md).
    # db_default too: the benchmark generator inserts plans with SQL (bench/), not the ORM.
    transferred_from_la = models.CharField(
        max_length=3, blank=True, default="", db_default="",
        help_text="DfE code of the LA the plan was transferred from",
    )
    sen_unit = models.BooleanField(default=False, db_default=False)
    resourced_provision = models.BooleanField(default=False, db_default=False)
    residential = models.CharField(
        max_length=1, blank=True, default="", db_default="",
        choices=choices_of(codes.ResidentialPlacement),
    )
    work_based_learning = models.BooleanField(default=False, db_default=False)
    personal_budget = models.BooleanField(default=False, db_default=False)
    organised_arrangement = models.BooleanField(default=False, db_default=False)
    direct_payment = models.BooleanField(default=False, db_default=False)

    class Meta:
        indexes = [models.Index(fields=["named_setting"])]


class PlanVersion(models.Model):
    """One issued version of the plan (sections A-K). Issued versions never change."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=VersionKind.choices)
    issued_on = models.DateField(null=True, blank=True)
    sections = models.JSONField(default=dict)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")
        ]


class AnnualReview(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reviews")
    meeting_on = models.DateField()
    report_received_on = models.DateField(null=True, blank=True)
    decision_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=1, blank=True, choices=choices_of(codes.ReviewOutcome))
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-meeting_on"]


class TransferKind(models.TextChoices):
    SCHOOL = "school", "Between school phases (by 15 February)"
    POST16 = "post16", "Secondary to post-16 (by 31 March)"


class PhaseTransfer(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="phase_transfers")
    transfer_date = models.DateField()
    kind = models.CharField(max_length=10, choices=TransferKind.choices)
    from_setting = models.ForeignKey(
        Organisation, null=True, on_delete=models.PROTECT, related_name="+"
    )
    to_setting = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    finalised_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "transfer_date"], name="phase_transfer_unique")
        ]


class DisputeKind(models.TextChoices):
    MEDIATION = "mediation", "Mediation"
    TRIBUNAL = "tribunal", "Tribunal appeal"


class AppealableDecision(models.TextChoices):
    REFUSE_ASSESS = "refuse_assess", "Refusal to assess"
    REFUSE_ISSUE = "refuse_issue", "Refusal to issue a plan"
    CONTENTS = "contents", "Contents of sections B, F or I"
    REFUSE_AMEND = "refuse_amend", "Refusal to amend after a review"
    CEASE = "cease", "Ceasing the plan"


class Dispute(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="disputes")
    kind = models.CharField(max_length=10, choices=DisputeKind.choices)
    decision = models.CharField(max_length=20, choices=AppealableDecision.choices)
    started_on = models.DateField()
    concluded_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=200, blank=True)


# The documents as sent (a module of their own: models.py would pass 400 lines).
from opensend.casework.issued_documents import DocumentKind, IssuedDocument  # noqa: E402, F401

# Consulting a setting on a draft plan: sharing outside the case (issue 11, item 6).
from opensend.casework.sharing import SettingConsultation  # noqa: E402, F401
