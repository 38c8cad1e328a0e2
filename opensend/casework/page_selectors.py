"""Selectors for the casework read pages, beyond those in selectors.py.

Each starts from a selector's user-scoped result (case_get, cases_visible,
visible_children), so nothing here widens what a user may see; list reads write one
audit row naming the children shown, as the selectors do. They could join selectors.py
(kept apart while that module had another owner).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Min, Prefetch, Q

from opensend.casework.models import AdviceRequest, Case, CaseStep, PlanVersion
from opensend.casework.selectors import OPEN_STAGES, cases_visible
from opensend.core.audit import audit_list
from opensend.people.models import Child, Role, User
from opensend.people.rules import visible_children

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
