"""Calendar arithmetic for statutory time limits.

Pure Python, no Django. Every helper is a total function of its arguments: nothing here
reads the clock.

How the SEND Regulations 2014 count (see docs/statutory-clock.md):

* "within N weeks of" a day: calendar weeks counted from that day, so the limit falls on
  the same weekday N weeks later (request on Monday 2 January 2023, 6 weeks -> Monday
  13 February 2023, i.e. the day + 42 days). Weekends and bank holidays count.
* "within N months of" a day: calendar months; the same day-of-month N months later,
  or the last day of that month when it is shorter (29 February 2024 + 12 months ->
  28 February 2025; 31 December + 2 months -> 28 or 29 February).
* "at least N days beginning with the day" (Reg 13(1), Reg 22(2)): the day itself is
  day 1, so the period's last day is the day + (N - 1).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = [
    "DAYS_PER_WEEK",
    "add_calendar_months",
    "add_days",
    "add_weeks",
    "days_inclusive",
    "last_day_of_period_beginning",
    "parse_iso_date",
    "periods_overlap",
]

DAYS_PER_WEEK = 7
MONTHS_PER_YEAR = 12

# Only the extended calendar-date form YYYY-MM-DD: date.fromisoformat also accepts
# "20250101" and week dates such as "2025-W01-1", which a caseworker never means.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_days(day: date, days: int) -> date:
    """``day`` moved by ``days`` calendar days (negative moves back)."""
    return day + timedelta(days=days)


def add_weeks(day: date, weeks: int) -> date:
    """``day`` + ``weeks`` calendar weeks: the same weekday, 7 x ``weeks`` days later."""
    return add_days(day, DAYS_PER_WEEK * weeks)


def add_calendar_months(day: date, months: int) -> date:
    """``day`` + ``months`` calendar months, clamped to the end of a shorter month.

    31 January + 1 month -> 28 (or 29) February; 29 February 2024 + 12 months ->
    28 February 2025; 31 March - 1 month -> 28 (or 29) February.
    """
    month_index = day.year * MONTHS_PER_YEAR + (day.month - 1) + months
    year, month0 = divmod(month_index, MONTHS_PER_YEAR)
    month = month0 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def last_day_of_period_beginning(day: date, days: int) -> date:
    """Last day of a period of ``days`` days beginning with ``day`` (``day`` is day 1).

    Reg 13(1): "at least 15 days beginning with the day on which the draft plan was
    served": served on 1 March -> the period's last day is 15 March.
    """
    if days < 1:
        raise ValueError("a period has at least one day")
    return add_days(day, days - 1)


def days_inclusive(start: date, end: date) -> int:
    """Number of days from ``start`` to ``end``, both included (1 when they are equal)."""
    return (end - start).days + 1


def periods_overlap(
    first_start: date, first_end: date, second_start: date, second_end: date
) -> bool:
    """Whether two closed periods [start, end] share at least one day."""
    return first_start <= second_end and second_start <= first_end


def parse_iso_date(text: str) -> date:
    """A real calendar date written YYYY-MM-DD; ValueError for anything else.

    "2025-02-30" and "2025-13-01" are rejected (not real dates), as are other ISO 8601
    forms such as "20250101".
    """
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None
