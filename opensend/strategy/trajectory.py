"""Is a success measure on course? Pure Python, no Django (ADR 0031, docs/strategy.md).

The trajectory is the straight line from the baseline (date, value) to the target (date,
value). On any day the *expected* value is that line's value (the baseline before the
baseline date, the target after the target date). The *latest actual* is the last snapshot
taken on or before the day; it is compared with the line's value on the day it was taken,
not with the day asked about, so a figure a month old is not judged against today's line.

Tolerance: a figure counts as on course when it is within ``tolerance`` of the line, where
the tolerance is a tenth of the whole journey from baseline to target
(``TOLERANCE_SHARE``), and never less than half a unit of the figure (``MIN_TOLERANCE``:
the snapshots keep one decimal place, so a smaller band would call rounding "behind").
Better than the line by more than the tolerance is *ahead*; worse by more is *behind*.
"Better" follows the measure's direction: higher is better, or lower is better.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

TOLERANCE_SHARE = Decimal("0.1")
MIN_TOLERANCE = Decimal("0.5")


class Course(StrEnum):
    AHEAD = "ahead"
    ON_COURSE = "on_course"
    BEHIND = "behind"
    NO_DATA = "no_data"


COURSE_WORDS = {
    Course.AHEAD: "Ahead of trajectory",
    Course.ON_COURSE: "On course",
    Course.BEHIND: "Behind trajectory",
    Course.NO_DATA: "No figures yet",
}


@dataclass(frozen=True)
class Point:
    on: dt.date
    value: Decimal


@dataclass(frozen=True)
class Trajectory:
    baseline: Point
    target: Point
    higher_is_better: bool

    @property
    def tolerance(self) -> Decimal:
        journey = abs(self.target.value - self.baseline.value)
        return max(journey * TOLERANCE_SHARE, MIN_TOLERANCE)


@dataclass(frozen=True)
class Reading:
    """The answer for one day: the course, the line's value that day, the latest figure."""

    day: dt.date
    course: Course
    expected: Decimal
    latest: Point | None
    expected_at_latest: Decimal | None
    tolerance: Decimal

    @property
    def words(self) -> str:
        return COURSE_WORDS[self.course]


def expected_on(trajectory: Trajectory, day: dt.date) -> Decimal:
    """The trajectory's value on ``day``: a straight line, flat outside its dates."""
    start, end = trajectory.baseline, trajectory.target
    if day >= end.on:
        return end.value
    if day <= start.on:
        return start.value
    share = Decimal((day - start.on).days) / Decimal((end.on - start.on).days)
    return start.value + (end.value - start.value) * share


def latest_on(series: Iterable[Point], day: dt.date) -> Point | None:
    """The last figure taken on or before ``day`` (the series in any order)."""
    taken = [point for point in series if point.on <= day]
    return max(taken, key=lambda point: point.on) if taken else None


def better_by(trajectory: Trajectory, actual: Decimal, expected: Decimal) -> Decimal:
    """How much better than expected the actual is (negative: worse)."""
    return actual - expected if trajectory.higher_is_better else expected - actual


def course_of(trajectory: Trajectory, actual: Decimal, expected: Decimal) -> Course:
    margin = better_by(trajectory, actual, expected)
    if margin > trajectory.tolerance:
        return Course.AHEAD
    if margin < -trajectory.tolerance:
        return Course.BEHIND
    return Course.ON_COURSE


def reading_on(trajectory: Trajectory, series: Iterable[Point], day: dt.date) -> Reading:
    """Where the measure stands on ``day`` against its trajectory."""
    latest = latest_on(series, day)
    expected = expected_on(trajectory, day)
    if latest is None:
        return Reading(day, Course.NO_DATA, expected, None, None, trajectory.tolerance)
    at_latest = expected_on(trajectory, latest.on)
    course = course_of(trajectory, latest.value, at_latest)
    return Reading(day, course, expected, latest, at_latest, trajectory.tolerance)
