"""Summarised rows (plans in place and open cases grouped by the database, as weighted
rows) give exactly the figures of the rows one by one, on a seeded random area (the
benchmark's loader: ceased plans, exceptions, refusals, reviews, transfers, disputes)."""

import datetime as dt
import itertools

import pytest

from bench.measures_loader import load_area
from opensend.measures.live import measure_rows, period_for_year
from opensend.measures.live.periods import last_12_months
from opensend.statutory.indicators import INDICATORS, Period

PERIODS = [
    period_for_year(2025),
    period_for_year(2026),
    last_12_months(dt.date(2026, 11, 22)),
    Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
]
AS_OF = [None, dt.date(2024, 3, 15), dt.date(2025, 6, 30), dt.date(2026, 2, 1)]


@pytest.fixture
def areas(db: None) -> list[int]:
    return [load_area(name=f"Random area {seed}", plans=300, seed=seed) for seed in (0.1, 0.7)]


def figures(rows: object, period: Period) -> dict[str, tuple[object, object, object]]:
    found = {}
    for code, indicator in INDICATORS.items():
        value = indicator.formula(rows, period)  # type: ignore[arg-type]
        found[code] = (value.value, value.numerator, value.denominator)
    return found


def test_summarised_rows_give_the_same_figures(areas: list[int]) -> None:
    for la, period, as_of in itertools.product(areas, PERIODS, AS_OF):
        one_by_one = measure_rows(local_authority_id=la, period=period, as_of=as_of)
        summarised = measure_rows(
            local_authority_id=la, period=period, as_of=as_of, summarised=True
        )
        assert figures(summarised, period) == figures(one_by_one, period)


def test_summarised_rows_are_fewer_and_weighted(areas: list[int]) -> None:
    period = period_for_year(2025)
    one_by_one = measure_rows(local_authority_id=areas[0], period=period)
    summarised = measure_rows(local_authority_id=areas[0], period=period, summarised=True)
    assert len(summarised.plans) < len(one_by_one.plans) / 2
    assert len(summarised.cases) < len(one_by_one.cases) / 2
    assert sum(row.weight for row in summarised.plans) == len(one_by_one.plans)
    assert any(row.weight > 1 for row in summarised.cases)
