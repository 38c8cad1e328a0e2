"""The one trajectory reader (strategy/readings.py measure_trajectory, measure_baseline),
which the plan, action and measure pages and the board pack all read through, and the
chart's colours written as attributes so the pack's PDF draws it as the page does."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from opensend.strategy.board.pack import board_pack
from opensend.strategy.board.services import board_meeting_create
from opensend.strategy.chart import trajectory_chart
from opensend.strategy.models import BaselineSource, Direction, MeasureKind, SuccessMeasure
from opensend.strategy.readings import measure_baseline, measure_reading, measure_trajectory
from opensend.strategy.trajectory import Course, Point, Trajectory

D = Decimal
JAN_2026, JAN_2027 = dt.date(2026, 1, 1), dt.date(2027, 1, 1)
BASELINE = Point(JAN_2026, D("40"))


def _measure(**fields: object) -> SuccessMeasure:
    """An unsaved measure linked to an indicator: 40 on 1 Jan 2026 to 80 by 1 Jan 2027."""
    values = {
        "kind": MeasureKind.INDICATOR, "baseline_source": BaselineSource.TYPED,
        "baseline_value": D("40"), "baseline_date": JAN_2026, "target_value": D("80"),
        "target_date": JAN_2027, "direction": Direction.HIGHER_IS_BETTER, **fields,
    }  # fmt: skip
    return SuccessMeasure(**values)


@pytest.mark.parametrize(
    ("fields", "baseline", "expected"),
    [
        ({}, BASELINE, Trajectory(BASELINE, Point(JAN_2027, D("80")), higher_is_better=True)),
        ({"direction": Direction.LOWER_IS_BETTER, "target_value": D("20")}, BASELINE,
         Trajectory(BASELINE, Point(JAN_2027, D("20")), higher_is_better=False)),
        ({}, None, None),  # no figure on the baseline date
        ({"target_value": None}, BASELINE, None),
        ({"target_date": None}, BASELINE, None),
        ({"direction": ""}, BASELINE, None),  # never guessed
    ],
)  # fmt: skip
def test_the_trajectory_runs_from_the_baseline_to_the_target(fields, baseline, expected):
    assert measure_trajectory(_measure(**fields), baseline) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, BASELINE),  # typed, with its source
        ({"baseline_source": ""}, BASELINE),  # typed before the source was asked
        ({"baseline_source": BaselineSource.TYPED, "baseline_value": None}, None),
        ({"baseline_date": None}, None),
    ],
)
def test_a_typed_baseline_is_read_without_the_snapshots(fields, expected):
    assert measure_baseline(_measure(**fields)) == expected


def test_the_pack_reads_each_measure_as_its_page_does(plan, sam):
    """Northshire's plan (tests/strategy/plan_world.py) at a board on 27 November 2026: one
    measure behind its trajectory (typed baseline), one on course (snapshot baseline)."""
    day = dt.date(2026, 11, 27)
    meeting = board_meeting_create(strategy=plan.strategy, held_on=day, title="Board", actor=sam)
    pack = board_pack(meeting)
    read = [measure_reading(m, today=day) for m in (plan.timeliness, plan.reviews)]
    assert [r.course for r in read] == [Course.BEHIND, Course.ON_COURSE]
    assert [(m.title, m.course, m.latest, m.expected) for m in pack.measures] == [
        ("80% of plans within 20 weeks", "Behind trajectory", "45.0%", "72.9%"),
        ("70% of reviews on time", "On course", "69.0%", "68.1%"),
    ]
    assert all(m.chart and "strategy-chart__trajectory" in m.chart for m in pack.measures)


def test_every_mark_of_the_chart_carries_its_colours():
    """WeasyPrint applies only part of the stylesheet: without fill and stroke attributes
    the points, line and target came out black in the PDF."""
    series = [Point(dt.date(2026, month, 28), D(40 + month)) for month in range(1, 5)]
    svg = trajectory_chart(
        series=series, trajectory=measure_trajectory(_measure(), BASELINE),
        chart_id="c", title="t", desc="d", suffix="%",
    )  # fmt: skip
    marks = re.findall(r"<(line|polyline|circle|rect|polygon|text) ([^>]*)>", svg)
    assert {kind for kind, _ in marks} == {"line", "polyline", "circle", "rect", "polygon", "text"}
    for kind, attributes in marks:
        assert re.search(r'\b(fill|stroke)="#[0-9a-f]{6}"', attributes), (kind, attributes)
    assert 'class="opensend-chart__point" fill="#1d70b8"' in svg
    assert 'class="opensend-chart__line" fill="none" stroke="#1d70b8"' in svg
    assert 'class="strategy-chart__target" fill="#00703c"' in svg
