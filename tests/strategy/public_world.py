"""A published plan for the public page's tests and the route matrix (ADR 0034): the plan
of tests/strategy/plan_world.py with co-production evidence, published by its lead.
Co-production evidence is made here directly: its screens are another branch's (s4-screens)."""

import datetime as dt

from django.utils import timezone

from opensend.people.models import User
from opensend.strategy.models import CoProducer, CoProductionEvidence, Strategy
from opensend.strategy.publication.models import Publication
from opensend.strategy.publication.services import strategy_publish


def co_production(strategy: Strategy, by: User, **fields: object) -> CoProductionEvidence:
    values: dict[str, object] = {
        "who": [CoProducer.PARENT_CARER_FORUM, CoProducer.CHILDREN_AND_YOUNG_PEOPLE],
        "happened_on": dt.date(2026, 3, 14),
        "activity": "Two workshops with the parent carer forum and a youth panel",
        "what_changed": "The panel now meets weekly, as families asked",
    }
    values.update(fields)
    return CoProductionEvidence.objects.create(strategy=strategy, recorded_by=by, **values)


def published(strategy: Strategy, lead: User) -> Publication:
    """Record evidence (unless there is some) and publish, as the lead would."""
    if not strategy.co_production.exists():  # type: ignore[attr-defined]
        co_production(strategy, lead)
    return strategy_publish(
        strategy=strategy,
        actor=lead,
        evidence_seen=strategy.co_production.count(),  # type: ignore[attr-defined]
        now=timezone.now(),
    )


def matrix_published_plan() -> Strategy:
    """The route matrix's plan (tests/strategy/plan_world.py matrix_plan), published."""
    from tests.strategy.plan_world import matrix_plan

    strategy = matrix_plan().strategy
    if not strategy.publications.filter(withdrawn_at__isnull=True).exists():  # type: ignore[attr-defined]
        published(strategy, User.objects.get(email="sam.shah@northshire.example"))
    return strategy
