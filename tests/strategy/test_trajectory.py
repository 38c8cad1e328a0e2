"""The trajectory rule (strategy/trajectory.py): hand-worked examples, then properties."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.strategy.trajectory import (
    Course,
    Point,
    Trajectory,
    expected_on,
    latest_on,
    reading_on,
)

D = Decimal
JAN_2026 = dt.date(2026, 1, 1)
JAN_2027 = dt.date(2027, 1, 1)
# 40% of plans issued in 20 weeks at the start of 2026, 60% by the start of 2027:
# tolerance = a tenth of 20 points = 2 points.
RISING = Trajectory(Point(JAN_2026, D("40")), Point(JAN_2027, D("60")), higher_is_better=True)
# 300 open complaints down to 200: tolerance 10.
FALLING = Trajectory(Point(JAN_2026, D("300")), Point(JAN_2027, D("200")), higher_is_better=False)
# Keep it at 95 (no journey): tolerance never below half a unit.
HOLD = Trajectory(Point(JAN_2026, D("95")), Point(JAN_2027, D("95")), higher_is_better=True)

HALF_WAY = dt.date(2026, 7, 2)  # 182 of 365 days


@pytest.mark.parametrize(
    ("trajectory", "taken_on", "actual", "course", "expected_at_latest"),
    [
        (RISING, HALF_WAY, "49.9", Course.ON_COURSE, "49.97"),
        (RISING, HALF_WAY, "52.0", Course.AHEAD, "49.97"),
        (RISING, HALF_WAY, "47.9", Course.BEHIND, "49.97"),
        (RISING, HALF_WAY, "48.0", Course.ON_COURSE, "49.97"),
        (RISING, JAN_2026, "40", Course.ON_COURSE, "40"),
        (RISING, dt.date(2027, 6, 1), "57.9", Course.BEHIND, "60"),  # past the target date
        (RISING, dt.date(2025, 6, 1), "35", Course.BEHIND, "40"),  # before the baseline
        (FALLING, HALF_WAY, "262", Course.BEHIND, "250.14"),
        (FALLING, HALF_WAY, "239", Course.AHEAD, "250.14"),
        (FALLING, HALF_WAY, "255", Course.ON_COURSE, "250.14"),
        (HOLD, HALF_WAY, "94.5", Course.ON_COURSE, "95"),
        (HOLD, HALF_WAY, "94.4", Course.BEHIND, "95"),
        (HOLD, HALF_WAY, "95.6", Course.AHEAD, "95"),
    ],
)
def test_hand_worked_examples(trajectory, taken_on, actual, course, expected_at_latest):
    series = [Point(taken_on, D(actual))]
    reading = reading_on(trajectory, series, taken_on + dt.timedelta(days=20))
    assert reading.course == course
    assert reading.latest == series[0]
    assert round(reading.expected_at_latest, 2) == D(expected_at_latest)


def test_the_latest_figure_is_judged_against_the_line_on_its_own_day():
    # 45 on 1 April is on course then (expected 44.9); on 1 December the line says 58,
    # but the figure is still April's: it stays on course, and the reading says its date.
    series = [Point(dt.date(2026, 2, 1), D("30")), Point(dt.date(2026, 4, 1), D("45"))]
    reading = reading_on(RISING, series, dt.date(2026, 12, 1))
    assert reading.course == Course.ON_COURSE
    assert reading.latest == series[1]
    assert round(reading.expected, 1) == D("58.3")


def test_no_figure_on_or_before_the_day_is_no_data():
    series = [Point(dt.date(2026, 3, 1), D("50"))]
    reading = reading_on(RISING, series, dt.date(2026, 2, 28))
    assert reading.course == Course.NO_DATA and reading.latest is None
    assert reading.words == "No figures yet"


def test_latest_on_ignores_order_and_later_figures():
    points = [Point(dt.date(2026, m, 1), D(m)) for m in (5, 1, 3, 9)]
    assert latest_on(points, dt.date(2026, 4, 30)) == Point(dt.date(2026, 3, 1), D(3))


# --- properties -------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=3650)
# Figures keep one decimal place (measures.IndicatorSnapshot.value): tenths, drawn as integers.
values = st.integers(min_value=-10_000, max_value=10_000).map(lambda tenths: D(tenths) / 10)
improvements = st.integers(min_value=0, max_value=5_000).map(lambda tenths: D(tenths) / 10)
# The suite shares two cores with other work: judge the properties, not the machine's speed.
shared_machine = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def trajectories(draw):
    start = dt.date(2024, 1, 1) + dt.timedelta(days=draw(days))
    end = start + dt.timedelta(days=draw(st.integers(min_value=1, max_value=3650)))
    return Trajectory(Point(start, draw(values)), Point(end, draw(values)), draw(st.booleans()))


def _day(trajectory, offset):
    return trajectory.baseline.on + dt.timedelta(days=offset - 400)


@shared_machine
@given(trajectories())
def test_the_line_passes_through_baseline_and_target(trajectory):
    assert expected_on(trajectory, trajectory.baseline.on) == trajectory.baseline.value
    assert expected_on(trajectory, trajectory.target.on) == trajectory.target.value


@shared_machine
@given(trajectories(), days, days)
def test_the_line_stays_between_baseline_and_target_and_moves_one_way(trajectory, a, b):
    low = min(trajectory.baseline.value, trajectory.target.value)
    high = max(trajectory.baseline.value, trajectory.target.value)
    first, second = sorted((_day(trajectory, a), _day(trajectory, b)))
    before, after = expected_on(trajectory, first), expected_on(trajectory, second)
    assert low <= before <= high and low <= after <= high
    rising = trajectory.target.value >= trajectory.baseline.value
    assert (after >= before) if rising else (after <= before)


@shared_machine
@given(trajectories(), days)
def test_a_figure_on_the_line_is_on_course(trajectory, offset):
    day = _day(trajectory, offset)
    on_line = Point(day, expected_on(trajectory, day))
    assert reading_on(trajectory, [on_line], day).course == Course.ON_COURSE


RANK = {Course.BEHIND: 0, Course.ON_COURSE: 1, Course.AHEAD: 2}


@shared_machine
@given(trajectories(), days, values, improvements)
def test_a_better_figure_never_reads_worse(trajectory, offset, actual, improvement):
    day = _day(trajectory, offset)
    better = actual + improvement if trajectory.higher_is_better else actual - improvement
    worse_reading = reading_on(trajectory, [Point(day, actual)], day)
    better_reading = reading_on(trajectory, [Point(day, better)], day)
    assert RANK[better_reading.course] >= RANK[worse_reading.course]


@shared_machine
@given(trajectories(), days, values)
def test_mirroring_the_direction_mirrors_the_course(trajectory, offset, actual):
    def mirror(point):
        return Point(point.on, -point.value)

    mirrored = Trajectory(
        mirror(trajectory.baseline), mirror(trajectory.target), not trajectory.higher_is_better
    )
    day = _day(trajectory, offset)
    assert (
        reading_on(trajectory, [Point(day, actual)], day).course
        == reading_on(mirrored, [Point(day, -actual)], day).course
    )


@shared_machine
@given(trajectories(), days, values)
def test_the_tolerance_is_never_below_half_a_unit(trajectory, offset, actual):
    reading = reading_on(trajectory, [Point(_day(trajectory, offset), actual)], dt.date(2040, 1, 1))
    assert reading.tolerance >= D("0.5")
