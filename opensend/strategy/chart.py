"""The success-measure chart: the indicator's snapshots against the trajectory from
baseline to target, with England, region and statistical neighbours as flat lines.

Built like the measures' charts (opensend/measures/dashboard/chart.py, ADR 0010): SVG
from the server, role="img" with a title and a description, and the same numbers in a
table beside it on the page. Each element carries its class (measures.css, strategy.css)
and its colours as SVG presentation attributes (fill, stroke: attributes, not inline
styles, so the CSP allows them): the board pack's PDF (WeasyPrint) applies only part of
the stylesheet, and the attributes make it draw the chart as the page does. Unlike the
dashboard's trend it is drawn against dates, because the trajectory runs to a target
date beyond the last figure.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

from opensend.core.formatting import govuk_date
from opensend.measures.dashboard.chart import HEIGHT, WIDTH, nice_ceiling
from opensend.strategy.trajectory import Point, Trajectory

LEFT, RIGHT, TOP, BOTTOM = 56, 24, 16, 48
BLACK, GREY, MID_GREY, BLUE, GREEN = "#0b0c0c", "#b1b4b6", "#505a5f", "#1d70b8", "#00703c"
FONT = 'font-family="arial, sans-serif"'
# The colours of measures.css and strategy.css, as attributes (see above).
PAINT = {
    "opensend-chart__grid": f'stroke="{GREY}" stroke-width="1"',
    "opensend-chart__tick": f'fill="{BLACK}" {FONT} font-size="14"',
    "opensend-chart__label": f'fill="{BLACK}" {FONT} font-size="14"',
    "opensend-chart__line": f'fill="none" stroke="{BLUE}" stroke-width="3"',
    "opensend-chart__point": f'fill="{BLUE}" stroke="{BLUE}"',
    "strategy-chart__trajectory": f'stroke="{BLACK}" stroke-width="2" stroke-dasharray="8 6"',
    "strategy-chart__baseline": f'fill="{BLACK}"',
    "strategy-chart__target": f'fill="{GREEN}"',
    "strategy-chart__reference": f'stroke="{MID_GREY}" stroke-width="1.5" stroke-dasharray="2 4"',
    "strategy-chart__reference-label": f'fill="{MID_GREY}" {FONT} font-size="13"',
}


def _painted(name: str) -> str:
    """The class attribute and the colours of an element of the chart."""
    return f'class="{name}" {PAINT[name]}'


@dataclass(frozen=True)
class Reference:
    """A published comparator drawn as a flat line: "England 52.1"."""

    name: str
    value: Decimal


@dataclass(frozen=True)
class Frame:
    first: dt.date
    last: dt.date
    top: Decimal

    def x(self, day: dt.date) -> float:
        span = max((self.last - self.first).days, 1)
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span

    def y(self, value: Decimal) -> float:
        plot = HEIGHT - TOP - BOTTOM
        return HEIGHT - BOTTOM - plot * float(max(value, Decimal(0)) / self.top)


def _number(value: Decimal) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _frame_for(
    series: Sequence[Point], trajectory: Trajectory, references: Sequence[Reference], suffix: str
) -> Frame:
    days = [p.on for p in series] + [trajectory.baseline.on, trajectory.target.on]
    values = [p.value for p in series] + [trajectory.baseline.value, trajectory.target.value]
    values += [r.value for r in references]
    top = Decimal(100) if suffix == "%" else nice_ceiling(max(values))
    return Frame(min(days), max(days), top)


def _axes(frame: Frame, suffix: str) -> list[str]:
    parts = []
    for index in range(5):
        tick = frame.top * index / 4
        y = frame.y(tick)
        parts.append(
            f'<line {_painted("opensend-chart__grid")} x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/><text {_painted("opensend-chart__tick")} x="{LEFT - 6}" '
            f'y="{y + 4:.1f}" text-anchor="end">{escape(_number(tick) + suffix)}</text>'
        )
    for day, anchor in ((frame.first, "start"), (frame.last, "end")):
        parts.append(
            f'<text {_painted("opensend-chart__label")} x="{frame.x(day):.1f}" '
            f'y="{HEIGHT - BOTTOM + 24}" text-anchor="{anchor}">{escape(govuk_date(day))}</text>'
        )
    return parts


def _references(frame: Frame, references: Sequence[Reference]) -> list[str]:
    parts = []
    for reference in references:
        y = frame.y(reference.value)
        parts.append(
            f'<line {_painted("strategy-chart__reference")} x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/><text {_painted("strategy-chart__reference-label")} '
            f'x="{WIDTH - RIGHT}" y="{y - 4:.1f}" text-anchor="end">'
            f"{escape(reference.name)}</text>"
        )
    return parts


def _trajectory(frame: Frame, trajectory: Trajectory) -> list[str]:
    start, end = trajectory.baseline, trajectory.target
    x1, y1, x2, y2 = frame.x(start.on), frame.y(start.value), frame.x(end.on), frame.y(end.value)
    return [
        f'<line {_painted("strategy-chart__trajectory")} x1="{x1:.1f}" y1="{y1:.1f}" '
        f'x2="{x2:.1f}" y2="{y2:.1f}"/>',
        f'<rect {_painted("strategy-chart__baseline")} x="{x1 - 5:.1f}" y="{y1 - 5:.1f}" '
        'width="10" height="10"/>',
        f'<polygon {_painted("strategy-chart__target")} points="{x2:.1f},{y2 - 7:.1f} '
        f'{x2 + 7:.1f},{y2:.1f} {x2:.1f},{y2 + 7:.1f} {x2 - 7:.1f},{y2:.1f}"/>',
    ]


def _actuals(frame: Frame, series: Sequence[Point]) -> list[str]:
    coordinates = [(frame.x(p.on), frame.y(p.value)) for p in sorted(series, key=lambda p: p.on)]
    parts = []
    if len(coordinates) > 1:
        joined = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        parts.append(f'<polyline {_painted("opensend-chart__line")} points="{joined}"/>')
    parts += [
        f'<circle {_painted("opensend-chart__point")} cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
        for x, y in coordinates
    ]
    return parts


def trajectory_chart(
    *,
    series: Sequence[Point],
    trajectory: Trajectory,
    references: Sequence[Reference] = (),
    chart_id: str,
    title: str,
    desc: str,
    suffix: str = "",
) -> Markup:
    frame = _frame_for(series, trajectory, references, suffix)
    body = _axes(frame, suffix) + _references(frame, references)
    body += _trajectory(frame, trajectory) + _actuals(frame, series)
    return Markup(  # noqa: S704 (every text in it is escaped above)
        f'<svg class="opensend-chart strategy-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-title">{escape(title)}'
        f'</title><desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )
