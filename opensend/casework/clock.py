"""Bridge between stored CaseEvents and the pure statutory clock (the read side).

The screens, the nightly refresh (services/clock.py), the order of steps checked by the
services (services/common.py) and the measures (through event_selectors.py) all put
stored events on the clock with these functions. Each clock event carries its stored
event's key as ``event_id``, so that a correction (``refers_to``) finds it.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from opensend.casework.models import CLOCK_EVENT_KINDS, Case, CaseEvent
from opensend.statutory.clock import ClockEvent, ClockResult, compute_clock
from opensend.statutory.clock.validation import ALLOWED_FIELDS

_DATE_FIELDS = ("start", "end", "transfer_date")
_TEXT_FIELDS = ("outcome", "source", "reason", "kind")


def _clock_fields(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    allowed = ALLOWED_FIELDS.get(kind, ())
    kept = {name: value for name, value in data.items() if name in allowed and value}
    dates = {name: dt.date.fromisoformat(kept[name]) for name in _DATE_FIELDS if name in kept}
    texts = {name: kept[name] for name in _TEXT_FIELDS if name in kept}
    return {**dates, **texts}


def corrected_event(stored: dict[str, Any]) -> ClockEvent:
    """The event as a correction says it should have been (``data["corrected"]``)."""
    return ClockEvent(
        event=stored["event"],
        date=dt.date.fromisoformat(stored["date"]),
        **_clock_fields(stored["event"], stored),
    )


def clock_event(event: CaseEvent) -> ClockEvent:
    """The clock's view of a stored event: only the fields the clock reads for its kind."""
    data = event.data or {}
    extra: dict[str, Any] = {}
    if data.get("refers_to") is not None:
        extra["refers_to"] = data["refers_to"]
    if data.get("corrected"):
        extra["corrected"] = corrected_event(data["corrected"])
    return ClockEvent(
        event=event.kind,
        date=event.occurred_on,
        event_id=getattr(event, "pk", None),
        **_clock_fields(event.kind, data),
        **extra,
    )


def clock_history(events: Iterable[CaseEvent]) -> list[ClockEvent]:
    """The stored history as the clock reads it, corrections included."""
    return [clock_event(event) for event in events if event.kind in CLOCK_EVENT_KINDS]


def clock_for(case: Case, events: Iterable[CaseEvent], today: dt.date) -> ClockResult:
    return compute_clock(clock_history(events), today=today, date_of_birth=case.child.date_of_birth)
