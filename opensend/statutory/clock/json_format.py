"""The clock's JSON contract (used by the CLI; see docs/statutory-clock.md).

Input::

    {"today": "YYYY-MM-DD",
     "child": {"date_of_birth": "YYYY-MM-DD"},          (optional; may be null)
     "events": [{"event": "...", "date": "YYYY-MM-DD", ...}]}

Output: the ClockResult with dates as "YYYY-MM-DD" strings and None as null.
Unknown keys are refused rather than ignored, so a misspelt field never goes unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from opensend.statutory.clock.model import ClockError, ClockEvent, ClockResult, Step, Week20
from opensend.statutory.dates import parse_iso_date

__all__ = ["ClockRequest", "request_from_json", "result_to_json"]

TOP_LEVEL_KEYS: Final = frozenset({"today", "child", "events"})
CHILD_KEYS: Final = frozenset({"date_of_birth"})
EVENT_TEXT_KEYS: Final = ("outcome", "from", "reason", "kind")  # "from" is ClockEvent.source
EVENT_DATE_KEYS: Final = ("start", "end", "transfer_date")
# "id" is ClockEvent.event_id, "by" its recorded_by; "refers_to" and "corrected" are for
# the corrections event_withdrawn / event_corrected.
EVENT_ID_KEYS: Final = ("id", "refers_to")
EVENT_KEYS: Final = frozenset(
    {"event", "date", "by", "corrected", *EVENT_TEXT_KEYS, *EVENT_DATE_KEYS, *EVENT_ID_KEYS}
)


@dataclass(frozen=True)
class ClockRequest:
    """The arguments of compute_clock, read from a JSON document."""

    today: date
    date_of_birth: date | None
    events: tuple[ClockEvent, ...]


def _object(value: object, what: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ClockError(f"{what} must be a JSON object")
    return {str(key): item for key, item in value.items()}


def _refuse_unknown(found: dict[str, object], allowed: frozenset[str], what: str) -> None:
    unknown = sorted(set(found) - allowed)
    if unknown:
        raise ClockError(
            f"{what}: unknown field {unknown[0]!r}; expected {', '.join(sorted(allowed))}"
        )


def _date(value: object, what: str) -> date:
    if not isinstance(value, str):
        raise ClockError(f"{what} must be a date written YYYY-MM-DD, not {value!r}")
    try:
        return parse_iso_date(value)
    except ValueError as error:
        raise ClockError(f"{what}: {error}") from None


def _optional_date(value: object, what: str) -> date | None:
    return None if value is None else _date(value, what)


def _optional_text(value: object, what: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ClockError(f"{what} must be text, not {value!r}")
    return value


def request_from_json(document: object) -> ClockRequest:
    """Read the input document; ClockError says what is wrong with it."""
    top = _object(document, "the input")
    _refuse_unknown(top, TOP_LEVEL_KEYS, "the input")
    if "today" not in top:
        raise ClockError("the input needs 'today' (YYYY-MM-DD)")
    events = top.get("events")
    if not isinstance(events, list):
        raise ClockError("the input needs 'events', a list of events")
    today = _date(top["today"], "today")
    return ClockRequest(
        today=today,
        date_of_birth=_date_of_birth(top.get("child")),
        events=tuple(
            _event(item, position, today) for position, item in enumerate(events, start=1)
        ),
    )


def _date_of_birth(child: object) -> date | None:
    if child is None:
        return None
    fields = _object(child, "child")
    _refuse_unknown(fields, CHILD_KEYS, "child")
    return _optional_date(fields.get("date_of_birth"), "child date_of_birth")


def _event(item: object, position: int, today: date) -> ClockEvent:
    what = f"event {position}"
    fields = _object(item, what)
    _refuse_unknown(fields, EVENT_KEYS, what)
    kind = fields.get("event")
    if not isinstance(kind, str):
        raise ClockError(f"{what} needs 'event', the kind of event (text)")
    what = f"{what} ({kind})"
    start = _optional_date(fields.get("start"), f"{what} start")
    return ClockEvent(
        event=kind,
        date=_recorded_on(fields.get("date"), kind, start, today, what),
        outcome=_optional_text(fields.get("outcome"), f"{what} outcome"),
        source=_optional_text(fields.get("from"), f"{what} from"),
        reason=_optional_text(fields.get("reason"), f"{what} reason"),
        start=start,
        end=_optional_date(fields.get("end"), f"{what} end"),
        transfer_date=_optional_date(fields.get("transfer_date"), f"{what} transfer_date"),
        kind=_optional_text(fields.get("kind"), f"{what} kind"),
        event_id=_optional_id(fields.get("id"), f"{what} id"),
        recorded_by=_optional_text(fields.get("by"), f"{what} by"),
        refers_to=_optional_id(fields.get("refers_to"), f"{what} refers_to"),
        corrected=_corrected(fields.get("corrected"), position, today),
    )


def _optional_id(value: object, what: str) -> int | str | None:
    if value is None or (isinstance(value, int | str) and not isinstance(value, bool)):
        return value
    raise ClockError(f"{what} must be text or a whole number, not {value!r}")


def _corrected(value: object, position: int, today: date) -> ClockEvent | None:
    """The event as it should have been, written like any event (without an id)."""
    if value is None:
        return None
    try:
        return _event(value, position, today)
    except ClockError as error:
        raise ClockError(f"event {position} corrected: {error}") from None


def _recorded_on(value: object, kind: str, start: date | None, today: date, what: str) -> date:
    """The event's date. An exception may leave it out: it is then dated by its first day,
    or by today for one that has not started yet (an absence planned for next month)."""
    if value is None and kind == "exception" and start is not None:
        return min(start, today)
    if value is None:
        raise ClockError(f"{what} needs 'date' (YYYY-MM-DD)")
    return _date(value, f"{what} date")


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _step_to_json(step: Step) -> dict[str, object]:
    return {
        "step": step.step,
        "due": _iso(step.due),
        "done": _iso(step.done),
        "status": step.status,
        "rule": step.rule,
    }


def _week20_to_json(week20: Week20) -> dict[str, object]:
    return {
        "due": _iso(week20.due),
        "issued": _iso(week20.issued),
        "within_20_weeks": week20.within_20_weeks,
        "exception_applies": week20.exception_applies,
    }


def result_to_json(result: ClockResult) -> dict[str, object]:
    """The output document (plain dicts, lists, strings, ints, booleans and None)."""
    return {
        "steps": [_step_to_json(step) for step in result.steps],
        "week20": _week20_to_json(result.week20),
        "nc_year": result.nc_year,
        "young_person_from": _iso(result.young_person_from),
        "plan_can_run_until": _iso(result.plan_can_run_until),
    }
