"""Which recorded exceptions excuse a row's time limit: the clock's own rules, per row.

The clock (``clock.exception_rules.is_excused``) decides whether an exception applies to
a limit; these helpers ask it for one plan's 20 weeks (Reg 13(3)) or one advice
request's 6 weeks (Reg 8(2)), given only the case's exception events and the dates it
asked the setting for advice (the closure exceptions need those). So the Django side can
fetch the few exception events of a whole area in one query and flag each row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from opensend.statutory.clock import ClockEvent, advice_due
from opensend.statutory.clock.assessment import FINAL_PLAN_WEEKS
from opensend.statutory.clock.exception_rules import REASONS_ADVICE, REASONS_ASSESSMENT, is_excused
from opensend.statutory.dates import add_weeks

__all__ = ["advice_exception_applies", "exception_event", "week20_exception_applies"]


def exception_event(*, recorded: date, reason: str, start: date, end: date | None) -> ClockEvent:
    """An exception as the clock reads it (the ``exception`` event of a case)."""
    return ClockEvent(event="exception", date=recorded, reason=reason, start=start, end=end)


def _with_education_advice(
    exceptions: Sequence[ClockEvent], education_advice_requested: Sequence[date]
) -> list[ClockEvent]:
    asked = [
        ClockEvent(event="advice_requested", date=day, source="education")
        for day in education_advice_requested
    ]
    return [*exceptions, *asked]


def week20_exception_applies(
    request_received: date,
    exceptions: Sequence[ClockEvent],
    education_advice_requested: Sequence[date] = (),
) -> bool:
    """Reg 13(3): an applicable exception overlaps the 20 weeks from the request (the
    clock's ``Week20.exception_applies``)."""
    if not exceptions:
        return False
    return is_excused(
        _with_education_advice(exceptions, education_advice_requested),
        period_start=request_received,
        due=add_weeks(request_received, FINAL_PLAN_WEEKS),
        reasons=REASONS_ASSESSMENT,
    )


def advice_exception_applies(requested: date, exceptions: Sequence[ClockEvent]) -> bool:
    """Reg 8(2): an exception excuses the 6 weeks of advice requested on ``requested``
    (Reg 8(2) lists no closure, so the setting's advice dates do not matter)."""
    if not exceptions:
        return False
    return is_excused(
        exceptions, period_start=requested, due=advice_due(requested), reasons=REASONS_ADVICE
    )
