"""Reads of casework, always scoped to the requesting user (opensend/people/rules.py).

A record outside the user's scope is a 404. Every single-record read writes an audit
event; every list writes one event naming the children shown.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Count, F, Min, Prefetch, Q, QuerySet
from django.db.models.functions import Greatest, Upper
from django.http import Http404

from opensend.casework.models import (
    AdviceFile,
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    CaseStep,
    Dispute,
    DocumentKind,
    EhcRequest,
    IssuedDocument,
    Plan,
    PlanVersion,
    Stage,
)
from opensend.core.audit import audit, audit_list
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_held_why, upload_servable
from opensend.people.models import Child, Organisation, Role, User
from opensend.people.rules import advice_addressed_q, visible_children

OPEN_STAGES = (Stage.REQUESTED, Stage.ASSESSING, Stage.DRAFTING, Stage.PLAN)


def cases_visible(user: User, today: dt.date) -> QuerySet[Case]:
    return Case.objects.filter(child__in=visible_children(user, today))


def case_get(
    *, user: User, case_id: int, today: dt.date, why: str, request: object = None,
    read_audited: bool = True,
) -> Case:
    """One case the user may see, or 404 (and an audit row for the refusal).

    read_audited=False: the caller writes the one row for what it does with the case
    (a plan download writes its "download" row, not a "read" row as well)."""
    case = (
        cases_visible(user, today)
        .select_related("child", "caseworker", "local_authority")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        audit(
            actor=user,
            action=AuditAction.DENIED,
            why=why,
            request=request,
            detail={"case": case_id},
        )
        raise Http404
    if read_audited:
        audit(
            actor=user,
            action=AuditAction.READ,
            obj=case,
            child_id=case.child_id,
            why=why,
            request=request,
        )
    return case


def child_get(
    *, user: User, child_id: int, today: dt.date, why: str, request: object = None
) -> Child:
    child = visible_children(user, today).filter(pk=child_id).first()
    if child is None:
        audit(
            actor=user,
            action=AuditAction.DENIED,
            why=why,
            request=request,
            detail={"child": child_id},
        )
        raise Http404
    audit(
        actor=user, action=AuditAction.READ, obj=child, child_id=child.pk, why=why, request=request
    )
    return child


def advice_request_for(
    *, user: User, advice_id: int, today: dt.date, why: str, request: object = None
) -> AdviceRequest:
    """An advice request, found through the cases the user may see: 404 (with the
    refusal audited) otherwise."""
    visible = cases_visible(user, today).filter(advice_requests=advice_id)
    case_id = visible.values_list("pk", flat=True).first() or 0
    case = case_get(user=user, case_id=case_id, today=today, why=why, request=request)
    advice = case.advice_requests.select_related("organisation").get(pk=advice_id)
    advice.case = case
    return advice


def advice_file_for(
    *, user: User, file_id: int, today: dt.date, request: object = None
) -> AdviceFile:
    """A file sent with or received for an advice request, on a case the user may see or
    of a request addressed to them as an adviser (ADR 0035), with the download audited;
    404 (the refusal audited) otherwise, or while the virus scan holds the file back
    (opensend.core.uploads.upload_servable)."""
    mine = Q(advice_request__case__in=cases_visible(user, today)) | advice_addressed_q(
        user, "advice_request__"
    )
    found = (
        AdviceFile.objects.filter(mine, pk=file_id)
        .select_related("upload", "advice_request__case")
        .first()
    )
    if found is None or not upload_servable(found.upload, user):
        why = "advice file" if found is None else f"advice file {upload_held_why(found.upload)}"
        audit(actor=user, action=AuditAction.DENIED, why=why, request=request,
              detail={"advice_file": file_id})
        raise Http404
    audit(
        actor=user,
        action=AuditAction.DOWNLOAD,
        obj=found.upload,
        child_id=found.advice_request.case.child_id,
        why="download advice file",
        detail={"advice_request": found.advice_request_id, "sha256": found.upload.sha256},
        request=request,
    )
    return found


def annual_review_for(
    *, user: User, review_id: int, today: dt.date, why: str, request: object = None
) -> AnnualReview:
    """An annual review, found through the cases the user may see (as above)."""
    visible = cases_visible(user, today).filter(reviews=review_id)
    case_id = visible.values_list("pk", flat=True).first() or 0
    case = case_get(user=user, case_id=case_id, today=today, why=why, request=request)
    review = case.reviews.get(pk=review_id)
    review.case = case
    return review


def dispute_for(
    *, user: User, dispute_id: int, today: dt.date, why: str, request: object = None
) -> Dispute:
    """Mediation or an appeal, found through the cases the user may see (as above)."""
    visible = cases_visible(user, today).filter(disputes=dispute_id)
    case_id = visible.values_list("pk", flat=True).first() or 0
    case = case_get(user=user, case_id=case_id, today=today, why=why, request=request)
    dispute = case.disputes.get(pk=dispute_id)
    dispute.case = case
    return dispute


def case_event_for(
    *, user: User, case_id: int, event_id: int, today: dt.date, why: str, request: object = None
) -> CaseEvent:
    """One event of a case the user may see, or 404 (the case read is audited)."""
    case = case_get(user=user, case_id=case_id, today=today, why=why, request=request)
    event = case.events.filter(pk=event_id).first()
    if event is None:
        raise Http404
    event.case = case
    return event


def case_timeline(case: Case) -> dict[str, object]:
    """Everything the case page shows, in a fixed number of queries."""
    return {
        "events": list(CaseEvent.objects.filter(case=case).select_related("recorded_by")),
        "steps": list(CaseStep.objects.filter(case=case)),
        "advice": list(
            AdviceRequest.objects.filter(case=case)
            .select_related("organisation")
            .prefetch_related(Prefetch("files", AdviceFile.objects.select_related("upload")))
        ),
        "disputes": list(Dispute.objects.filter(case=case).order_by("started_on", "pk")),
    }


def team_caseload(*, user: User, today: dt.date) -> list[dict[str, object]]:
    """Open cases per coordinator in the manager's local authority (no child data)."""
    return list(
        cases_visible(user, today)
        .filter(stage__in=OPEN_STAGES)
        .values("caseworker__id", "caseworker__full_name")
        .annotate(
            open_cases=Count("id", distinct=True),  # one row per step after the join
            overdue=Count("steps", filter=Q(steps__done__isnull=True, steps__due__lt=today)),
        )
        .order_by("caseworker__full_name")
    )


