"""Reads of casework, always scoped to the requesting user (opensend/people/rules.py).

A record outside the user's scope is a 404. Every single-record read writes an audit
event; every list writes one event naming the children shown.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet
from django.http import Http404

from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    CaseStep,
    Dispute,
    PlanVersion,
    Stage,
)
from opensend.core.audit import audit, audit_list
from opensend.core.models import AuditAction
from opensend.core.permissions import has_perm
from opensend.people.models import Child, Role, User
from opensend.people.rules import visible_children

OPEN_STAGES = (Stage.REQUESTED, Stage.ASSESSING, Stage.DRAFTING, Stage.PLAN)


def cases_visible(user: User, today: dt.date) -> QuerySet[Case]:
    return Case.objects.filter(child__in=visible_children(user, today))


def case_get(*, user: User, case_id: int, today: dt.date, why: str, request: object = None) -> Case:
    """One case the user may see, or 404 (and an audit row for the refusal)."""
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


def case_timeline(case: Case) -> dict[str, object]:
    """Everything the case page shows, in a fixed number of queries."""
    return {
        "events": list(CaseEvent.objects.filter(case=case).select_related("recorded_by")),
        "steps": list(CaseStep.objects.filter(case=case)),
        "advice": list(AdviceRequest.objects.filter(case=case).select_related("organisation")),
        "disputes": list(Dispute.objects.filter(case=case).order_by("started_on", "pk")),
    }


@dataclass(frozen=True)
class QueueRow:
    step: CaseStep
    case: Case


QUEUE_FILTERS = {
    "overdue": lambda today: Q(due__lt=today),
    "due_this_week": lambda today: Q(due__gte=today, due__lte=today + dt.timedelta(days=7)),
    "waiting_on_advice": lambda today: Q(step__startswith="advice:"),
}


def work_queue(
    *, user: User, today: dt.date, show: str = "all", limit: int = 200, request: object = None
) -> list[CaseStep]:
    """The open statutory steps of the user's cases, soonest due first."""
    steps = (
        CaseStep.objects.filter(
            done__isnull=True,
            case__child__in=visible_children(user, today),
            case__stage__in=OPEN_STAGES,
        )
        .select_related("case__child", "case__caseworker")
        .order_by("due", "case_id")
    )
    if not has_perm(user, "casework.view_team_caseload"):  # a coordinator: their own
        steps = steps.filter(case__caseworker=user)
    if show in QUEUE_FILTERS:
        steps = steps.filter(QUEUE_FILTERS[show](today))
    rows = list(steps[:limit])
    audit_list(
        actor=user, child_ids=[row.case.child_id for row in rows], why="work queue", request=request
    )
    return rows


def queue_counts(*, user: User, today: dt.date) -> dict[str, int]:
    steps = CaseStep.objects.filter(
        done__isnull=True,
        case__child__in=visible_children(user, today),
        case__stage__in=OPEN_STAGES,
    )
    if not has_perm(user, "casework.view_team_caseload"):  # a coordinator: their own
        steps = steps.filter(case__caseworker=user)
    return steps.aggregate(
        all=Count("id"), **{name: Count("id", filter=f(today)) for name, f in QUEUE_FILTERS.items()}
    )


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


def children_search(
    *,
    user: User,
    today: dt.date,
    text: str = "",
    date_of_birth: dt.date | None = None,
    request: object = None,
) -> list[Child]:
    """Find a child by name, UPN or date of birth, within what the user may see."""
    children = visible_children(user, today)
    words = text.split()
    for word in words:
        children = children.filter(
            Q(legal_surname__istartswith=word)
            | Q(legal_forename__istartswith=word)
            | Q(preferred_name__istartswith=word)
            | Q(upn__iexact=word)
        )
    if date_of_birth:
        children = children.filter(date_of_birth=date_of_birth)
    if not words and not date_of_birth:
        return []
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


def plan_versions(case: Case) -> list[PlanVersion]:
    """Every version of the case's plan, oldest first (`case` from case_get)."""
    return list(PlanVersion.objects.filter(plan__case=case).order_by("number"))


def my_cases(*, user: User, today: dt.date, request: object = None) -> list[Case]:
    """The cases the user may see, soonest next statutory step first, each with its open
    steps in `open_steps` (none once a case has ended, as in the work queue)."""
    still_open = Q(done__isnull=True, case__stage__in=OPEN_STAGES)
    open_steps = CaseStep.objects.filter(still_open).order_by("due", "step")
    next_due = Min("steps__due", filter=Q(steps__done__isnull=True, stage__in=OPEN_STAGES))
    cases = list(
        cases_visible(user, today)
        .select_related("child")
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
    """Advice the user's organisations have been asked for and not yet sent, soonest due first."""
    organisations = user.memberships.filter(role=Role.ADVICE_GIVER).values("organisation_id")
    advice = list(
        AdviceRequest.objects.filter(
            case__child__in=visible_children(user, today),
            organisation_id__in=organisations,
            received_on__isnull=True,
        )
        .select_related("case__child", "organisation")
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
