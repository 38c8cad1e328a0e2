"""Server-rendered SVG charts: bars, a line and a sparkline, in pure Python.

No JavaScript and nothing inline the Content-Security-Policy would block: every colour
and size comes from classes in measures/measures.css. Each chart is an <svg role="img">
with a <title> and <desc>; the page always shows the same numbers in a table beside it
(docs/adr/0010-server-rendered-svg-charts.md). Values are escaped: labels come from data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 64
SPARK_WIDTH, SPARK_HEIGHT = 120, 32


@dataclass(frozen=True)
class ChartPoint:
    """One bar or point: its label, its number (None: nothing to show) and its text."""

    label: str
    value: Decimal | None
    display: str


def nice_ceiling(largest: Decimal) -> Decimal:
    """The top of the axis: 1, 2, 2.5 or 5 times a power of ten, at or above `largest`."""
    if largest <= 0:
        return Decimal(1)
    power = Decimal(10) ** (largest.adjusted())
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if largest <= power * step:
            return power * step
    return power * 10  # pragma: no cover (10 always fits)


def _number(value: Decimal) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _axis(top: Decimal, unit_suffix: str) -> list[str]:
    plot_height = HEIGHT - TOP - BOTTOM
    parts = []
    for index in range(5):
        tick = top * index / 4
        y = HEIGHT - BOTTOM - plot_height * index / 4
        parts.append(
            f'<line class="opensend-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="opensend-chart__tick" x="{LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{escape(_number(tick) + unit_suffix)}</text>'
        )
    return parts


def _y(value: Decimal, top: Decimal) -> float:
    plot_height = HEIGHT - TOP - BOTTOM
    return float(HEIGHT - BOTTOM - plot_height * float(value / top))


def _frame(chart_id: str, title: str, desc: str, body: Sequence[str], css: str) -> Markup:
    return Markup(  # noqa: S704 (every text in it is escaped above)
        f'<svg class="opensend-chart {css}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def short_label(label: str, slot: float) -> str:
    """A label that fits under its bar (about 7 pixels a character); the table has it whole."""
    fits = max(4, int(slot / 7.5))
    return label if len(label) <= fits else label[: fits - 1].rstrip() + "…"


def _labels(points: Sequence[ChartPoint], slot: float) -> list[str]:
    every = max(1, len(points) // 12)  # at most about 12 labels along the bottom
    return [
        f'<text class="opensend-chart__label" x="{LEFT + slot * (i + 0.5):.1f}" '
        f'y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">'
        f"{escape(short_label(point.label, slot * every))}</text>"
        for i, point in enumerate(points)
        if i % every == 0
    ]


def _top(points: Sequence[ChartPoint], ceiling: Decimal | None) -> Decimal:
    values = [p.value for p in points if p.value is not None]
    return ceiling or nice_ceiling(max(values, default=Decimal(0)))


def bar_chart(
    points: Sequence[ChartPoint],
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit_suffix: str = "",
    ceiling: Decimal | None = None,
) -> Markup:
    """Vertical bars, one per point; a point with no value has no bar, only its label."""
    top = _top(points, ceiling)
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    body = _axis(top, unit_suffix)
    for i, point in enumerate(points):
        if point.value is None:
            continue
        y = _y(point.value, top)
        body.append(
            f'<rect class="opensend-chart__bar" x="{LEFT + slot * i + slot * 0.15:.1f}" '
            f'y="{y:.1f}" width="{slot * 0.7:.1f}" height="{HEIGHT - BOTTOM - y:.1f}" '
            f'data-value="{escape(point.display)}"/>'
        )
    body += _labels(points, slot)
    return _frame(chart_id, title, desc, body, "opensend-chart--bars")


def line_chart(
    points: Sequence[ChartPoint],
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit_suffix: str = "",
    ceiling: Decimal | None = None,
) -> Markup:
    """A line through the points with a marker on each; gaps where a value is None."""
    top = _top(points, ceiling)
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    body = _axis(top, unit_suffix)
    segment: list[str] = []
    segments: list[list[str]] = [segment]
    for i, point in enumerate(points):
        if point.value is None:
            segment = []
            segments.append(segment)
            continue
        x, y = LEFT + slot * (i + 0.5), _y(point.value, top)
        segment.append(f"{x:.1f},{y:.1f}")
        body.append(
            f'<circle class="opensend-chart__point" cx="{x:.1f}" cy="{y:.1f}" r="4" '
            f'data-value="{escape(point.display)}"/>'
        )
    lines = [
        f'<polyline class="opensend-chart__line" points="{" ".join(s)}"/>'
        for s in segments
        if len(s) > 1
    ]
    body = body[:5] + lines + body[5:] + _labels(points, slot)
    return _frame(chart_id, title, desc, body, "opensend-chart--line")


def sparkline(values: Sequence[Decimal | None]) -> Markup:
    """A small trend line for a tile. Decorative (aria-hidden): the tile says it in words."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return Markup("")
    low, high = min(v for _, v in known), max(v for _, v in known)
    spread = (high - low) or Decimal(1)
    step = (SPARK_WIDTH - 4) / max(len(values) - 1, 1)
    coordinates = " ".join(
        f"{2 + step * i:.1f},{2 + (SPARK_HEIGHT - 4) * float((high - v) / spread):.1f}"
        for i, v in known
    )
    return Markup(  # noqa: S704 (numbers only)
        f'<svg class="opensend-sparkline" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" '
        f'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f'<polyline class="opensend-sparkline__line" points="{coordinates}"/></svg>'
    )
