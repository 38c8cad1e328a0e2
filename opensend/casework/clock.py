"""Bridge between stored CaseEvents and the pure statutory clock (the read side).

The screens, the nightly refresh (services/clock.py) and the measures (through
event_selectors.py) all put stored events on the clock with these two functions."""

import datetime as dt
from collections.abc import Iterable

from opensend.casework.models import CLOCK_EVENT_KINDS, Case, CaseEvent
from opensend.statutory.clock import ClockEvent, ClockResult, compute_clock
from opensend.statutory.clock.validation import ALLOWED_FIELDS

_DATE_FIELDS = ("start", "end", "transfer_date")
_TEXT_FIELDS = ("outcome", "source", "reason", "kind")


def clock_event(event: CaseEvent) -> ClockEvent:
    """The clock's view of a stored event: only the fields the clock reads for its kind."""
    allowed = ALLOWED_FIELDS.get(event.kind, ())
    data = {name: value for name, value in event.data.items() if name in allowed and value}
    dates = {name: dt.date.fromisoformat(data[name]) for name in _DATE_FIELDS if name in data}
    texts = {name: data[name] for name in _TEXT_FIELDS if name in data}
    return ClockEvent(event=event.kind, date=event.occurred_on, **dates, **texts)


def clock_for(case: Case, events: Iterable[CaseEvent], today: dt.date) -> ClockResult:
    clock_events = [clock_event(e) for e in events if e.kind in CLOCK_EVENT_KINDS]
    return compute_clock(clock_events, today=today, date_of_birth=case.child.date_of_birth)