# A name matches a word typed when their pg_trgm similarity (0 to 1) is at least
# PostgreSQL's default threshold for the % operator, 0.3: "Smyth" finds Smith (0.33),
# "Jonson" Johnson (0.5), "Olivai" Olivia; or when it starts with the word ("Ol").
# The names are compared upper-cased, as the trigram GIN indexes on Child hold them.
NAME_FIELDS = ("legal_surname", "legal_forename", "preferred_name")


def _name_matches(word: str) -> Q:
    typed = word.upper()
    found = Q(upn=typed)  # UPNs are exact (upper case, 13 characters)
    for field in NAME_FIELDS:
        found |= Q(**{f"{field}_upper__trigram_similar": typed})
        found |= Q(**{f"{field}_upper__startswith": typed})
    return found


def _closeness(words: list[str]) -> Any:
    """How close the names are to the words typed: for each word, its best similarity."""
    scores = [
        Greatest(*(TrigramSimilarity(f"{field}_upper", word.upper()) for field in NAME_FIELDS))
        for word in words
    ]
    return sum(scores[1:], scores[0])


def children_search(
    *,
    user: User,
    today: dt.date,
    text: str = "",
    date_of_birth: dt.date | None = None,
    request: object = None,
) -> list[Child]:
    """Find a child by name (tolerating misspellings), UPN or date of birth (exact),
    within what the user may see; the closest names first."""
    words = text.split()
    if not words and not date_of_birth:
        return []
    children = visible_children(user, today).alias(
        **{f"{field}_upper": Upper(field) for field in NAME_FIELDS}
    )
    for word in words:
        children = children.filter(_name_matches(word))
    if date_of_birth:
        children = children.filter(date_of_birth=date_of_birth)
    if words:
        children = children.alias(closeness=_closeness(words)).order_by(
            "-closeness", "legal_surname", "legal_forename", "pk"
        )
    found = list(
        children.prefetch_related(Prefetch("cases", queryset=Case.objects.order_by("-opened_on")))[
            :50
        ]
    )
    audit_list(actor=user, child_ids=[c.pk for c in found], why="search", request=request)
    return found


