"""Reads of a plan's registers, scoped to the requesting user's areas as every read of
the plans is (strategy/selectors.py): another area's record is a 404."""

from django.db.models import QuerySet
from django.http import Http404

from opensend.people.models import User
from opensend.strategy.models import ActionDependency, CoProductionEvidence, Risk, Strategy
from opensend.strategy.selectors import user_area_ids


def risk_get(*, user: User, risk_id: int) -> Risk:
    found = (
        Risk.objects.filter(strategy__local_authority__in=user_area_ids(user), pk=risk_id)
        .select_related("strategy", "action")
        .first()
    )
    if found is None:
        raise Http404("No such risk")
    return found


def dependency_get(*, user: User, dependency_id: int) -> ActionDependency:
    found = (
        ActionDependency.objects.filter(
            action__strategy__local_authority__in=user_area_ids(user), pk=dependency_id
        )
        .select_related("action", "depends_on")
        .first()
    )
    if found is None:
        raise Http404("No such dependency")
    return found


def coproduction_get(*, user: User, coproduction_id: int) -> CoProductionEvidence:
    found = (
        CoProductionEvidence.objects.filter(
            strategy__local_authority__in=user_area_ids(user), pk=coproduction_id
        )
        .select_related("strategy")
        .first()
    )
    if found is None:
        raise Http404("No such record of co-production")
    return found


def open_risks(strategy: Strategy) -> QuerySet[Risk]:
    return strategy.risks.filter(closed_on=None).select_related("action")


def coproduction_of(strategy: Strategy) -> QuerySet[CoProductionEvidence]:
    return strategy.co_production.select_related("priority", "action")
