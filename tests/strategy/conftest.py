import pytest

from tests.strategy.world import PlanWorld, plan_world


@pytest.fixture
def plan(today, area, sam, cara) -> PlanWorld:
    """Northshire's plan (tests/strategy/world.py); Cara owns action 1.1."""
    return plan_world(la=area.northshire, lead=sam, owner=cara, partner=area.health)
