"""Where each success measure stands, from the measures' snapshots (read, never written).

The series is the indicator's monthly snapshots (measures.snapshots.selectors); the
baseline is typed with its source, or read from the last snapshot taken on or before the
baseline date (the figure the partnership saw that day). The course is worked out by the
pure strategy/trajectory.py.
"""

import datetime as dt
from dataclasses import dataclass

from opensend.measures.snapshots.selectors import SnapshotPoint, snapshot_as_of, snapshot_series
from opensend.statutory.indicators import INDICATORS
from opensend.strategy.models import BaselineSource, Direction, MeasureKind, SuccessMeasure
from opensend.strategy.trajectory import Course, Point, Reading, Trajectory, reading_on

MAX_MONTHS = 120  # a ten-year plan at most


@dataclass(frozen=True)
class MeasureReading:
    measure: SuccessMeasure
    series: list[Point]
    baseline: Point | None
    trajectory: Trajectory | None
    reading: Reading | None
    missing: str  # why there is no reading ("" when there is one)

    @property
    def course(self) -> Course | None:
        return None if self.reading is None else self.reading.course


def indicator_name(code: str) -> str:
    indicator = INDICATORS.get(code)
    return indicator.name if indicator else code


def unit_suffix(code: str) -> str:
    indicator = INDICATORS.get(code)
    return "%" if indicator is not None and indicator.unit == "percent" else ""


def _months(first: dt.date, last: dt.date) -> int:
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return max(1, min(months, MAX_MONTHS))


def measure_series(measure: SuccessMeasure, *, until: dt.date) -> list[Point]:
    """The indicator's monthly snapshots from the baseline's month (or a year back) on."""
    first = measure.baseline_date or until.replace(year=until.year - 1)
    points = snapshot_series(
        local_authority_id=measure.strategy.local_authority_id,
        code=measure.indicator_code,
        breakdown=measure.breakdown or None,
        group=measure.group or None,
        months=_months(first, until),
        period_kind=measure.period_kind,
        until=until,
    )
    return [Point(p.taken_on, p.value) for p in points if p.value is not None]


def measure_baseline(measure: SuccessMeasure) -> Point | None:
    """The typed baseline, or the snapshot's figure as it stood on the baseline date. A
    value typed without its source (a measure made before the source was asked) counts as
    typed; a snapshot baseline ignores any value typed."""
    if measure.baseline_date is None:
        return None
    if measure.baseline_source != BaselineSource.SNAPSHOT and measure.baseline_value is not None:
        return Point(measure.baseline_date, measure.baseline_value)
    if measure.baseline_source == BaselineSource.TYPED:
        return None
    point = baseline_snapshot(measure)
    return None if point is None else Point(measure.baseline_date, point.value)  # type: ignore[arg-type]


def baseline_snapshot(measure: SuccessMeasure) -> SnapshotPoint | None:
    """The measure's figure (with its counts) as stored on its baseline date, if any."""
    if measure.baseline_date is None:
        return None
    found = snapshot_as_of(
        local_authority_id=measure.strategy.local_authority_id,
        on=measure.baseline_date,
        code=measure.indicator_code,
        breakdown=measure.breakdown or None,
        period_kind=measure.period_kind,
    )
    return next((p for p in found if p.group == measure.group and p.value is not None), None)


def measure_trajectory(measure: SuccessMeasure, baseline: Point | None) -> Trajectory | None:
    """The straight line from the baseline to the target, in the measure's direction of
    good; None while the baseline, the target or the direction is missing. The one
    trajectory reader of the plan, action, measure and board pack pages."""
    if baseline is None or measure.target_value is None or measure.target_date is None:
        return None
    if not measure.direction:
        return None
    return Trajectory(
        baseline,
        Point(measure.target_date, measure.target_value),
        higher_is_better=measure.direction == Direction.HIGHER_IS_BETTER,
    )


def _missing(measure: SuccessMeasure, baseline: Point | None) -> str:
    if baseline is None:
        return "No baseline: no figure was stored on or before the baseline date"
    if measure.target_value is None or measure.target_date is None:
        return "No target set"
    return "No direction of good set"


def measure_reading(measure: SuccessMeasure, *, today: dt.date) -> MeasureReading | None:
    """The reading of a measure linked to an indicator on ``today`` (a meeting's day for
    the board pack), from the figures stored up to that day; None for a qualitative one."""
    if measure.kind != MeasureKind.INDICATOR:
        return None
    series = measure_series(measure, until=today)
    baseline = measure_baseline(measure)
    trajectory = measure_trajectory(measure, baseline)
    if trajectory is None:
        return MeasureReading(measure, series, baseline, None, None, _missing(measure, baseline))
    reading = reading_on(trajectory, series, today)
    return MeasureReading(measure, series, baseline, trajectory, reading, "")
