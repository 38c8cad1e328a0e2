import datetime as dt

import pytest

from opensend.strategy.models import Strategy
from tests.strategy.plan_world import PlanWorld, plan_world


@pytest.fixture
def plan(today, area, sam, cara) -> PlanWorld:
    """Northshire's plan (tests/strategy/plan_world.py); Cara owns action 1.1."""
    return plan_world(la=area.northshire, lead=sam, owner=cara, partner=area.health)


@pytest.fixture
def strategy(area, sam):
    """An empty plan of Northshire's for the import, export and board tests (i12-io)."""
    return Strategy.objects.create(
        local_authority=area.northshire,
        title="SEND strategy 2025-2028",
        kind="strategy",
        period_start=dt.date(2025, 4, 1),
        period_end=dt.date(2028, 3, 31),
        created_by=sam,
    )
