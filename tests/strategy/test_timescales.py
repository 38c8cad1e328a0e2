"""Timescale phrases from real-shaped action plans: each read to one range, or refused."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.strategy.timescales import (
    MONTHS,
    Timescale,
    TimescaleUnreadable,
    timescale_read,
)

START = date(2024, 9, 1)  # the strategy's start, for horizons

READABLE = [
    ("Jan 19", date(2019, 1, 1), date(2019, 1, 31)),
    ("January 2019", date(2019, 1, 1), date(2019, 1, 31)),
    ("Mar 2025", date(2025, 3, 1), date(2025, 3, 31)),
    ("Sept 2025", date(2025, 9, 1), date(2025, 9, 30)),
    ("Feb 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("Spring 2025", date(2025, 1, 1), date(2025, 3, 31)),
    ("Summer term 2025", date(2025, 4, 1), date(2025, 7, 31)),
    ("Autumn 2025", date(2025, 9, 1), date(2025, 12, 31)),
    ("2024-2026", date(2024, 1, 1), date(2026, 12, 31)),
    ("2024/25", date(2024, 9, 1), date(2025, 8, 31)),
    ("2024-25", date(2024, 9, 1), date(2025, 8, 31)),
    ("2024/2025", date(2024, 9, 1), date(2025, 8, 31)),
    ("Financial year 2024/25", date(2024, 4, 1), date(2025, 3, 31)),
    ("FY 2025/26", date(2025, 4, 1), date(2026, 3, 31)),
    ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("2025 Q1", date(2025, 1, 1), date(2025, 3, 31)),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("by end of March 2026", None, date(2026, 3, 31)),
    ("By March 2026", None, date(2026, 3, 31)),
    ("end of Summer 2026", None, date(2026, 7, 31)),
    ("2025-03-31", date(2025, 3, 31), date(2025, 3, 31)),
    ("31/03/2025", date(2025, 3, 31), date(2025, 3, 31)),
    ("1st April 2025", date(2025, 4, 1), date(2025, 4, 1)),
    ("survive: years 1-2", date(2024, 9, 1), date(2026, 8, 31)),
    ("Strive: years 3 - 5", date(2026, 9, 1), date(2029, 8, 31)),
    ("thrive: years 6-10", date(2029, 9, 1), date(2034, 8, 31)),
    ("Year 1", date(2024, 9, 1), date(2025, 8, 31)),
    ("Jan 2025 - Mar 2025", date(2025, 1, 1), date(2025, 3, 31)),
    ("Spring 2025 to Autumn 2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("  march   2025. ", date(2025, 3, 1), date(2025, 3, 31)),
]


@pytest.mark.parametrize(("text", "start", "end"), READABLE)
def test_each_phrase_reads_to_one_range(text, start, end):
    timescale = timescale_read(text, strategy_start=START)
    assert (timescale.start, timescale.end, timescale.ongoing) == (start, end, False)
    assert timescale.text == text


def test_ongoing_has_no_dates():
    assert timescale_read("Ongoing") == Timescale("Ongoing", None, None, ongoing=True)


UNREADABLE = [
    ("", "There is no timescale"),
    ("soon", "is not a timescale"),
    ("Winter 2025", "winter straddles two years"),
    ("Q3 2025/26", "financial or academic"),
    ("2024/26", "2026 does not follow 2024"),
    ("2026-2024", "the years run backwards"),
    ("31/02/2025", "no such day"),
    ("Jam 2025", "“jam” is not a month"),
    ("Autumn 2025 - Spring 2025", "ends before it starts"),
    ("TBC", "is not a timescale"),
    ("Developing SEND dashboard", "is not a timescale"),
]


@pytest.mark.parametrize(("text", "why"), UNREADABLE)
def test_each_unreadable_phrase_says_why(text, why):
    with pytest.raises(TimescaleUnreadable, match=why):
        timescale_read(text, strategy_start=START)


def test_a_horizon_without_the_strategy_start_is_refused_not_guessed():
    with pytest.raises(TimescaleUnreadable, match="needs the strategy's start date"):
        timescale_read("survive: years 1-2")


MONTH_WORDS = sorted(MONTHS)


@settings(max_examples=150, deadline=None)
@given(word=st.sampled_from(MONTH_WORDS), year=st.integers(2000, 2099))
def test_any_month_and_year_is_that_whole_month(word, year):
    timescale = timescale_read(f"{word.title()} {year}")
    assert timescale.start == date(year, MONTHS[word], 1)
    assert timescale.end.month == MONTHS[word]
    assert (timescale.end.replace(day=28) - timescale.start).days == 27


@settings(max_examples=150, deadline=None)
@given(day=st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_any_iso_or_uk_date_is_that_day(day):
    assert timescale_read(day.isoformat()).start == day
    assert timescale_read(day.strftime("%d/%m/%Y")).end == day


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_read_or_refused_and_a_range_never_runs_backwards(text):
    try:
        timescale = timescale_read(text, strategy_start=START)
    except TimescaleUnreadable as refusal:
        assert str(refusal)
        return
    if timescale.start and timescale.end:
        assert timescale.start <= timescale.end
