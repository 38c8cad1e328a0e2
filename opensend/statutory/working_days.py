"""Working days in England and Wales: weekends and bank holidays.

Pure Python, no Django. The bank holidays are those of the Banking and Financial
Dealings Act 1971 (schedule 1) and the Royal Proclamations made each year: New Year's
Day, Good Friday, Easter Monday, the early May and spring bank holidays, the summer bank
holiday, Christmas Day and Boxing Day, with a substitute weekday when one falls on a
weekend. The one-off changes proclaimed since 2020 are listed by hand (MOVED, EXTRA).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

__all__ = ["bank_holidays", "is_working_day", "next_working_day"]

SATURDAY = 5
MONDAY = 0

# Proclaimed moves of a regular bank holiday: the usual day -> the day it was held.
MOVED = {
    date(2020, 5, 4): date(2020, 5, 8),  # early May: VE Day 75th anniversary
    date(2022, 5, 30): date(2022, 6, 2),  # spring: the Platinum Jubilee
}
# Proclaimed extra bank holidays.
EXTRA = frozenset(
    {
        date(2022, 6, 3),  # the Platinum Jubilee
        date(2022, 9, 19),  # the State Funeral of Queen Elizabeth II
        date(2023, 5, 8),  # the Coronation of King Charles III
    }
)


def _easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(MONDAY - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - MONDAY) % 7)


def _substitute(day: date, taken: set[date]) -> date:
    """The day itself, or the first weekday after it not already a holiday."""
    while day.weekday() >= SATURDAY or day in taken:
        day += timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """The bank holidays of England and Wales in `year`."""
    easter = _easter_sunday(year)
    regular = [
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        _first_monday(year, 5),
        _last_monday(year, 5),
        _last_monday(year, 8),
    ]
    days = {MOVED.get(day, day) for day in regular}
    for fixed in (date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)):
        days.add(_substitute(fixed, days))
    return frozenset(days | {day for day in EXTRA if day.year == year})


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY and day not in bank_holidays(day.year)


def next_working_day(day: date) -> date:
    """`day` when it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
