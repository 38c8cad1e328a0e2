"""Reads of the partnership's plans, always scoped to the requesting user (ADR 0031).

A member of staff sees the plans of the local authority areas they work in: the area of
the local authority they belong to, or the area an organisation of theirs serves
(Organisation.local_authority). Anything else is a 404, as for a record one is not
related to. Plans hold no child-level data, so reads are not audited (as the measures).
"""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from opensend.people.models import Organisation, OrganisationKind, Role, User
from opensend.strategy.models import (
    Action,
    EvidenceFile,
    Milestone,
    Priority,
    ProgressUpdate,
    Strategy,
    SuccessMeasure,
)


def user_area_ids(user: User) -> set[int]:
    """The local authorities whose plans `user` may read."""
    organisations = Organisation.objects.filter(memberships__user=user)
    own = organisations.filter(kind=OrganisationKind.LOCAL_AUTHORITY).values_list("pk", flat=True)
    served = organisations.exclude(local_authority=None).values_list("local_authority", flat=True)
    return set(own) | set(served)


def strategies_for(user: User) -> QuerySet[Strategy]:
    return Strategy.objects.filter(local_authority__in=user_area_ids(user)).select_related(
        "local_authority"
    )


def strategy_get(*, user: User, strategy_id: int) -> Strategy:
    found = strategies_for(user).filter(pk=strategy_id).first()
    if found is None:
        raise Http404("No such plan")
    return found


def strategy_plan(strategy: Strategy) -> Strategy:
    """The plan with everything its one-page view shows, read in a bounded few queries."""
    updates = ProgressUpdate.objects.select_related("reported_by")
    actions = Action.objects.select_related("owner_organisation").prefetch_related(
        "priorities",
        "partner_organisations",
        "milestones",
        "success_measures",
        Prefetch("progress_updates", queryset=updates),
    )
    return (
        Strategy.objects.select_related("local_authority")
        .prefetch_related(
            Prefetch(
                "priorities",
                queryset=Priority.objects.select_related("owner_organisation").prefetch_related(
                    "success_measures"
                ),
            ),
            Prefetch("actions", queryset=actions),
        )
        .get(pk=strategy.pk)
    )


def _area_filter(user: User, prefix: str) -> Q:
    return Q(**{f"{prefix}local_authority__in": user_area_ids(user)})


def action_get(*, user: User, action_id: int) -> Action:
    found = (
        Action.objects.filter(_area_filter(user, "strategy__"), pk=action_id)
        .select_related("strategy__local_authority", "owner_organisation", "owner_user")
        .prefetch_related(
            "priorities",
            "partner_organisations",
            "milestones",
            "success_measures",
            "dependencies__depends_on",
            "dependents__action",
            "risks",
            Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.select_related("reported_by").prefetch_related(
                    "files__upload"
                ),
            ),
        )
        .first()
    )
    if found is None:
        raise Http404("No such action")
    return found


def priority_get(*, user: User, priority_id: int) -> Priority:
    found = (
        Priority.objects.filter(_area_filter(user, "strategy__"), pk=priority_id)
        .select_related("strategy")
        .first()
    )
    if found is None:
        raise Http404("No such priority")
    return found


def milestone_get(*, user: User, milestone_id: int) -> Milestone:
    found = (
        Milestone.objects.filter(_area_filter(user, "action__strategy__"), pk=milestone_id)
        .select_related("action")
        .first()
    )
    if found is None:
        raise Http404("No such milestone")
    return found


def measure_get(*, user: User, measure_id: int) -> SuccessMeasure:
    found = (
        SuccessMeasure.objects.filter(_area_filter(user, "strategy__"), pk=measure_id)
        .select_related("strategy__local_authority", "action", "priority")
        .prefetch_related("files__upload")
        .first()
    )
    if found is None:
        raise Http404("No such success measure")
    return found


def evidence_get(*, user: User, evidence_id: int) -> EvidenceFile:
    area = user_area_ids(user)
    found = (
        EvidenceFile.objects.filter(
            Q(progress_update__action__strategy__local_authority__in=area)
            | Q(success_measure__strategy__local_authority__in=area),
            pk=evidence_id,
        )
        .select_related("upload")
        .first()
    )
    if found is None:
        raise Http404("No such file")
    return found


def editor_local_authority(user: User) -> Organisation:
    """The local authority an SEN manager writes plans for (their own council)."""
    found = Organisation.objects.filter(
        kind=OrganisationKind.LOCAL_AUTHORITY,
        memberships__user=user,
        memberships__role=Role.SEN_MANAGER,
    ).first()
    if found is None:
        raise Http404("Not an SEN manager of a local authority")
    return found


def possible_owners(strategy: Strategy) -> QuerySet[User]:
    """Who may own an action of this plan with their account (reminders go to it, and they
    post its progress): active staff of the local authority or of an organisation serving
    its area, in a role that reads the plans (strategy/rules.py READERS)."""
    from opensend.strategy.rules import READERS

    la = strategy.local_authority_id
    serving = Q(memberships__organisation_id=la) | Q(memberships__organisation__local_authority=la)
    return (
        User.objects.filter(serving, memberships__role__in=READERS, is_active=True)
        .filter(kind="staff")
        .distinct()
        .order_by("full_name", "pk")
    )

