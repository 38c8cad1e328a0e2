"""Reporting periods for live measures (both days included)."""

import datetime as dt

from dateutil.relativedelta import relativedelta

from opensend.statutory.indicators import Period

__all__ = ["last_12_months", "month_end", "month_ends", "period_for_year", "year_to_date"]


def period_for_year(year: int) -> Period:
    """The calendar year, as the DfE's SEN2 timeliness figures use (January to December)."""
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def year_to_date(today: dt.date) -> Period:
    """1 January of ``today``'s year to ``today``."""
    return Period(dt.date(today.year, 1, 1), today)


def last_12_months(today: dt.date) -> Period:
    """The 12 months ending on ``today``: 23 November 2025 to 22 November 2026."""
    return Period(today - relativedelta(years=1) + dt.timedelta(days=1), today)


def month_end(day: dt.date) -> dt.date:
    return day + relativedelta(day=31)


def month_ends(last: dt.date, months: int) -> list[dt.date]:
    """The last days of the ``months`` months up to and including ``last``'s, oldest first
    (the month of ``last`` is represented by ``last`` itself when it is not a month end)."""
    ends = [month_end(last - relativedelta(months=back)) for back in range(months - 1, 0, -1)]
    return [*ends, min(last, month_end(last))]
