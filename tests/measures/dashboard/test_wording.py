"""How numbers are said: units, comparisons that respect polarity, trends, sections."""

import datetime as dt
from decimal import Decimal

import pytest

from opensend.measures.dashboard import wording
from opensend.measures.dashboard.sections import SECTIONS, section_of
from opensend.statutory.indicators import INDICATORS

TWENTY_WEEKS = INDICATORS["plans_issued_within_20_weeks_excl_exceptions"]
OVER_52 = INDICATORS["plans_issued_over_52_weeks"]
REQUESTS = INDICATORS["ehc_requests_received"]
WEEKS = INDICATORS["average_weeks_to_issue"]


def test_values_by_unit():
    assert wording.format_value(TWENTY_WEEKS, Decimal("46.44")) == "46.4%"
    assert wording.format_value(REQUESTS, Decimal("1204")) == "1,204"
    assert wording.format_value(WEEKS, Decimal("23.45")) == "23.5 weeks"
    assert wording.format_value(REQUESTS, None) == "No data"


@pytest.mark.parametrize(
    ("indicator", "ours", "theirs", "said"),
    [
        (TWENTY_WEEKS, "50", "46.4", "better than England"),
        (TWENTY_WEEKS, "40", "46.4", "worse than England"),
        (OVER_52, "10", "5", "worse than England"),
        (OVER_52, "2", "5", "better than England"),
        (REQUESTS, "300", "200", "higher than England"),
        (TWENTY_WEEKS, "46.42", "46.4", "the same as England"),
    ],
)
def test_comparison_respects_polarity(indicator, ours, theirs, said):
    assert wording.comparison(indicator, Decimal(ours), Decimal(theirs), "England") == said


def test_no_comparison_without_both_numbers():
    assert wording.comparison(TWENTY_WEEKS, None, Decimal(1), "England") == ""
    assert wording.comparison(TWENTY_WEEKS, Decimal(1), None, "England") == ""


def test_trend_words():
    since = dt.date(2025, 12, 1)
    said = wording.trend(TWENTY_WEEKS, Decimal("40"), Decimal("43.1"), since)
    assert said == "up 3.1 percentage points since December 2025 (better)"
    said = wording.trend(OVER_52, Decimal("4"), Decimal("7"), since)
    assert said == "up 3.0 percentage points since December 2025 (worse)"
    assert wording.trend(REQUESTS, Decimal(10), Decimal(9), since) == "down 1 since December 2025"
    assert (
        wording.trend(REQUESTS, Decimal(10), Decimal(10), since) == "no change since December 2025"
    )


def test_every_indicator_is_in_exactly_one_section():
    for code in INDICATORS:
        assert section_of(code) in SECTIONS
    assert sum(len(section.indicators) for section in SECTIONS) == len(INDICATORS)
    assert section_of("plans_issued_within_20_weeks_incl_exceptions").title == "Timeliness"
    assert section_of("caseload_per_coordinator").title == "Caseload"
