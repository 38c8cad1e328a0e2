"""The backlog: requests still waiting for a final plan on a day, and how long they have
waited (issue 9, item 8).

The DfE's "plans taking over 52 weeks" counts only plans already issued, so a request
that has waited a year and more without a plan is in no timeliness figure until its plan
is issued. These count the requests still open on the last day of the period: received
by then, with no final plan issued and not ended without one (a decision not to assess,
Reg 5(1), or not to issue a plan, Reg 10(1)).

A request is past a number of weeks on a day when that many weeks from the request
(``dates.add_weeks``, as the clock counts them) ended before the day: past 20 weeks is
the Reg 13(2) limit for the final plan missed; past 52 weeks is the DfE's "over 52
weeks" band (more than 364 days) reached without a plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from opensend.statutory.clock.assessment import DECISION_WEEKS, FINAL_PLAN_WEEKS, NOT_TO_ISSUE_WEEKS
from opensend.statutory.dates import add_weeks
from opensend.statutory.indicators.arithmetic import count, memoized, share
from opensend.statutory.indicators.definitions import IndicatorValue, Period
from opensend.statutory.indicators.formulas import LONG_WAIT_WEEKS
from opensend.statutory.indicators.rows import BacklogRow

__all__ = [
    "AGE_BANDS",
    "FINAL_PLAN_WEEKS",
    "LONG_WAIT_WEEKS",
    "AgeBand",
    "open_on",
    "open_requests",
    "open_requests_aged",
    "open_requests_past",
    "past_weeks",
]

Memo = dict[object, object] | None


def open_on(row: BacklogRow, day: date) -> bool:
    """Received by ``day``, with no final plan issued and not ended by then."""
    return (
        row.received <= day
        and (row.final_plan_issued is None or row.final_plan_issued > day)
        and (row.ended_without_plan is None or row.ended_without_plan > day)
    )


def past_weeks(row: BacklogRow, weeks: int, day: date) -> bool:
    """``weeks`` from the request ended before ``day`` (the limit's last day has gone)."""
    return day > add_weeks(row.received, weeks)


def _open(rows: Sequence[BacklogRow], period: Period, memo: Memo) -> list[BacklogRow]:
    day = period.end  # a snapshot on the period's last day
    return memoized(
        memo, ("backlog_open", day), lambda: [row for row in rows if open_on(row, day)]
    )


def open_requests(rows: Sequence[BacklogRow], period: Period, memo: Memo = None) -> IndicatorValue:
    return count(_open(rows, period, memo))


def open_requests_past(
    rows: Sequence[BacklogRow], period: Period, weeks: int, memo: Memo = None
) -> IndicatorValue:
    return count(row for row in _open(rows, period, memo) if past_weeks(row, weeks, period.end))


class AgeBand:
    """Open requests that have waited more than ``over`` weeks and at most ``up_to``
    (None: no upper end), each end a statutory limit or the DfE's 52-week band."""

    def __init__(self, key: str, label: str, over: int | None, up_to: int | None) -> None:
        self.key, self.label, self.over, self.up_to = key, label, over, up_to

    def holds(self, row: BacklogRow, day: date) -> bool:
        past_start = self.over is None or past_weeks(row, self.over, day)
        return past_start and (self.up_to is None or not past_weeks(row, self.up_to, day))


AGE_BANDS: Final = (
    # Reg 5(1): the decision whether to assess is due within 6 weeks.
    AgeBand("up_to_6_weeks", "up to 6 weeks", None, DECISION_WEEKS),
    # Reg 10(1): a decision not to issue a plan is due within 16 weeks.
    AgeBand("6_to_16_weeks", "over 6 and up to 16 weeks", DECISION_WEEKS, NOT_TO_ISSUE_WEEKS),
    # Reg 13(2): the final plan is due within 20 weeks.
    AgeBand("16_to_20_weeks", "over 16 and up to 20 weeks", NOT_TO_ISSUE_WEEKS, FINAL_PLAN_WEEKS),
    AgeBand("20_to_52_weeks", "over 20 and up to 52 weeks", FINAL_PLAN_WEEKS, LONG_WAIT_WEEKS),
    AgeBand("over_52_weeks", "over 52 weeks", LONG_WAIT_WEEKS, None),
)


def open_requests_aged(
    rows: Sequence[BacklogRow], period: Period, band: AgeBand, memo: Memo = None
) -> IndicatorValue:
    """The share of the open requests whose wait so far is in ``band``."""
    return share(_open(rows, period, memo), lambda row: band.holds(row, period.end))
