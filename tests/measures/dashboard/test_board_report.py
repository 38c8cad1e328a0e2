"""The monthly board report: every indicator from a stored snapshot, with comparators."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404

from opensend.measures.dashboard import board_report
from opensend.measures.dashboard.presenters import ComparatorLine, Comparators
from opensend.statutory.indicators import INDICATORS, IndicatorValue
from tests.pdf_text import pdf_text

TWENTY_WEEKS = "plans_issued_within_20_weeks_excl_exceptions"
STORED = {
    TWENTY_WEEKS: IndicatorValue(Decimal("62.5"), 25, 40),
    "ehc_requests_received": IndicatorValue(Decimal(310), 310, None),
}
COMPARED = {
    TWENTY_WEEKS: Comparators(
        lines=(
            ComparatorLine("England", Decimal("46.4"), "46.4"),
            ComparatorLine("North East", None, "x"),
            ComparatorLine("Statistical neighbours' average", Decimal("51.2"), "51.2"),
        )
    )
}


def test_month_from_text():
    assert board_report.month_from_text("2026-03") == dt.date(2026, 3, 1)
    for wrong in ("2026-13", "2026-3", "march", "2026-03-01"):
        with pytest.raises(Http404):
            board_report.month_from_text(wrong)


def test_every_indicator_is_in_the_report():
    sections = board_report.board_sections(STORED, COMPARED)
    rows = {row.name: row for section in sections for row in section.rows}
    assert len(rows) == len(INDICATORS)
    timeliness = rows[INDICATORS[TWENTY_WEEKS].name]
    assert (timeliness.value, timeliness.counts) == ("62.5%", "25 of 40")
    assert timeliness.comparators == ("46.4%", "x (not published as a number)", "51.2%")
    assert rows[INDICATORS["new_plans"].name].value == "Not stored"


def test_the_pdf():
    html = board_report.board_report_html(
        area_name="Northshire <County>",
        month=dt.date(2026, 3, 1),
        taken_on=dt.date(2026, 3, 31),
        comparator_year=2025,
        sections=board_report.board_sections(STORED, COMPARED),
    )
    assert "Northshire &lt;County&gt;" in html
    assert "SEND measures board report: March 2026" in html
    pdf = board_report.board_report_pdf(html)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "62.5%" in text and "46.4%" in text and "31 March 2026" in text


def test_a_missing_region_leaves_its_column_empty():
    compared = {
        TWENTY_WEEKS: Comparators(
            lines=(COMPARED[TWENTY_WEEKS].lines[0], COMPARED[TWENTY_WEEKS].lines[2])
        )
    }
    rows = {r.name: r for s in board_report.board_sections(STORED, compared) for r in s.rows}
    assert rows[INDICATORS[TWENTY_WEEKS].name].comparators == ("46.4%", "", "51.2%")
