"""A plan of Northshire's for the strategy tests (branch i12-io)."""

import datetime as dt

import pytest

from opensend.strategy.models import Strategy


@pytest.fixture
def strategy(area, sam):
    return Strategy.objects.create(
        local_authority=area.northshire,
        title="SEND strategy 2025-2028",
        kind="strategy",
        period_start=dt.date(2025, 4, 1),
        period_end=dt.date(2028, 3, 31),
        created_by=sam,
    )
