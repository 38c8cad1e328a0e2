"""The statutory exceptions: when missing a time limit is excused.

An exception never moves a due date and never stops the clock; it excuses a limit that
was missed while it held (the local authority must still act as soon as practicable).
An exception is applicable to a step only when all of these hold:

1. its reason is one the step's regulation lists (see REASONS_* below);
2. its own conditions hold:
   * school_closure / early_years_closure (Reg 5(4)(a)-(b), 10(4)(a)-(b), 13(3)(a)-(b),
     27(3)(a)-(b)): the setting was closed for a continuous period of not less than 4 weeks
     (28 days, first and last day included), and the LA asked the setting ("education")
     for advice during the period beginning one week before the closure and ending one
     week before the setting reopens (it reopens the day after the last closed day);
   * absent_from_area (Reg 5(4)(d), 8(2)(b), ...): a continuous absence of not less than
     4 weeks (28 days); a 3-week absence is not an exception;
   * personal_circumstances (Reg 5(4)(c), 8(2)(a), ...): no length condition;
   * missed_appointment (Reg 8(2)(c)): advice steps only;
3. its days overlap the step's period: from the day the limit starts running to its due
   date, both included.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from opensend.statutory.clock.model import CLOSURE_REASONS, ClockError, ClockEvent
from opensend.statutory.dates import add_days, days_inclusive, periods_overlap

__all__ = [
    "NO_EXCEPTIONS",
    "REASONS_ADVICE",
    "REASONS_ASSESSMENT",
    "exception_excuses",
    "is_excused",
]

# "a continuous period of not less than 4 weeks"
MINIMUM_CONTINUOUS_DAYS: Final = 28
# "beginning one week before ... and ending one week before the date on which it re-opens"
ONE_WEEK: Final = 7

# Reg 5(4), Reg 10(4), Reg 13(3) and Reg 27(3) list the same four reasons (a)-(d).
REASONS_ASSESSMENT: Final = frozenset(
    {"school_closure", "early_years_closure", "personal_circumstances", "absent_from_area"}
)
# Reg 8(2): advice givers. (a) exceptional circumstances, (b) absence of 4+ weeks,
# (c) a missed appointment for an examination or test. It does not list closures.
REASONS_ADVICE: Final = frozenset(
    {"personal_circumstances", "absent_from_area", "missed_appointment"}
)
# Reviews, amendments, phase transfers and Reg 25(1) have no exceptions.
NO_EXCEPTIONS: Final[frozenset[str]] = frozenset()


def _span(exception: ClockEvent) -> tuple[date, date]:
    """First and last day of an exception (validation has filled both in)."""
    if exception.start is None:
        raise ClockError(f"the exception recorded on {exception.date} has no start date")
    return exception.start, exception.end or exception.start


def _long_enough(exception: ClockEvent) -> bool:
    return days_inclusive(*_span(exception)) >= MINIMUM_CONTINUOUS_DAYS


def _advice_asked_in_closure_window(exception: ClockEvent, events: Sequence[ClockEvent]) -> bool:
    """Advice asked of the setting from 1 week before it closed to 1 week before it reopens.

    The setting reopens the day after the exception's last day.
    """
    first_closed, last_closed = _span(exception)
    window_start = add_days(first_closed, -ONE_WEEK)
    window_end = add_days(add_days(last_closed, 1), -ONE_WEEK)
    return any(
        event.event == "advice_requested"
        and event.source == "education"
        and window_start <= event.date <= window_end
        for event in events
    )


def _conditions_hold(exception: ClockEvent, events: Sequence[ClockEvent]) -> bool:
    if exception.reason in CLOSURE_REASONS:
        return _long_enough(exception) and _advice_asked_in_closure_window(exception, events)
    if exception.reason == "absent_from_area":
        return _long_enough(exception)
    return True  # personal_circumstances, missed_appointment


def exception_excuses(
    exception: ClockEvent,
    *,
    period_start: date,
    due: date,
    reasons: frozenset[str],
    events: Sequence[ClockEvent],
) -> bool:
    """Whether this exception excuses a limit running from ``period_start`` to ``due``."""
    return (
        exception.reason in reasons
        and _conditions_hold(exception, events)
        and periods_overlap(*_span(exception), period_start, due)
    )


def is_excused(
    events: Sequence[ClockEvent], *, period_start: date, due: date, reasons: frozenset[str]
) -> bool:
    """Whether any recorded exception excuses the limit from ``period_start`` to ``due``."""
    return any(
        exception_excuses(event, period_start=period_start, due=due, reasons=reasons, events=events)
        for event in events
        if event.event == "exception"
    )
