"""Reads for the import, export and board pages: a plan only of the user's own area, a
pending import only of the person who uploaded it (anything else is a 404)."""

from __future__ import annotations

from django.http import Http404

from opensend.people.models import Membership, User
from opensend.strategy.imports.models import PendingImport
from opensend.strategy.models import Strategy


def user_area_ids(user: User) -> set[int]:
    """The local authorities whose partnership the user works in: their own, or the one
    their organisation belongs to."""
    rows = Membership.objects.filter(user=user).values_list(
        "organisation_id", "organisation__local_authority_id"
    )
    return {area_id or organisation_id for organisation_id, area_id in rows}


def strategy_for_user(user: User, strategy_id: int) -> Strategy:
    found = Strategy.objects.filter(pk=strategy_id, local_authority_id__in=user_area_ids(user))
    strategy = found.select_related("local_authority").first()
    if strategy is None:
        raise Http404("No such plan")
    return strategy


def pending_import_for_user(user: User, strategy: Strategy, pending_id: int) -> PendingImport:
    pending = PendingImport.objects.filter(
        pk=pending_id, strategy=strategy, uploaded_by=user
    ).first()
    if pending is None:
        raise Http404("No such import")
    pending.strategy = strategy
    return pending


def pending_imports_of(user: User, strategy: Strategy) -> list[PendingImport]:
    return list(PendingImport.objects.filter(strategy=strategy, uploaded_by=user))