def caseworkers_for(case: Case) -> list[User]:
    """The EHC coordinators of the case's local authority, by name (staff, no child data)."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role=Role.CASEWORKER,
            memberships__organisation_id=case.local_authority_id,
        )
        .distinct()
        .order_by("full_name")
    )


# ---------------------------------------------------------------------------------------
# The read pages: a case's details, my cases, advice outstanding, a family's children.
# Each starts from a user-scoped read above (case_get, cases_visible, visible_children),
# so nothing here widens what a user may see.
# ---------------------------------------------------------------------------------------

LIST_LIMIT = 200


@dataclass(frozen=True)
class CaseDetails:
    primary_need: str | None
    setting: str | None
    versions: list[PlanVersion]


def case_details(case: Case, today: dt.date) -> CaseDetails:
    """The child's primary need, current setting and the plan's versions (3 queries).

    `case` must come from case_get, which has already checked and audited the read.
    """
    need = case.child.needs.filter(rank=1).values_list("need", flat=True).first()
    enrolment = (
        case.child.enrolments.filter(start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("setting")
        .first()
    )
    return CaseDetails(
        primary_need=need,
        setting=enrolment.setting.name if enrolment else None,
        versions=plan_versions(case),
    )


def decision_letters(case: Case) -> list[IssuedDocument]:
    """The decision letters sent on the case, oldest first, without their bytes (`case`
    from case_get)."""
    letters = IssuedDocument.objects.filter(case=case, kind=DocumentKind.DECISION_LETTER)
    return list(letters.defer("pdf", "docx").order_by("issued_on", "pk"))


def plan_versions(case: Case) -> list[PlanVersion]:
    """Every version of the case's plan, oldest first (`case` from case_get)."""
    return list(PlanVersion.objects.filter(plan__case=case).order_by("number"))


def my_cases(*, user: User, today: dt.date, request: object = None) -> list[Case]:
    """The cases the user may see (an EHC coordinator: those allocated to them), soonest
    next statutory step first, each with its open steps in `open_steps` (none once a
    case has ended, as in the work queue)."""
    still_open = Q(done__isnull=True, case__stage__in=OPEN_STAGES)
    open_steps = CaseStep.objects.filter(still_open).order_by("due", "step")
    next_due = Min("steps__due", filter=Q(steps__done__isnull=True, stage__in=OPEN_STAGES))
    visible = cases_visible(user, today)
    if user.has_role(Role.CASEWORKER):  # an EHC coordinator: the cases allocated to them
        visible = visible.filter(caseworker=user)
    cases = list(
        visible.select_related("child")
        .annotate(next_due=next_due)
        .prefetch_related(Prefetch("steps", queryset=open_steps, to_attr="open_steps"))
        .order_by(F("next_due").asc(nulls_last=True), "child__legal_surname", "pk")[:LIST_LIMIT]
    )
    audit_list(
        actor=user, child_ids=[case.child_id for case in cases], why="my cases", request=request
    )
    return cases


def advice_outstanding(
    *, user: User, today: dt.date, request: object = None
) -> list[AdviceRequest]:
    """Advice addressed to the user as an adviser and not yet sent, soonest due first:
    each links to the adviser's page of the request, never to the case (ADR 0035)."""
    advice = list(
        AdviceRequest.objects.filter(advice_addressed_q(user), received_on__isnull=True)
        .select_related("case__child", "organisation")
        .prefetch_related(Prefetch("files", AdviceFile.objects.select_related("upload")))
        .order_by("due_on", "pk")[:LIST_LIMIT]
    )
    audit_list(
        actor=user,
        child_ids=[a.case.child_id for a in advice],
        why="advice requested",
        request=request,
    )
    return advice


def family_children(*, user: User, today: dt.date, request: object = None) -> list[Child]:
    """The children a parent may see (or a young person's own record), with their cases."""
    cases = Case.objects.select_related("caseworker").order_by("-opened_on", "-pk")
    children = list(
        visible_children(user, today)
        .prefetch_related(Prefetch("cases", queryset=cases))
        .order_by("date_of_birth", "pk")
    )
    audit_list(
        actor=user, child_ids=[child.pk for child in children], why="family home", request=request
    )
    return children


def case_organisations(case: Case) -> list[Organisation]:
    """The organisations on the case besides the local authority: settings the child
    attends or attended, the setting that asked, the one the plan names, and those asked
    for advice (the recipients a consent or Reg 17 ground can name).

    `case` must come from case_get.
    """
    ids: set[int] = set(case.child.enrolments.values_list("setting_id", flat=True))
    ids |= set(case.advice_requests.values_list("organisation_id", flat=True))
    ids |= set(Plan.objects.filter(case=case).values_list("named_setting_id", flat=True))
    ids |= set(EhcRequest.objects.filter(case=case).values_list("requesting_setting_id", flat=True))
    ids.discard(None)  # type: ignore[arg-type]
    ids.discard(case.local_authority_id)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))
