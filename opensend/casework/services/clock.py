"""Bridge between stored CaseEvents and the pure statutory clock."""

import datetime as dt
from collections.abc import Iterable

from opensend.casework.models import CLOCK_EVENT_KINDS, Case, CaseEvent, CaseStep
from opensend.casework.signals import case_changed
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


def case_steps_refresh(*, case: Case, today: dt.date) -> ClockResult:
    """Recompute the clock from every event and store its steps for the queues; then tell
    the read models (``signals.case_changed``), in the same transaction."""
    result = clock_for(case, case.events.all(), today)
    CaseStep.objects.filter(case=case).delete()
    CaseStep.objects.bulk_create(
        CaseStep(case=case, step=s.step, due=s.due, done=s.done, status=s.status, rule=s.rule)
        for s in result.steps
    )
    case_changed.send(sender=Case, case_id=case.pk)
    return result
