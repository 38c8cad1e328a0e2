"""The SQL engine gives exactly the Python engine's IndicatorValues (the pure formulas are
the specification), for every indicator, period, breakdown and as_of, over random areas
loaded by the benchmark's seeded loader (docs/measures-sql.md)."""

import contextlib
import datetime as dt
import io
from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.measures_loader import load_area
from opensend.measures.live import BREAKDOWNS, live_figures, period_for_year
from opensend.measures.live.drilldown import _refs
from opensend.measures.live.facts import facts_rebuild
from opensend.measures.live.people import groups_of
from opensend.measures.live.periods import last_12_months
from opensend.measures.live.sql import case_ids_behind, sql_figures, sql_figures_every_breakdown
from opensend.statutory.indicators import INDICATORS, Period

BREAKDOWN_KEYS = [None, *BREAKDOWNS]
DAYS = st.dates(min_value=dt.date(2023, 6, 1), max_value=dt.date(2027, 1, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(DAYS)
    length = draw(st.sampled_from([0, 30, 91, 364, 400]))
    return Period(start, start + dt.timedelta(days=length))


def values(figures: list) -> list[tuple[str, str | None, object, object, object]]:
    return [
        (f.code, f.group, f.value.value, f.value.numerator, f.value.denominator) for f in figures
    ]


def assert_same(la: int, period: Period, as_of: dt.date | None, breakdown: str | None) -> None:
    args = {"local_authority_id": la, "period": period, "as_of": as_of, "breakdown": breakdown}
    expected = values(live_figures(**args))  # type: ignore[arg-type]
    found = values(sql_figures(**args))  # type: ignore[arg-type]
    assert found == expected, [(f, e) for f, e in zip(found, expected, strict=True) if f != e][:5]


@contextlib.contextmanager
def random_area(seed: float, plans: int) -> Iterator[int]:
    """An area loaded and projected inside a transaction that is rolled back after."""
    with transaction.atomic():
        with contextlib.redirect_stdout(io.StringIO()):
            la = load_area(name=f"Random area {seed}", plans=plans, seed=seed)
        facts_rebuild(local_authority_id=la)
        yield la
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(
    seed=st.floats(min_value=-1, max_value=1),
    plans=st.integers(min_value=0, max_value=60),
    period=periods(),
    as_of=st.one_of(st.none(), DAYS),
    breakdown=st.sampled_from(BREAKDOWN_KEYS),
)
def test_sql_engine_equals_the_formulas_on_random_areas(
    seed: float, plans: int, period: Period, as_of: dt.date | None, breakdown: str | None
) -> None:
    with random_area(seed, plans) as la:
        assert_same(la, period, as_of, breakdown)
        assert_same(la, period, as_of, None if breakdown else "setting")


STANDARD_PERIODS = [
    period_for_year(2025),
    period_for_year(2026),
    last_12_months(dt.date(2026, 11, 22)),
    Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
]


def as_of_days(period: Period) -> list[dt.date | None]:
    return [None, dt.date(2025, 6, 30), period.end - dt.timedelta(days=10)]


def standard_cases() -> dict[tuple[Period, dt.date | None], list[str | None]]:
    """The breakdowns checked for each standard period and as_of day: each breakdown (and
    the whole area) over every period, with one of its three as_of days in turn, so every
    period meets every as_of day (28 checks against the formulas, not 84)."""
    return {
        (period, as_of): [key for b, key in enumerate(BREAKDOWN_KEYS) if (p + a + b) % 3 == 0]
        for p, period in enumerate(STANDARD_PERIODS)
        for a, as_of in enumerate(as_of_days(period))
    }


def test_the_standard_cases_cover_every_breakdown_period_and_as_of() -> None:
    cases = standard_cases()
    assert len(cases) == len(STANDARD_PERIODS) * 3 and all(cases.values())
    for key in BREAKDOWN_KEYS:
        assert {period for (period, _), keys in cases.items() if key in keys} == set(
            STANDARD_PERIODS
        )


@pytest.mark.django_db
def test_every_breakdown_standard_periods_and_as_of() -> None:
    """One 400-plan area, loaded once: each period and as_of counted in one statement for
    every breakdown; the breakdowns of standard_cases() checked against the formulas (and
    against sql_figures, which counts one breakdown)."""
    with random_area(0.3, 400) as la:
        for (period, as_of), keys in standard_cases().items():
            args = {"local_authority_id": la, "period": period, "as_of": as_of}
            every = sql_figures_every_breakdown(**args)  # type: ignore[arg-type]
            for key in keys:
                expected = values(live_figures(**args, breakdown=key))  # type: ignore[arg-type]
                assert values(every[key]) == expected, (period, as_of, key)
                assert values(sql_figures(**args, breakdown=key)) == expected  # type: ignore[arg-type]


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(
    seed=st.floats(min_value=-1, max_value=1),
    period=periods(),
    code=st.sampled_from(list(INDICATORS)),
    part=st.sampled_from(["numerator", "denominator"]),
    breakdown=st.sampled_from(BREAKDOWN_KEYS),
)
def test_the_drill_down_reads_the_cases_the_formula_counted(
    seed: float, period: Period, code: str, part: str, breakdown: str | None
) -> None:
    with random_area(seed, 40) as la:
        groups = {None} if breakdown is None else set(groups_of(la, breakdown, period).values())
        for group in groups:
            expected = _refs(la, code, period, breakdown, group, part)  # type: ignore[arg-type]
            found = case_ids_behind(
                local_authority_id=la, code=code, period=period, part=part,
                breakdown=breakdown, group=group,
            )  # fmt: skip
            assert found == expected, (group, found ^ expected)


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(
    seed=st.floats(min_value=-1, max_value=1),
    plans=st.integers(min_value=0, max_value=60),
    period=periods(),
    as_of=st.one_of(st.none(), DAYS),
)
def test_every_breakdown_in_one_statement_equals_the_formulas(
    seed: float, plans: int, period: Period, as_of: dt.date | None
) -> None:
    with random_area(seed, plans) as la:
        args = {"local_authority_id": la, "period": period, "as_of": as_of}
        with CaptureQueriesContext(connection) as queries:
            every = sql_figures_every_breakdown(**args)  # type: ignore[arg-type]
        counting = [q for q in queries.captured_queries if "GROUPING SETS" in q["sql"]]
        assert len(counting) == 1  # the whole area and every breakdown in one statement
        assert list(every) == [None, *BREAKDOWNS]
        for breakdown, figures in every.items():
            expected = values(live_figures(**args, breakdown=breakdown))  # type: ignore[arg-type]
            assert values(figures) == expected, breakdown
