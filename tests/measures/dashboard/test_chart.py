"""The SVG charts: what they draw matches the numbers they are given, and they are safe."""

import re
from decimal import Decimal

from opensend.measures.dashboard.chart import (
    HEIGHT,
    ChartPoint,
    bar_chart,
    line_chart,
    nice_ceiling,
    sparkline,
)
from tests.pages import parse_html

SVG = "{http://www.w3.org/2000/svg}"
POINTS = [
    ChartPoint("Northshire", Decimal("40"), "40%"),
    ChartPoint("England", Decimal("46.4"), "46.4%"),
    ChartPoint("North East", None, "x (not published as a number)"),
]


def _svg(markup: str):
    """The chart as the browser parses it in a page (SVG namespace dropped for brevity)."""
    page = parse_html(
        f"<!DOCTYPE html><html lang='en'><title>t</title><body>{markup}</body></html>"
    )
    svg = page.find(f".//{SVG}svg")
    for element in svg.iter():
        element.tag = element.tag.removeprefix(SVG)
    return svg


def test_nice_ceiling():
    assert nice_ceiling(Decimal("0")) == 1
    assert nice_ceiling(Decimal("7")) == 10
    assert nice_ceiling(Decimal("46.4")) == 50
    assert nice_ceiling(Decimal("120")) == 200
    assert nice_ceiling(Decimal("230")) == 250


def test_bar_chart_is_an_image_with_a_title_and_a_description():
    svg = _svg(bar_chart(POINTS, chart_id="c1", title="Timeliness", desc="Bars by area"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find("title").text == "Timeliness"
    assert svg.find("desc").text == "Bars by area"
    assert "style" not in str(bar_chart(POINTS, chart_id="c1", title="t", desc="d"))


def test_bar_heights_are_proportional_to_the_values():
    svg = _svg(bar_chart(POINTS, chart_id="c", title="t", desc="d", ceiling=Decimal(100)))
    bars = svg.findall("rect")
    assert [bar.get("data-value") for bar in bars] == ["40%", "46.4%"]  # no bar for "x"
    heights = [float(bar.get("height")) for bar in bars]
    plot = HEIGHT - 16 - 64
    assert heights == [round(plot * 0.4, 1), round(plot * 0.464, 1)]


def test_labels_are_escaped():
    svg = bar_chart(
        [ChartPoint("<b>A&B</b>", Decimal(1), "1")], chart_id="c", title="<t>", desc="d"
    )
    assert "<b>" not in svg and "&lt;b&gt;A&amp;B" in svg and "&lt;t&gt;" in svg


def test_line_chart_breaks_where_a_month_has_no_value():
    points = [ChartPoint(str(i), None if i == 2 else Decimal(i), str(i)) for i in range(5)]
    svg = _svg(line_chart(points, chart_id="l", title="t", desc="d"))
    assert len(svg.findall("circle")) == 4
    lines = svg.findall("polyline")
    assert [len(line.get("points").split()) for line in lines] == [2, 2]


def test_sparkline_is_decorative_and_needs_two_points():
    assert sparkline([Decimal(1)]) == ""
    drawn = sparkline([Decimal(1), None, Decimal(3)])
    assert 'aria-hidden="true"' in drawn
    coordinates = re.search(r'points="([^"]+)"', drawn).group(1).split()
    assert len(coordinates) == 2
    # the higher value is drawn higher up (smaller y)
    assert float(coordinates[1].split(",")[1]) < float(coordinates[0].split(",")[1])


def test_long_labels_are_shortened_under_their_bar():
    from opensend.measures.dashboard.chart import short_label

    assert short_label("England", 146) == "England"
    assert short_label("Statistical neighbours' average", 146) == "Statistical neighb…"
    svg = bar_chart(
        [ChartPoint("Statistical neighbours' average", Decimal(1), "1")] * 4,
        chart_id="c",
        title="t",
        desc="d",
    )
    assert "Statistical neighbours' average" not in svg and "…" in svg
