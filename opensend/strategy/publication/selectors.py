"""Reads for the public pages of published plans (ADR 0034): no user, no audit (a plan
holds no child's record, as the public measures), and nothing that is not published.

A plan is public while it is adopted AND a lead's publication of it is open. A draft or
closed plan, a plan never published or taken down, and a plan asked for under another
area's address are all the same 404.
"""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from opensend.measures.snapshots.selectors import SnapshotPoint, snapshot_series
from opensend.people.models import Organisation, OrganisationKind
from opensend.strategy.models import (
    Action,
    BaselineSource,
    Priority,
    ProgressUpdate,
    Strategy,
    StrategyStatus,
    SuccessMeasure,
)
from opensend.strategy.publication.models import Publication
from opensend.strategy.readings import baseline_snapshot


def public_area(area_id: int) -> Organisation:
    found = Organisation.objects.filter(pk=area_id, kind=OrganisationKind.LOCAL_AUTHORITY).first()
    if found is None:
        raise Http404("No such local area")
    return found


def published_strategies(area: Organisation) -> QuerySet[Strategy]:
    """The area's plans the public may read now. An EXISTS, not a join on
    `publications__withdrawn_at__isnull`: that join is outer, and a plan never published
    has a row of nulls in it, so it would pass."""
    open_publication = Publication.objects.filter(
        strategy=OuterRef("pk"), withdrawn_at__isnull=True
    )
    return Strategy.objects.filter(
        Exists(open_publication), local_authority=area, status=StrategyStatus.ADOPTED
    ).select_related("local_authority")


def published_strategy(*, area: Organisation, plan_id: int) -> Strategy:
    """One published plan with all its public page shows, in a bounded few queries."""
    updates = ProgressUpdate.objects.only("action_id", "status", "reported_on", "recorded_at")
    actions = Action.objects.select_related("owner_organisation").prefetch_related(
        "priorities",
        "partner_organisations",
        "milestones",
        "success_measures",
        Prefetch("progress_updates", queryset=updates),
    )
    priorities = Priority.objects.select_related("owner_organisation").prefetch_related(
        "success_measures"
    )
    found = (
        published_strategies(area)
        .filter(pk=plan_id)
        .prefetch_related(
            Prefetch("priorities", queryset=priorities),
            Prefetch("actions", queryset=actions),
            "co_production__priority",
            "co_production__action",
            "publications",
        )
        .first()
    )
    if found is None:
        raise Http404("No such published plan")
    return found


def latest_point(measure: SuccessMeasure, *, until: object) -> SnapshotPoint | None:
    """The indicator's latest stored figure, with the counts it was made from."""
    points = snapshot_series(
        local_authority_id=measure.strategy.local_authority_id,
        code=measure.indicator_code,
        breakdown=measure.breakdown or None,
        group=measure.group or None,
        period_kind=measure.period_kind,
        until=until,  # type: ignore[arg-type]
    )
    shown = [point for point in points if point.value is not None]
    return shown[-1] if shown else None


def baseline_point(measure: SuccessMeasure) -> SnapshotPoint | None:
    """A baseline read from the snapshots, with its counts (None when typed or missing)."""
    if measure.baseline_source != BaselineSource.SNAPSHOT:
        return None
    return baseline_snapshot(measure)
