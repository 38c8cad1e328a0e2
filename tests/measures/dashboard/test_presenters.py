"""Presenters, suppression and downloads on plain values (no database)."""

import csv
import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from opensend.measures.dashboard import downloads, public
from opensend.measures.dashboard.indicator_page import BreakdownTable, breakdown_row, indicator_page
from opensend.measures.dashboard.presenters import (
    ComparatorLine,
    Comparators,
    SeriesPoint,
    dashboard_sections,
    tile,
)
from opensend.statutory.indicators import INDICATORS, IndicatorValue

TWENTY_WEEKS = INDICATORS["plans_issued_within_20_weeks_excl_exceptions"]
REQUESTS = INDICATORS["ehc_requests_received"]
COMPARATORS = Comparators(
    lines=(
        ComparatorLine("England", Decimal("46.4"), "46.4"),
        ComparatorLine("North East", None, "x"),
        ComparatorLine("Statistical neighbours' average", Decimal("52.25"), "52.25"),
    ),
    rank="40th of 150 local authorities (1st = highest)",
)


def percent(numerator: int, denominator: int) -> IndicatorValue:
    return IndicatorValue(Decimal(100) * numerator / denominator, numerator, denominator)


def count(number: int) -> IndicatorValue:
    return IndicatorValue(Decimal(number), number, None)


def series(values):
    return [
        SeriesPoint(dt.date(2025, 12 + i, 1) if i == 0 else dt.date(2026, i, 1), value)
        for i, value in enumerate(values)
    ]


def test_a_tile_says_its_value_trend_and_comparisons():
    shown = tile(
        TWENTY_WEEKS, percent(48, 100), series([percent(40, 100), percent(431, 1000)]), COMPARATORS
    )
    assert shown.value == "48.0%"
    assert shown.counts == "48 of 100"
    assert shown.trend == "Up 3.1 percentage points since December 2025 (better)"
    assert shown.comparisons == (
        "Better than England (46.4%)",
        "Worse than Statistical neighbours' average (52.3%)",
    )
    assert 'class="opensend-sparkline"' in shown.sparkline


def test_a_suppressed_tile_shows_c_and_nothing_made_from_it():
    shown = tile(TWENTY_WEEKS, percent(3, 4), [], COMPARATORS, suppressed=True)
    assert (shown.value, shown.counts, shown.comparisons) == ("c", "", ())


def test_every_indicator_gets_a_tile():
    sections = dashboard_sections({"ehc_requests_received": count(12)}, {}, {})
    assert sum(len(s.tiles) for s in sections) == len(INDICATORS)
    first = sections[0].tiles[0]
    assert (first.indicator.code, first.value) == ("ehc_requests_received", "12")
    assert sections[1].tiles[0].value == "No data"


def _page(**overrides):
    arguments = {
        "area_name": "Northshire",
        "value": percent(48, 100),
        "series": series([percent(40, 100), None, percent(45, 100)]),
        "comparators": COMPARATORS,
        "breakdowns": [
            BreakdownTable(
                "sex",
                "Sex",
                (
                    breakdown_row(TWENTY_WEEKS, "Female", percent(20, 40)),
                    breakdown_row(TWENTY_WEEKS, "Male", percent(28, 60)),
                ),
            )
        ],
    }
    return indicator_page(TWENTY_WEEKS, **(arguments | overrides))


def test_the_comparison_chart_and_its_table_have_the_same_numbers():
    page = _page()
    assert page.comparison.rows == (
        ("Northshire", "48.0%"),
        ("England", "46.4%"),
        ("North East", "x (not published as a number)"),
        ("Statistical neighbours' average", "52.3%"),
    )
    drawn = [part.split('"')[0] for part in page.comparison.svg.split('data-value="')[1:]]
    assert drawn == ["48.0%", "46.4%", "52.3%"]  # no bar for the unpublished "x"


