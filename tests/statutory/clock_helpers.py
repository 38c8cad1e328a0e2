"""Small builders shared by the statutory clock tests (dates written as ISO text)."""

from __future__ import annotations

from datetime import date

from opensend.statutory.clock import ClockEvent, ClockResult, Step, compute_clock

DATE_FIELDS = ("start", "end", "transfer_date")


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(event: str, day: str, **fields: str) -> ClockEvent:
    """ev("advice_requested", "2023-02-13", source="health")."""
    values: dict[str, object] = {
        name: d(value) if name in DATE_FIELDS else value for name, value in fields.items()
    }
    return ClockEvent(event, d(day), **values)  # type: ignore[arg-type]


def clock(events: list[ClockEvent], today: str, dob: str | None = None) -> ClockResult:
    return compute_clock(events, today=d(today), date_of_birth=d(dob) if dob else None)


def rows(result: ClockResult) -> list[tuple[str, str, str | None, str, str]]:
    """Steps as (step, due, done, status, rule) with ISO dates, for compact expectations."""
    return [
        (s.step, s.due.isoformat(), s.done.isoformat() if s.done else None, s.status, s.rule)
        for s in result.steps
    ]


def named(result: ClockResult, name: str) -> list[Step]:
    return [step for step in result.steps if step.step == name]


def only(result: ClockResult, name: str) -> Step:
    found = named(result, name)
    assert len(found) == 1, f"expected one {name} step, got {found}"
    return found[0]
