"""The success-measure page: the indicator's snapshots against the trajectory and target,
with England, region and statistical neighbours where the DfE publishes them (read
through the measures dashboard's comparators, never recomputed here)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from opensend.core.formatting import govuk_date
from opensend.measures.dashboard.presenters import Comparators
from opensend.measures.dashboard.sources import comparators
from opensend.strategy.chart import Reference, trajectory_chart
from opensend.strategy.models import SuccessMeasure
from opensend.strategy.readings import (
    MeasureReading,
    indicator_name,
    measure_reading,
    unit_suffix,
)
from opensend.strategy.trajectory import expected_on


@dataclass(frozen=True)
class TableRow:
    day: dt.date
    actual: Decimal | None
    expected: Decimal | None


def _text(value: Decimal | None, suffix: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text}{suffix}"


def _comparators(measure: SuccessMeasure, day: dt.date) -> Comparators:
    area = measure.strategy.local_authority.ons_code
    if not area or measure.breakdown:  # published figures are for the whole area only
        return Comparators()
    return comparators(code=measure.indicator_code, area_code=area, year=day.year)


def _references(found: Comparators) -> list[Reference]:
    return [Reference(line.name, line.value) for line in found.lines if line.value is not None]


def _rows(found: MeasureReading) -> list[TableRow]:
    trajectory = found.trajectory
    return [
        TableRow(p.on, p.value, expected_on(trajectory, p.on) if trajectory else None)
        for p in found.series
    ]


def _chart(found: MeasureReading, published: Comparators, suffix: str) -> Any:
    trajectory = found.trajectory
    if trajectory is None:
        return None
    name = indicator_name(found.measure.indicator_code)
    reading = found.reading
    desc = (
        f"{name}: from {_text(trajectory.baseline.value, suffix)} on "
        f"{govuk_date(trajectory.baseline.on)} to a target of "
        f"{_text(trajectory.target.value, suffix)} by {govuk_date(trajectory.target.on)}. "
        f"{reading.words if reading else ''}. The table below has the same figures."
    )
    return trajectory_chart(
        series=found.series,
        trajectory=trajectory,
        references=_references(published),
        chart_id=f"measure-{found.measure.pk}",
        title=f"{name} against its trajectory",
        desc=desc,
        suffix=suffix,
    )


def measure_context(measure: SuccessMeasure, day: dt.date) -> dict[str, Any]:
    found = measure_reading(measure, today=day)
    suffix = unit_suffix(measure.indicator_code)
    published = _comparators(measure, day) if found else Comparators()
    return {
        "measure": measure,
        "found": found,
        "indicator": indicator_name(measure.indicator_code) if measure.indicator_code else "",
        "chart": _chart(found, published, suffix) if found else None,
        "rows": _rows(found) if found else [],
        "published": published,
        "suffix": suffix,
        "number": lambda value: _text(value, suffix),
        "today": day,
    }