def test_the_trend_chart_has_a_point_for_each_stored_month():
    page = _page()
    assert [label for label, _ in page.trend.rows] == [
        "December 2025",
        "January 2026",
        "February 2026",
    ]
    assert [shown for _, shown in page.trend.rows] == ["40.0%", "No data", "45.0%"]
    assert page.trend.svg.count("<circle") == 2


def test_no_trend_chart_without_snapshots():
    assert _page(series=[]).trend is None


def test_definition_box_has_every_part():
    labels = [label for label, _ in _page().definition]
    for wanted in (
        "Numerator",
        "Denominator",
        "Period",
        "Exclusions",
        "Legal or DfE source",
        "Polarity",
    ):
        assert wanted in labels
    assert dict(_page().definition)["Polarity"] == "Higher is better"


def test_csv_download_parses_and_matches_the_page():
    rows = list(csv.reader(io.StringIO(downloads.indicator_csv(_page()))))
    assert rows[0] == list(downloads.HEADER)
    assert rows[1] == [TWENTY_WEEKS.code, "all", "all", "48", "100", "48.0", "percent"]
    assert rows[2][1:6] == ["sex", "Female", "20", "40", "50.0"]
    assert len(rows) == 4


def test_excel_download_opens_and_matches_the_page():
    content = downloads.indicator_xlsx(_page(), area_name="Northshire", period_label="2025")
    book = load_workbook(io.BytesIO(content))
    sheet = book["Figures"]
    assert sheet["A1"].value == TWENTY_WEEKS.name
    assert [cell.value for cell in sheet[4]] == list(downloads.HEADER)
    assert [cell.value for cell in sheet[5]][1:6] == ["all", "all", 48, 100, 48.0]
    assert dict(book["Definition"].iter_rows(values_only=True))["Polarity"] == "Higher is better"


def test_public_breakdowns_never_show_a_count_of_1_to_5():
    groups = [("A", percent(3, 10)), ("B", percent(12, 30)), ("C", percent(20, 40))]
    rows = public.public_breakdown_rows(TWENTY_WEEKS, groups)
    shown = [cell for row in rows for cell in (row.numerator, row.denominator, row.value)]
    numbers = [cell.number for cell in shown if not cell.suppressed and cell.number is not None]
    assert all(not (1 <= n <= 5) for n in numbers if isinstance(n, int))
    assert rows[0].numerator.suppressed and rows[0].value.suppressed
    # secondary suppression: A's numerator cannot be worked out from the total (35)
    assert sum(1 for row in rows if row.numerator.suppressed) >= 2


def test_public_count_breakdowns_are_suppressed_with_their_total():
    groups = [("A", count(2)), ("B", count(40)), ("C", count(9))]
    rows = public.public_breakdown_rows(REQUESTS, groups)
    assert [row.value.text for row in rows].count("c") == 2
    assert rows[0].value.text == "c"


def test_public_value_and_series_hide_small_numbers():
    assert public.is_suppressed(TWENTY_WEEKS, percent(2, 10))
    assert public.is_suppressed(TWENTY_WEEKS, percent(9, 5 + 0)) is True
    assert not public.is_suppressed(TWENTY_WEEKS, percent(0, 10))
    assert public.is_suppressed(REQUESTS, count(5)) and not public.is_suppressed(REQUESTS, count(6))
    points = public.public_series(REQUESTS, series([count(3), count(30)]))
    assert [p.value for p in points] == [None, count(30)]


def test_counts_are_not_compared_with_england():
    shown = tile(
        REQUESTS,
        count(111),
        [],
        Comparators(lines=(ComparatorLine("England", Decimal(154489), "154489"),)),
    )
    assert shown.comparisons == ()
    page = indicator_page(
        REQUESTS,
        area_name="Northshire",
        value=count(111),
        series=[],
        comparators=Comparators(lines=(ComparatorLine("England", Decimal(154489), "154489"),)),
        breakdowns=[],
    )
    assert page.comparison.svg == ""
    assert page.comparison.rows == (("Northshire", "111"), ("England", "154,489"))
