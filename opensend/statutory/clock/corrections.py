"""Corrections: the history as corrected, with the corrections themselves left out.

An event recorded in error is never deleted or overwritten: a new, user-attributed event
refers to it by its ``event_id`` (the domain's rule that a correction is itself an event:
who, when, why; the original stays in the stored history, struck through for staff).

* ``event_withdrawn`` (``refers_to``, ``reason``): the event did not happen; it is dropped.
* ``event_corrected`` (``refers_to``, ``reason``, ``corrected``): the event happened as
  ``corrected`` says (another date, outcome, source... or even another kind, e.g. a panel
  decision recorded against the wrong question); it is replaced, keeping its event_id so
  that a later correction can refer to it again.

When several corrections refer to the same event, the latest (by date, then by position
in the input) decides. The clock, the order rules and the indicators all read
``effective_history``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from opensend.statutory.clock.model import CORRECTION_KINDS, ClockError, ClockEvent

__all__ = ["effective_history", "is_correction", "latest_corrections"]


def is_correction(event: ClockEvent) -> bool:
    return event.event in CORRECTION_KINDS


def effective_history(events: Sequence[ClockEvent]) -> tuple[ClockEvent, ...]:
    """The events as corrected: withdrawn ones dropped, corrected ones replaced, and no
    correction events. Order is kept. Idempotent: the result has no corrections left.

    ClockError when two events share an event_id, or a correction refers to no event, to
    a correction, or has no ``refers_to`` (an event_corrected also needs ``corrected``).
    """
    originals = _by_id(event for event in events if not is_correction(event))
    decisions = latest_corrections(events, originals)
    corrected: list[ClockEvent] = []
    for event in events:
        if is_correction(event):
            continue
        decision = decisions.get(event.event_id) if event.event_id is not None else None
        if decision is None:
            corrected.append(event)
        elif decision.corrected is not None:
            corrected.append(replace(decision.corrected, event_id=event.event_id))
    return tuple(corrected)


def latest_corrections(
    events: Sequence[ClockEvent], originals: dict[int | str, ClockEvent] | None = None
) -> dict[int | str, ClockEvent]:
    """The correction that decides each corrected event, by the corrected event's id."""
    known = originals
    if known is None:
        known = _by_id(event for event in events if not is_correction(event))
    found: dict[int | str, tuple[tuple[date, int], ClockEvent]] = {}
    for position, event in enumerate(events):
        if not is_correction(event):
            continue
        target = _target(event, known)
        key = (event.date, position)
        if target not in found or found[target][0] < key:
            found[target] = (key, event)
    return {target: correction for target, (_, correction) in found.items()}


def _by_id(events: Iterable[ClockEvent]) -> dict[int | str, ClockEvent]:
    found: dict[int | str, ClockEvent] = {}
    for event in events:
        if event.event_id is None:
            continue
        if event.event_id in found:
            raise ClockError(f"two events have the same id {event.event_id!r}")
        found[event.event_id] = event
    return found


def _target(correction: ClockEvent, originals: dict[int | str, ClockEvent]) -> int | str:
    label = f"{correction.event} on {correction.date}"
    if correction.refers_to is None:
        raise ClockError(f"{label} needs 'refers_to', the id of the event recorded in error")
    if correction.refers_to not in originals:
        raise ClockError(
            f"{label} refers to {correction.refers_to!r}, and no event (other than a "
            "correction) has that id"
        )
    if correction.event == "event_corrected" and correction.corrected is None:
        raise ClockError(f"{label} needs 'corrected', the event as it should have been")
    return correction.refers_to
