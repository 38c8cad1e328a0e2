"""Calendar arithmetic behind the clock (opensend/statutory/dates.py)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.dates import (
    add_calendar_months,
    add_days,
    add_weeks,
    days_inclusive,
    last_day_of_period_beginning,
    parse_iso_date,
    periods_overlap,
)

from .clock_helpers import d

FAST = settings(max_examples=200, deadline=None)
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@pytest.mark.parametrize(
    ("start", "weeks", "expected"),
    [
        # Mon 2 Jan 2023 + 6 weeks = 2 Jan + 42 days = Mon 13 Feb 2023 (Reg 5(1) example)
        ("2023-01-02", 6, "2023-02-13"),
        # + 20 weeks = 2 Jan + 140 days: Jan 29 left -> 31 Jan, +28 Feb, +31 Mar, +30 Apr
        # = 118 days to 30 Apr, +22 -> Mon 22 May 2023
        ("2023-01-02", 20, "2023-05-22"),
        # 16 weeks = 112 days: 118 - 112 = 6 days before 30 Apr -> Mon 24 Apr 2023
        ("2023-01-02", 16, "2023-04-24"),
        # Thu 29 Feb 2024 + 2 weeks = Thu 14 Mar 2024 (29 Feb + 14 days; March 14)
        ("2024-02-29", 2, "2024-03-14"),
        # crossing a year: Mon 18 Dec 2023 + 6 weeks = Mon 29 Jan 2024
        ("2023-12-18", 6, "2024-01-29"),
    ],
)
def test_add_weeks_counts_calendar_weeks_from_the_day(
    start: str, weeks: int, expected: str
) -> None:
    assert add_weeks(d(start), weeks) == d(expected)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2024-02-29", 12, "2025-02-28"),  # no 29 Feb in 2025: clamp to month end
        ("2024-02-29", 48, "2028-02-29"),  # 2028 is a leap year
        ("2023-12-31", 2, "2024-02-29"),  # 31 Dec + 2 months: Feb 2024 has 29 days
        ("2022-12-31", 2, "2023-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-03-15", 12, "2025-03-15"),
        ("2024-11-30", 3, "2025-02-28"),
        ("2026-09-01", -12, "2025-09-01"),  # backwards too
        ("2024-03-31", -1, "2024-02-29"),
    ],
)
def test_add_calendar_months_clamps_to_the_end_of_a_short_month(
    start: str, months: int, expected: str
) -> None:
    assert add_calendar_months(d(start), months) == d(expected)


def test_period_beginning_with_the_day_counts_that_day() -> None:
    # Reg 13(1): 15 days beginning with Thu 20 Apr 2023 -> 20 Apr is day 1, day 15 is 4 May
    assert last_day_of_period_beginning(d("2023-04-20"), 15) == d("2023-05-04")
    assert last_day_of_period_beginning(d("2023-04-20"), 1) == d("2023-04-20")
    with pytest.raises(ValueError, match="at least one day"):
        last_day_of_period_beginning(d("2023-04-20"), 0)


def test_days_inclusive_and_overlap() -> None:
    assert days_inclusive(d("2023-03-01"), d("2023-03-28")) == 28  # 4 weeks
    assert days_inclusive(d("2023-03-01"), d("2023-03-01")) == 1
    assert periods_overlap(d("2023-01-01"), d("2023-01-10"), d("2023-01-10"), d("2023-01-20"))
    assert not periods_overlap(d("2023-01-01"), d("2023-01-09"), d("2023-01-10"), d("2023-01-20"))


@pytest.mark.parametrize("text", ["2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10"])
def test_parse_iso_date_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError, match="not a real calendar date"):
        parse_iso_date(text)


@pytest.mark.parametrize("text", ["20250101", "2025-W01-1", "2025-1-1", " 2025-01-01", "", "today"])
def test_parse_iso_date_accepts_only_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_iso_date(text)


def test_parse_iso_date_reads_leap_day() -> None:
    assert parse_iso_date("2024-02-29") == date(2024, 2, 29)


@FAST
@given(DAYS, st.integers(min_value=-52, max_value=52))
def test_add_weeks_keeps_the_weekday(day: date, weeks: int) -> None:
    moved = add_weeks(day, weeks)
    assert moved.weekday() == day.weekday()
    assert moved - day == timedelta(days=7 * weeks) == add_days(day, 7 * weeks) - day


@FAST
@given(DAYS, st.integers(min_value=-24, max_value=24))
def test_add_calendar_months_lands_in_the_right_month_on_the_right_day(
    day: date, months: int
) -> None:
    moved = add_calendar_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    month_length = calendar.monthrange(moved.year, moved.month)[1]
    assert moved.day == min(day.day, month_length)


@FAST
@given(DAYS.filter(lambda day: day.day <= 28), st.integers(-30, 30), st.integers(-30, 30))
def test_add_calendar_months_composes_when_no_clamping(day: date, first: int, second: int) -> None:
    assert add_calendar_months(add_calendar_months(day, first), second) == add_calendar_months(
        day, first + second
    )


@FAST
@given(st.integers(min_value=1904, max_value=2196).filter(calendar.isleap))
def test_twelve_months_from_29_february_is_28_february(year: int) -> None:
    assert add_calendar_months(date(year, 2, 29), 12) == date(year + 1, 2, 28)
    assert add_calendar_months(date(year, 2, 29), 48) == date(
        year + 4, 2, 29 if calendar.isleap(year + 4) else 28
    )
