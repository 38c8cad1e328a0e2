"""The formulas: plain rows and a period in, an IndicatorValue out.

Percentages are rounded as the DfE publishes them: one decimal place, half up. A
percentage, average or ratio with nothing to divide by is None (never 0). Time limits come
from the statutory clock (``opensend.statutory.clock``) and its calendar arithmetic
(``opensend.statutory.dates``); none is re-implemented here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Final

from opensend.statutory.clock import advice_due
from opensend.statutory.clock.assessment import DECISION_WEEKS as REQUEST_DECISION_WEEKS
from opensend.statutory.clock.assessment import FINAL_PLAN_WEEKS
from opensend.statutory.clock.review import (
    AMENDED_PLAN_WEEKS_AFTER_MEETING,
    PHASE_TRANSFER_DEADLINES,
)
from opensend.statutory.clock.review import DECISION_WEEKS as REVIEW_DECISION_WEEKS
from opensend.statutory.dates import DAYS_PER_WEEK, add_weeks
from opensend.statutory.indicators.arithmetic import (
    count,
    memoized,
    percent,
    ratio,
    share,
    tenths,
    total,
)
from opensend.statutory.indicators.definitions import IndicatorValue, Period
from opensend.statutory.indicators.rows import (
    AdviceRow,
    CaseRow,
    PlanRow,
    RequestRow,
    ReviewRow,
    TransferRow,
)

__all__ = [
    "LONG_WAIT_WEEKS",
    "advice_within_6_weeks",
    "amended_plans_within_12_weeks",
    "average_weeks_to_issue",
    "caseload_per_coordinator",
    "count",
    "ehc_requests_received",
    "final_plan_due",
    "in_place_on",
    "memoized",
    "new_plans",
    "percent",
    "phase_transfers_finalised_on_time",
    "plans_ceased",
    "plans_in_place",
    "plans_issued_over_52_weeks",
    "plans_issued_within_20_weeks_excl_exceptions",
    "plans_issued_within_20_weeks_incl_exceptions",
    "primary_need_share",
    "ratio",
    "requests_decided_within_6_weeks",
    "requests_refused",
    "review_decisions_within_4_weeks",
    "reviews_due",
    "reviews_held",
    "reviews_held_by_due_date",
    "share",
    "transfer_deadline",
]

# Not a statutory limit: the DfE's "over 52 weeks" band of its timeliness tables.
LONG_WAIT_WEEKS: Final = 52


_share = share


def _on_time(done: date | None, due: date) -> bool:
    """A limit is met when the thing is done on or before the due date (the clock's rule)."""
    return done is not None and done <= due


# --- requests -----------------------------------------------------------------------------


def ehc_requests_received(rows: Sequence[RequestRow], period: Period) -> IndicatorValue:
    return count(row for row in rows if period.contains(row.received))


def _decided_in(rows: Sequence[RequestRow], period: Period) -> list[RequestRow]:
    return [row for row in rows if row.outcome is not None and period.contains(row.decided_on)]


def requests_decided_within_6_weeks(rows: Sequence[RequestRow], period: Period) -> IndicatorValue:
    """Of decisions whether to assess notified in the period, % within 6 weeks (Reg 5(1))."""
    return _share(
        _decided_in(rows, period),
        lambda row: _on_time(row.decided_on, add_weeks(row.received, REQUEST_DECISION_WEEKS)),
    )


def requests_refused(rows: Sequence[RequestRow], period: Period) -> IndicatorValue:
    """Of requests received in the period and decided, % the LA decided not to assess."""
    decided = [row for row in rows if period.contains(row.received) and row.outcome is not None]
    return _share(decided, lambda row: row.outcome == "not_assess")


# --- new plans and the 20 weeks -------------------------------------------------------------


@lru_cache(maxsize=16384)
def final_plan_due(request_received: date) -> date:
    """Reg 13(2): the final plan is due 20 weeks after the request (the clock's week20.due)."""
    return add_weeks(request_received, FINAL_PLAN_WEEKS)


Memo = dict[object, object] | None


def _new_in(rows: Sequence[PlanRow], period: Period, memo: Memo = None) -> list[PlanRow]:
    return memoized(
        memo,
        ("new_plans_in", period),
        lambda: [
            row for row in rows if row.request_received is not None and period.contains(row.issued)
        ],
    )


def _within_20_weeks(row: PlanRow) -> bool:
    assert row.request_received is not None
    return _on_time(row.issued, final_plan_due(row.request_received))


def new_plans(rows: Sequence[PlanRow], period: Period, memo: Memo = None) -> IndicatorValue:
    return count(_new_in(rows, period, memo))


def plans_issued_within_20_weeks_excl_exceptions(
    rows: Sequence[PlanRow], period: Period, memo: Memo = None
) -> IndicatorValue:
    """New plans issued in the period, leaving out every plan an exception applied to."""
    plans = [row for row in _new_in(rows, period, memo) if not row.exception_applies]
    return _share(plans, _within_20_weeks)


def plans_issued_within_20_weeks_incl_exceptions(
    rows: Sequence[PlanRow], period: Period, memo: Memo = None
) -> IndicatorValue:
    return _share(_new_in(rows, period, memo), _within_20_weeks)


def _weeks_taken_over(row: PlanRow, weeks: int) -> bool:
    assert row.request_received is not None
    return row.issued > add_weeks(row.request_received, weeks)


def plans_issued_over_52_weeks(
    rows: Sequence[PlanRow], period: Period, memo: Memo = None
) -> IndicatorValue:
    return _share(_new_in(rows, period, memo), lambda row: _weeks_taken_over(row, LONG_WAIT_WEEKS))


def average_weeks_to_issue(
    rows: Sequence[PlanRow], period: Period, memo: Memo = None
) -> IndicatorValue:
    """Mean weeks from request to final plan, one decimal place (half up)."""
    plans = _new_in(rows, period, memo)
    days = sum(
        (row.issued - row.request_received).days * row.weight
        for row in plans
        if row.request_received
    )
    number = total(plans)
    value = None if not number else tenths(days, DAYS_PER_WEEK * number)
    return IndicatorValue(
        value=value,
        numerator=None,
        denominator=number,
        numerator_rows=tuple(plans),
        denominator_rows=tuple(plans),
    )


# --- plans in place -------------------------------------------------------------------------


def in_place_on(
    rows: Sequence[PlanRow], day: date, memo: dict[object, object] | None = None
) -> list[PlanRow]:
    """Plans issued on or before ``day`` and not ceased by then (ceased that day: gone)."""
    return memoized(
        memo,
        ("plans_in_place_on", day),
        lambda: [
            row for row in rows if row.issued <= day and (row.ceased is None or row.ceased > day)
        ],
    )


def plans_in_place(
    rows: Sequence[PlanRow], period: Period, memo: dict[object, object] | None = None
) -> IndicatorValue:
    """Plans in place on the last day of the period (SEN2: on the census date)."""
    return count(in_place_on(rows, period.end, memo))


def plans_ceased(
    rows: Sequence[PlanRow],
    period: Period,
    reason: str | None = None,
    memo: dict[object, object] | None = None,
) -> IndicatorValue:
    """Plans ceased in the period, for one SEN2 cease reason or (``None``) for any."""
    ceased = memoized(
        memo,
        ("plans_ceased_in", period),
        lambda: [row for row in rows if period.contains(row.ceased)],
    )
    return count(row for row in ceased if reason is None or row.cease_reason == reason)


def _by_need(
    rows: Sequence[PlanRow], day: date, memo: dict[object, object] | None
) -> dict[str, list[PlanRow]]:
    def compute() -> dict[str, list[PlanRow]]:
        groups: dict[str, list[PlanRow]] = {}
        for row in in_place_on(rows, day, memo):
            if row.primary_need is not None:
                groups.setdefault(row.primary_need, []).append(row)
        return groups

    return memoized(memo, ("plans_by_need_on", day), compute)


def primary_need_share(
    rows: Sequence[PlanRow], period: Period, need: str, memo: dict[object, object] | None = None
) -> IndicatorValue:
    """% of plans in place at the period's end (with a primary need recorded) with ``need``."""
    groups = _by_need(rows, period.end, memo)
    hits = groups.get(need, [])
    recorded = [row for group in groups.values() for row in group]
    return percent(total(hits), total(recorded), hits, recorded)


# --- advice -------------------------------------------------------------------------------


# A live area has a few thousand distinct request dates and hundreds of thousands of rows:
# the clock's date arithmetic, cached per date (pure functions of a date).
_advice_due = lru_cache(maxsize=16384)(advice_due)


def _falling_due(
    rows: Sequence[AdviceRow], period: Period, memo: dict[object, object] | None
) -> list[AdviceRow]:
    return memoized(
        memo,
        ("advice_falling_due", period),
        lambda: [row for row in rows if period.contains(_advice_due(row.requested))],
    )


def advice_within_6_weeks(
    rows: Sequence[AdviceRow],
    period: Period,
    source: str | None = None,
    *,
    exclude_exceptions: bool = False,
    memo: dict[object, object] | None = None,
) -> IndicatorValue:
    """Of advice requests falling due in the period (Reg 8(1)), % returned by the due date;
    with ``exclude_exceptions``, leaving out those a Reg 8(2) exception applied to."""
    due = [
        row
        for row in _falling_due(rows, period, memo)
        if (source is None or row.source == source)
        and not (exclude_exceptions and row.exception_applies)
    ]
    return _share(due, lambda row: _on_time(row.received, _advice_due(row.requested)))


# --- annual reviews and phase transfers -----------------------------------------------------


def reviews_due(rows: Sequence[ReviewRow], period: Period) -> IndicatorValue:
    return count(row for row in rows if period.contains(row.due))


def reviews_held(rows: Sequence[ReviewRow], period: Period) -> IndicatorValue:
    return count(row for row in rows if period.contains(row.held))


def reviews_held_by_due_date(rows: Sequence[ReviewRow], period: Period) -> IndicatorValue:
    due = [row for row in rows if period.contains(row.due)]
    return _share(due, lambda row: _on_time(row.held, row.due))


def _held_in(rows: Sequence[ReviewRow], period: Period) -> list[ReviewRow]:
    return [row for row in rows if period.contains(row.held)]


def _held(row: ReviewRow) -> date:
    assert row.held is not None  # _held_in keeps only reviews held in the period
    return row.held


def review_decisions_within_4_weeks(rows: Sequence[ReviewRow], period: Period) -> IndicatorValue:
    """Of review meetings held in the period, % decided within 4 weeks (Reg 20(10))."""
    return _share(
        _held_in(rows, period),
        lambda row: _on_time(row.decided_on, add_weeks(_held(row), REVIEW_DECISION_WEEKS)),
    )


def amended_plans_within_12_weeks(rows: Sequence[ReviewRow], period: Period) -> IndicatorValue:
    """Of reviews held in the period that decided to amend, % with the final amended plan
    issued within 12 weeks of the meeting (Reg 20(10) + Reg 22(3), Devon (2022))."""
    amending = [row for row in _held_in(rows, period) if row.outcome == "amend"]
    return _share(
        amending,
        lambda row: _on_time(
            row.amended_plan_issued, add_weeks(_held(row), AMENDED_PLAN_WEEKS_AFTER_MEETING)
        ),
    )


def transfer_deadline(row: TransferRow) -> date:
    """Reg 18(1): 15 February (school) or 31 March (post-16) of the year of transfer."""
    return _transfer_deadline(row)


def _transfer_deadline(row: TransferRow) -> date:
    (month, day), _rule = PHASE_TRANSFER_DEADLINES[row.kind]
    return date(row.transfer_date.year, month, day)


def phase_transfers_finalised_on_time(
    rows: Sequence[TransferRow], period: Period, kind: str
) -> IndicatorValue:
    """Of ``kind`` transfers whose Reg 18(1) deadline falls in the period, % finalised by it."""
    due = [row for row in rows if row.kind == kind and period.contains(_transfer_deadline(row))]
    return _share(due, lambda row: _on_time(row.finalised, _transfer_deadline(row)))


# --- caseload -------------------------------------------------------------------------------


def caseload_per_coordinator(rows: Sequence[CaseRow], period: Period) -> IndicatorValue:
    """Allocated open cases on the period's last day / caseworkers holding at least one."""
    day = period.end
    open_cases = [
        row
        for row in rows
        if row.caseworker is not None
        and row.opened <= day
        and (row.closed is None or row.closed > day)
    ]
    return ratio(
        total(open_cases), len({row.caseworker for row in open_cases}), open_cases, open_cases
    )
