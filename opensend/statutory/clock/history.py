"""Reading a case history: events in a canonical order, and small queries over them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from opensend.statutory.clock.model import EVENT_KINDS, ClockEvent

__all__ = [
    "canonical_order",
    "dates_of",
    "first_on_or_after",
    "in_period",
    "latest",
    "with_next",
]

_KIND_ORDER = {kind: index for index, kind in enumerate(EVENT_KINDS)}


def _sort_key(event: ClockEvent) -> tuple[date, int, str, str, str, date, date, date, str]:
    """A total order, so that the result never depends on the order events were given."""
    return (
        event.date,
        _KIND_ORDER.get(event.event, len(_KIND_ORDER)),
        event.outcome or "",
        event.source or "",
        event.reason or "",
        event.start or date.min,
        event.end or date.min,
        event.transfer_date or date.min,
        event.kind or "",
    )


def canonical_order(events: Iterable[ClockEvent]) -> tuple[ClockEvent, ...]:
    """Events sorted by date, then by their usual place in the process."""
    return tuple(sorted(events, key=_sort_key))


def dates_of(events: Sequence[ClockEvent], *kinds: str, outcome: str | None = None) -> list[date]:
    """Sorted dates of the events of these kinds (and this outcome, if given)."""
    return sorted(
        event.date
        for event in events
        if event.event in kinds and (outcome is None or event.outcome == outcome)
    )


def in_period(days: Iterable[date], start: date, before: date | None = None) -> list[date]:
    """The days on or after ``start`` and (if given) strictly before ``before``, sorted."""
    return sorted(day for day in days if day >= start and (before is None or day < before))


def first_on_or_after(days: Iterable[date], start: date, before: date | None = None) -> date | None:
    """The earliest day on or after ``start`` (and before ``before``), or None."""
    candidates = in_period(days, start, before)
    return candidates[0] if candidates else None


def latest(days: Iterable[date]) -> date | None:
    """The latest of the days, or None when there are none."""
    return max(days, default=None)


def with_next(days: Sequence[date]) -> Iterator[tuple[date, date | None]]:
    """Each day paired with the one after it in the sequence (None after the last)."""
    following: list[date | None] = [*days[1:], None]
    return zip(days, following[: len(days)], strict=True)
