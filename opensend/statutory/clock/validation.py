"""Checking a case history before it goes on the clock.

Everything wrong with the input becomes a ClockError whose message a caseworker can act
on; nothing here guesses what a bad event meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Final

from opensend.statutory.clock.corrections import effective_history
from opensend.statutory.clock.disputes import appealable_decisions
from opensend.statutory.clock.history import canonical_order, dates_of
from opensend.statutory.clock.model import (
    ADVICE_SOURCES,
    ASSESSMENT_OPENINGS,
    ASSESSMENT_OUTCOMES,
    CORRECTION_KINDS,
    EVENT_KINDS,
    EXCEPTION_REASONS,
    PHASE_TRANSFER_KINDS,
    REVIEW_OUTCOMES,
    ClockError,
    ClockEvent,
)

__all__ = ["FIELD_JSON_NAMES", "check_day", "validate_history"]

EARLIEST_YEAR: Final = 1900
LATEST_YEAR: Final = 2199
OPTIONAL_FIELDS: Final = (
    "outcome",
    "source",
    "reason",
    "start",
    "end",
    "transfer_date",
    "kind",
    "refers_to",
    "corrected",
)
FIELD_JSON_NAMES: Final = {"source": "from"}

# Fields each kind needs, and the values a text field may take.
REQUIRED_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "decision_to_assess": ("outcome",),
    "review_decision": ("outcome",),
    "advice_requested": ("source",),
    "advice_received": ("source",),
    "exception": ("reason", "start"),
    "phase_transfer": ("transfer_date", "kind"),
    "event_withdrawn": ("refers_to", "reason"),
    "event_corrected": ("refers_to", "reason", "corrected"),
}
ALLOWED_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    **REQUIRED_FIELDS,
    "exception": ("reason", "start", "end"),
}
ALLOWED_VALUES: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("decision_to_assess", "outcome"): ASSESSMENT_OUTCOMES,
    ("review_decision", "outcome"): REVIEW_OUTCOMES,
    ("advice_requested", "source"): ADVICE_SOURCES,
    ("advice_received", "source"): ADVICE_SOURCES,
    ("exception", "reason"): EXCEPTION_REASONS,
    ("phase_transfer", "kind"): PHASE_TRANSFER_KINDS,
}
# Fields whose value is free text (a correction's reason) or an id, not a date.
FREE_FIELDS: Final = frozenset({"reason", "refers_to"})
# Steps of an assessment: they need a request (or re-assessment request) on or before them.
ASSESSMENT_EVENTS: Final = frozenset(
    {
        "decision_to_assess",
        "advice_requested",
        "advice_received",
        "decision_not_to_issue",
        "draft_plan_issued",
    }
)


def _json_name(field: str) -> str:
    return FIELD_JSON_NAMES.get(field, field)


def check_day(value: object, what: str) -> date:
    """``value`` if it is a calendar date in a plausible range.

    A datetime is refused (it has a time of day). Years outside 1900-2199 are refused as
    typing mistakes (e.g. "0225"); the bound also keeps every limit inside the calendar.
    """
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ClockError(f"{what} must be a calendar date, not {value!r}")
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ClockError(f"{what} {value} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}")
    return value


def validate_history(
    events: Sequence[ClockEvent], *, today: date, date_of_birth: date | None
) -> tuple[ClockEvent, ...]:
    """The effective history (corrections applied, see corrections.py), checked, completed
    and in canonical order; ClockError if any event is wrong."""
    check_day(today, "today")
    if date_of_birth is not None and check_day(date_of_birth, "date_of_birth") > today:
        raise ClockError(f"date_of_birth {date_of_birth} is after today ({today})")
    checked = [_check_event(event, position, today) for position, event in enumerate(events, 1)]
    history = canonical_order(effective_history(checked))
    _check_sequence(history)
    return history


def _check_event(event: ClockEvent, position: int, today: date) -> ClockEvent:
    label = f"event {position} ({event.event})"
    if event.event not in EVENT_KINDS:
        expected = ", ".join(EVENT_KINDS)
        raise ClockError(
            f"event {position}: unknown event {event.event!r}; expected one of {expected}"
        )
    if check_day(event.date, f"{label} date") > today:
        raise ClockError(f"{label} is dated {event.date}, after today ({today})")
    _check_fields(event, label)
    if event.event == "exception":
        return _check_exception(event, label)
    if event.corrected is not None:
        return replace(event, corrected=_check_corrected(event.corrected, position, today))
    return event


def _check_corrected(corrected: object, position: int, today: date) -> ClockEvent:
    """The event as it should have been: any kind but a correction, checked like others."""
    if not isinstance(corrected, ClockEvent) or corrected.event in CORRECTION_KINDS:
        raise ClockError(f"event {position}: 'corrected' must be an event other than a correction")
    try:
        return _check_event(corrected, position, today)
    except ClockError as error:
        raise ClockError(f"event {position} (event_corrected) corrected: {error}") from None


def _check_fields(event: ClockEvent, label: str) -> None:
    allowed = ALLOWED_FIELDS.get(event.event, ())
    for field in OPTIONAL_FIELDS:
        value = getattr(event, field)
        if value is None:
            if field in REQUIRED_FIELDS.get(event.event, ()):
                raise ClockError(
                    f"{label} needs {_json_name(field)!r}{_choices(event.event, field)}"
                )
            continue
        if field not in allowed:
            raise ClockError(f"{label}: {_json_name(field)!r} does not apply to {event.event}")
        _check_value(event.event, field, value, label)


def _choices(kind: str, field: str) -> str:
    values = ALLOWED_VALUES.get((kind, field))
    return f" (one of {', '.join(values)})" if values else ""


def _check_value(kind: str, field: str, value: object, label: str) -> None:
    values = ALLOWED_VALUES.get((kind, field))
    if field == "corrected":
        return  # checked as an event of its own
    if field in FREE_FIELDS and values is None:
        if not isinstance(value, str | int) or isinstance(value, bool) or value == "":
            raise ClockError(f"{label}: {_json_name(field)} must be text or a number")
        return
    if values is None:
        check_day(value, f"{label} {_json_name(field)}")
    elif value not in values:
        raise ClockError(
            f"{label}: {_json_name(field)} {value!r} is not one of {', '.join(values)}"
        )


def _check_exception(event: ClockEvent, label: str) -> ClockEvent:
    """A missed appointment is one day (end defaults to start); other reasons need an end."""
    if event.end is None:
        if event.reason != "missed_appointment":
            raise ClockError(f"{label} needs 'end' (the last day of the {event.reason})")
        return replace(event, end=event.start)
    if event.start is not None and event.end < event.start:
        raise ClockError(f"{label} ends on {event.end}, before it starts on {event.start}")
    return event


def _check_sequence(events: Sequence[ClockEvent]) -> None:
    """Events that only make sense after another one."""
    openings = dates_of(events, *ASSESSMENT_OPENINGS)
    requests = dates_of(events, "request_received")
    for event in events:
        if event.event in ASSESSMENT_EVENTS:
            _require_opening(event, openings)
        elif event.event == "final_plan_issued" and requests and openings[0] == requests[0]:
            # A plan made before any re-assessment may predate it, but not an initial request.
            _require_opening(event, openings)
        elif event.event in ("review_decision", "review_report_received"):
            _require_before(event, dates_of(events, "review_meeting"), "review_meeting")
        elif event.event == "mediation_certificate":
            _require_before(event, appealable_decisions(events), "appealable decision")


def _require_opening(event: ClockEvent, openings: Sequence[date]) -> None:
    if not openings:
        raise ClockError(
            f"{event.event} on {event.date} needs a request_received (or reassessment_request) "
            "before it, and there is none"
        )
    if event.date < openings[0]:
        raise ClockError(
            f"{event.event} on {event.date} is dated before the request on {openings[0]}"
        )


def _require_before(event: ClockEvent, days: Sequence[date], what: str) -> None:
    if not any(day <= event.date for day in days):
        raise ClockError(f"{event.event} on {event.date} has no {what} on or before it")
