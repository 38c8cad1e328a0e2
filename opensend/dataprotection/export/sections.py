"""What a subject access export holds, section by section, and which tables each reads.

A section lists its sources: a table (by its model label) and the rows of it that are
about the subject. `COVERED_MODELS` is every table some section reads; together with
coverage.OUT_OF_SCOPE (tables declared out of scope, each with its reason) it must name
every table that holds personal data: tests/dataprotection/test_coverage.py walks all
models and fails for one that is in neither.

The export reads tables directly, not through each app's selectors: answering a request
under UK GDPR Art. 15 means everything held about the person, whoever may see it day to
day. Who may start an export is decided by dataprotection.rules and the request's own
scoping (selectors.py).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models import Q

from opensend.dataprotection.models import SubjectKind
from opensend.people.models import Child, FamilyMember, User

# Secrets and internals never shipped: they say nothing about the person and would
# weaken their account (password hash, authenticator key and counters) or they are
# other people's data (the ids of the other children in a list or a return).
PASSWORD = frozenset({"password"})
AUTHENTICATOR = frozenset({"key", "step", "t0", "digits", "tolerance", "drift", "last_t"})
SEN2_RUN = frozenset({"xml_gzip", "children", "failures"})
INVITATION_SECRET = frozenset({"token_hash"})
ISSUED_BYTES = frozenset({"pdf", "docx"})


@dataclass(frozen=True)
class Subject:
    """Whom the request is about, and the keys their data is found by."""

    kind: str
    child: Child | None  # the child or young person, when the request is about them
    family_members: tuple[FamilyMember, ...]  # the parent, as recorded for each child
    user: User | None  # their own account, if they have one
    email: str  # how their feedback and sign-in attempts are found

    @property
    def child_id(self) -> int:
        return self.child.pk if self.child is not None else 0


@dataclass(frozen=True)
class Source:
    model: str  # app_label.ModelName
    rows: Callable[[Subject, type[models.Model]], Iterable[models.Model]]
    leave_out: frozenset[str] = frozenset()
    # Called on each row before it is shown (never saved): hides other people's ids.
    redact: Callable[[models.Model, Subject], None] | None = None

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    about: str
    sources: tuple[Source, ...]
    applies: Callable[[Subject], bool] = field(default=lambda subject: True)


def _of_child(path: str, order: str = "pk") -> Callable[[Subject, type], Iterable]:
    return lambda subject, model: model.objects.filter(**{path: subject.child_id}).order_by(order)


def _of_user(path: str, order: str = "pk") -> Callable[[Subject, type], Iterable]:
    def rows(subject: Subject, model: type) -> Iterable:
        if subject.user is None:
            return model.objects.none()
        return model.objects.filter(**{path: subject.user.pk}).order_by(order)

    return rows


def _by_email(path: str, order: str = "pk") -> Callable[[Subject, type], Iterable]:
    def rows(subject: Subject, model: type) -> Iterable:
        if not subject.email:
            return model.objects.none()
        return model.objects.filter(**{f"{path}__iexact": subject.email}).order_by(order)

    return rows


def _of_family_members(path: str) -> Callable[[Subject, type], Iterable]:
    ids = lambda subject: [member.pk for member in subject.family_members]  # noqa: E731
    return lambda subject, model: model.objects.filter(**{f"{path}__in": ids(subject)}).order_by(
        "pk"
    )


def _child_access(subject: Subject, model: type) -> Iterable:
    """Who read, changed or downloaded the record (Art. 15(1)(c): the recipients),
    including lists of several children that showed this one."""
    shown = Q(child_id=subject.child_id) | Q(detail__children__contains=[subject.child_id])
    return model.objects.filter(shown).select_related("actor").order_by("at", "pk")


def _only_this_child(row: models.Model, subject: Subject) -> None:
    detail = dict(row.detail)  # type: ignore[attr-defined]
    if "children" in detail:
        detail["children"] = f"this child and {len(detail['children']) - 1} other(s)"
    row.detail = detail  # type: ignore[attr-defined]


def _advice_uploads(subject: Subject, model: type) -> Iterable:
    linked = apps.get_model("casework.AdviceFile").objects.filter(
        advice_request__case__child_id=subject.child_id
    )
    reviews = apps.get_model("schools.ReviewContributionFile").objects.filter(
        contribution__review__case__child_id=subject.child_id
    )
    requests = apps.get_model("schools.SchoolRequestFile").objects.filter(
        request__case__child_id=subject.child_id
    )
    # and the files the family sent with their request or All about me (issue 11 item 1)
    sent = apps.get_model("contributions.FamilyRequestFile").objects.filter(
        family_request__ehc_request__case__child_id=subject.child_id
    )
    about_me = apps.get_model("contributions.AllAboutMeFile").objects.filter(
        version__child_id=subject.child_id
    )
    return model.objects.filter(
        Q(pk__in=linked.values("upload_id"))
        | Q(pk__in=reviews.values("upload_id"))
        | Q(pk__in=requests.values("upload_id"))
        | Q(pk__in=sent.values("upload_id"))
        | Q(pk__in=about_me.values("upload_id"))
    ).order_by("pk")


def _sen2_returns(subject: Subject, model: type) -> Iterable:
    return model.objects.filter(children__contains=[subject.child_id]).order_by("requested_at")


def _requests_about(subject: Subject, model: type) -> Iterable:
    if subject.kind == SubjectKind.PARENT:
        members = [member.pk for member in subject.family_members]
        return model.objects.filter(family_member__in=members).order_by("received_on", "pk")
    return model.objects.filter(child_id=subject.child_id, family_member__isnull=True).order_by(
        "received_on", "pk"
    )


def _feedback_events(subject: Subject, model: type) -> Iterable:
    if not subject.email:
        return model.objects.none()
    return model.objects.filter(feedback__reply_email__iexact=subject.email).order_by("pk")


def _about_a_child(subject: Subject) -> bool:
    return subject.child is not None


def _has_account(subject: Subject) -> bool:
    return subject.user is not None


def _has_email(subject: Subject) -> bool:
    return bool(subject.email)


CASE = "case__child_id"
CHILD_SECTIONS = (
    SectionSpec(
        "record", "The child's record",
        "Names, date of birth, identifiers, needs and the settings attended.",
        (
            Source("people.Child", _of_child("pk")),
            Source("people.ChildNeed", _of_child("child_id", "rank")),
            Source("people.Enrolment", _of_child("child_id", "start")),
        ),
        applies=_about_a_child,
    ),
    SectionSpec(
        "family", "Family and consent",
        "The people recorded as the child's family, and the young person's consents.",
        (
            Source("people.FamilyMember", _of_child("child_id")),
            Source("people.YoungPersonConsent", _of_child("child_id", "given_on")),
            Source("people.Consent", _of_child("child_id", "pk")),
            # family accounts (issue 11 item 1): invitations (never the token's hash) and
            # the young person's decisions about their parents' access
            Source("people.FamilyInvitation", _of_child("child_id", "created_at"),
                   leave_out=INVITATION_SECRET),
            Source("people.ParentAccessDecision", _of_child("child_id", "decided_at")),
        ),
        applies=_about_a_child,
    ),
    SectionSpec(
        "record-history", "Changes to the record",
        "Every change to the child's details: who changed what, and when.",
        (Source("people.ChildRecordChange", _of_child("child_id", "changed_at")),),
        applies=_about_a_child,
    ),
    SectionSpec(
        "cases", "EHC needs assessments and plans",
        "Each EHC case: the request, panel decisions, exceptions to the time limits, "
        "reviews, phase transfers, mediation and appeals, and the statutory time limits.",
        (
            Source("casework.Case", _of_child("child_id", "opened_on")),
            Source("casework.EhcRequest", _of_child(CASE)),
            Source("casework.PanelDecision", _of_child(CASE, "met_on")),
            Source("casework.PanelAttendance", _of_child(f"decision__{CASE}")),
            Source("casework.ClockException", _of_child(CASE, "start")),
            Source("casework.AnnualReview", _of_child(CASE, "meeting_on")),
            Source("casework.PhaseTransfer", _of_child(CASE, "transfer_date")),
            Source("casework.Dispute", _of_child(CASE, "started_on")),
            Source("casework.CaseStep", _of_child(CASE, "due")),
        ),
        applies=_about_a_child,
    ),
    SectionSpec(
        "case-history", "Case history",
        "Every statutory step recorded on the cases, in order, with who recorded it.",
        (Source("casework.CaseEvent", _of_child(CASE, "occurred_on")),),
        applies=_about_a_child,
    ),
    SectionSpec(
        "advice", "Advice and information",
        "Advice asked of education, health, social care and others, what they said, and "
        "the files sent and received (in the files folder).",
        (
            Source("casework.AdviceRequest", _of_child(CASE, "requested_on")),
            Source("casework.AdviceFile", _of_child(f"advice_request__{CASE}")),
            # The annual reviews the school ran (issue 11 item 3), with what it received.
            Source("schools.SchoolReview", _of_child(CASE, "meeting_on")),
            Source("schools.ReviewInvitation", _of_child(f"review__{CASE}")),
            Source("schools.ReviewContribution", _of_child(f"review__{CASE}", "received_on")),
            Source("schools.ReviewContributionFile",
                   _of_child(f"contribution__review__{CASE}")),
            # A school's request for an assessment, with its assess-plan-do-review cycles.
            Source("schools.SchoolRequest", _of_child(CASE)),
            Source("schools.GraduatedApproachCycle", _of_child(f"request__{CASE}", "number")),
            Source("schools.SchoolRequestFile", _of_child(f"request__{CASE}")),
            # issue 11 item 2: the advice as the adviser submitted it, every version
            Source("advice.AdviceSubmission", _of_child(f"advice_request__{CASE}", "pk")),
            Source("core.Upload", _advice_uploads),
        ),
        applies=_about_a_child,
    ),
    SectionSpec(
        "plans", "EHC plans",
        "Every version of the plan, drafts included, with sections A to K, and the plans "
        "and decision letters as they were sent (in the files folder).",
        (
            Source("casework.Plan", _of_child(CASE)),
            Source("casework.PlanVersion", _of_child(f"plan__{CASE}", "number")),
            # The bytes go in the files folder exactly as sent, not in the tables.
            Source("casework.IssuedDocument", _of_child(CASE, "issued_on"),
                   leave_out=ISSUED_BYTES),
            # Who the draft plan was shared with, outside the case (issue 11, item 6).
            Source("casework.SettingConsultation", _of_child(CASE, "consulted_on")),
        ),
        applies=_about_a_child,
    ),
    SectionSpec(
        "family-contributions", "What the family sent",
        "The family's own request for an assessment, their comments on draft plans, "
        "meetings asked for, the school or college they asked for, and All about me (issue 11).",
        (
            Source("contributions.FamilyRequest", _of_child(f"ehc_request__{CASE}")),
            Source("contributions.FamilyRequestFile",
                   _of_child(f"family_request__ehc_request__{CASE}")),
            Source("contributions.DraftComment", _of_child(CASE, "created_at")),
            Source("contributions.MeetingRequest", _of_child(CASE, "created_at")),
            Source("contributions.PreferredSetting", _of_child(CASE, "created_at")),
            Source("contributions.AllAboutMe", _of_child("child_id", "number")),
            Source("contributions.AllAboutMeFile", _of_child("version__child_id")),
            Source("contributions.AllAboutMeUse", _of_child("all_about_me__child_id")),
        ),
        applies=_about_a_child,
    ),
    SectionSpec(
        "returns", "Statutory returns",
        "SEN2 returns to the Department for Education that included the record.",
        (Source("measures.Sen2Run", _sen2_returns, leave_out=SEN2_RUN),),
        applies=_about_a_child,
    ),
    SectionSpec(
        "access-log", "Who has seen the record",
        "Every time someone read, changed, downloaded or exported the record, or was "
        "refused, from the audit log.",
        (Source("core.AuditEvent", _child_access, redact=_only_this_child),),
        applies=_about_a_child,
    ),
)

PARENT_SECTIONS = (
    SectionSpec(
        "family-member", "As a parent or carer",
        "How you are recorded for each child, the consents young people gave you, and "
        "changes to your details.",
        (
            Source("people.FamilyMember", _of_family_members("pk")),
            Source("people.YoungPersonConsent", _of_family_members("family_member")),
            Source("people.ParentAccessDecision", _of_family_members("family_member")),
            Source("people.Consent", _of_family_members("family_member")),
            Source("people.ChildRecordChange", _of_family_members("family_member")),
        ),
        applies=lambda subject: subject.kind == SubjectKind.PARENT,
    ),
)

ACCOUNT_SECTIONS = (
    SectionSpec(
        "account", "Your account",
        "Your sign-in account, its roles and second factor (never its password or key).",
        (
            Source("people.User", _of_user("pk"), leave_out=PASSWORD),
            Source("people.Membership", _of_user("user_id")),
            Source("otp_totp.TOTPDevice", _of_user("user_id"), leave_out=AUTHENTICATOR),
            Source("core.IdentityProviderDevice", _of_user("user_id")),
            Source("directory.ProviderLink", _of_user("user_id")),
        ),
        applies=_has_account,
    ),
    SectionSpec(
        "sign-ins", "Signing in",
        "Sign-ins, sign-outs and failed attempts with your email address.",
        (
            Source("axes.AccessLog", _by_email("username", "attempt_time")),
            Source("axes.AccessAttempt", _by_email("username", "attempt_time")),
            Source("axes.AccessFailureLog", _by_email("username", "attempt_time")),
        ),
        applies=_has_account,
    ),
    SectionSpec(
        "activity", "What you did",
        "What you read, changed, downloaded or sent while signed in, and files you "
        "uploaded (in the files folder).",
        (
            Source("core.AuditEvent", _of_user("actor_id", "at")),
            Source("core.FormSubmission", _of_user("user_id", "created_at")),
            Source("core.Upload", _of_user("uploaded_by_id", "uploaded_at")),
        ),
        applies=_has_account,
    ),
    SectionSpec(
        "emails", "Emails we sent you",
        "The update emails sent to your address (the event, the next step and the link, as "
        "sent) and whether you asked for them at once or in a daily digest.",
        (
            Source("core.Notification", _by_email("recipient", "created_at")),
            Source("core.NotificationPreference", _by_email("email")),
        ),
        applies=_has_email,
    ),
    SectionSpec(
        "feedback", "Feedback on the Local Offer",
        "Feedback sent with your email address for a reply, and what was done with it.",
        (
            Source("directory.Feedback", _by_email("reply_email", "received_at")),
            Source("directory.FeedbackEvent", _feedback_events),
        ),
        applies=_has_email,
    ),
    SectionSpec(
        "requests", "Requests about your information",
        "Subject access and erasure requests about this information, and their answers.",
        (
            Source("dataprotection.SubjectAccessRequest", _requests_about),
            Source("dataprotection.ErasureRequest", _requests_about),
        ),
    ),
)

ALL_SECTIONS = (*CHILD_SECTIONS, *PARENT_SECTIONS, *ACCOUNT_SECTIONS)
COVERED_MODELS = frozenset(
    source.model for section in ALL_SECTIONS for source in section.sources
)
