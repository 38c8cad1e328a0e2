"""Checking events against the order of statutory steps.

* ``check_next(history, proposed)``: may ``proposed`` be recorded now? A Refusal or None.
  Services call it before they store an event (and a correction).
* ``allowed_next(history, today)``: the event kinds that may be recorded today, for pages
  to offer only the actions allowed now.
* ``validate_history(events)``: every refusal in a stored history (a history recorded
  before the rules, or imported, may hold some).
* ``lawful_history(events)``: the effective history without the events the rules would
  have refused; the clock CLI refuses such input, the indicators read only this.

Every function reads the effective history (corrections applied, see
``opensend.statutory.clock.corrections``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from opensend.statutory.clock.corrections import effective_history, is_correction
from opensend.statutory.clock.model import (
    ADVICE_SOURCES,
    ASSESSMENT_OUTCOMES,
    EVENT_KINDS,
    REVIEW_OUTCOMES,
    ClockError,
    ClockEvent,
)
from opensend.statutory.order.history import CaseSoFar, process_order
from opensend.statutory.order.rules import UNORDERED_KINDS, rules_for

__all__ = [
    "CORRECTION_RULE",
    "Refusal",
    "allowed_next",
    "check_next",
    "lawful_history",
    "validate_history",
]

CORRECTION_RULE: Final = "correction-keeps-order"
UNKNOWN_TARGET_RULE: Final = "correction-refers-to-event"


@dataclass(frozen=True)
class Refusal:
    """Why an event may not be recorded: the rule, its legal source and what to do."""

    rule: str  # the OrderRule id, e.g. "final-after-comment-period"
    source: str  # e.g. "Reg 13(1)"
    reason: str  # plain English: what is wrong and what must happen first
    event: ClockEvent  # the event refused

    @property
    def message(self) -> str:
        """One line for a page, a log or the CLI."""
        return (
            f"{self.event.event} on {self.event.date} is refused by rule {self.rule} "
            f"({self.source}): {self.reason}"
        )


def _refusal(before: Sequence[ClockEvent], event: ClockEvent) -> Refusal | None:
    """The first rule of the table that refuses ``event`` after ``before``."""
    case = CaseSoFar(tuple(before))
    for rule in rules_for(event.event):
        reason = rule.test(case, event)
        if reason is not None:
            return Refusal(rule=rule.rule, source=rule.source, reason=reason, event=event)
    return None


def validate_history(events: Sequence[ClockEvent]) -> list[Refusal]:
    """Every event of the effective history that its rules refuse, each checked against
    everything before it (in process order: date, then place in the process)."""
    history = process_order(effective_history(events))
    refusals = (_refusal(history[:index], event) for index, event in enumerate(history))
    return [refusal for refusal in refusals if refusal is not None]


def lawful_history(events: Sequence[ClockEvent]) -> tuple[ClockEvent, ...]:
    """The effective history without the events the rules would have refused, each
    checked against the events kept before it. Process order."""
    kept: list[ClockEvent] = []
    for event in process_order(effective_history(events)):
        if _refusal(kept, event) is None:
            kept.append(event)
    return tuple(kept)


def check_next(history: Sequence[ClockEvent], proposed: ClockEvent) -> Refusal | None:
    """None when ``proposed`` may be added to the stored ``history``; else the Refusal.

    The proposed event is checked against what happened before its date, and also must
    not make any recorded event unlawful (a back-dated decision not to issue before a
    draft is refused). A correction must leave the corrected history no less lawful.
    """
    if is_correction(proposed):
        return _check_correction(history, proposed)
    after = process_order([*effective_history(history), proposed])
    if after[-1] is proposed:
        # Nothing recorded comes after it, so it cannot make a recorded event unlawful.
        return _refusal(after[:-1], proposed)
    return _new_refusal(history, [*history, proposed], proposed, rule=None)


def _new_refusal(
    before: Sequence[ClockEvent],
    after: Sequence[ClockEvent],
    proposed: ClockEvent,
    rule: str | None,
) -> Refusal | None:
    """The first refusal in ``after`` that ``before`` did not have; the proposed event's
    own refusal first. ``rule`` names the correction rule when a correction caused it."""
    added = _added(validate_history(before), validate_history(after))
    if not added:
        return None
    own = [refusal for refusal in added if refusal.event == proposed]
    if own and rule is None:
        return own[0]
    return _knock_on(added[0], proposed, rule)


def _added(before: Sequence[Refusal], after: Sequence[Refusal]) -> list[Refusal]:
    """The refusals of ``after`` not in ``before`` (counted, as equal events may repeat)."""
    remaining = Counter((refusal.rule, refusal.event) for refusal in before)
    added = []
    for refusal in after:
        key = (refusal.rule, refusal.event)
        if remaining[key]:
            remaining[key] -= 1
        else:
            added.append(refusal)
    return added


def _knock_on(caused: Refusal, proposed: ClockEvent, rule: str | None) -> Refusal:
    what = "correcting" if proposed.event == "event_corrected" else "withdrawing"
    action = f"{what} event {proposed.refers_to!r}" if rule else f"recording {proposed.event}"
    return Refusal(
        rule=rule or caused.rule,
        source=caused.source,
        reason=(
            f"{action} would leave the {caused.event.event} on {caused.event.date} against "
            f"rule {caused.rule}: {caused.reason}"
        ),
        event=proposed,
    )


def _check_correction(history: Sequence[ClockEvent], proposed: ClockEvent) -> Refusal | None:
    try:
        effective_history([*history, proposed])
    except ClockError as error:
        return Refusal(
            rule=UNKNOWN_TARGET_RULE,
            source="a correction is itself an event (domain.md, order of steps)",
            reason=str(error),
            event=proposed,
        )
    return _new_refusal(history, [*history, proposed], proposed, rule=CORRECTION_RULE)


def _probes(kind: str, today: date) -> list[ClockEvent]:
    """Events of ``kind`` dated ``today`` with each value a form could choose."""
    if kind in ("decision_to_assess", "review_decision"):
        outcomes = ASSESSMENT_OUTCOMES if kind == "decision_to_assess" else REVIEW_OUTCOMES
        return [ClockEvent(kind, today, outcome=outcome) for outcome in outcomes]
    if kind in ("advice_requested", "advice_received"):
        return [ClockEvent(kind, today, source=source) for source in ADVICE_SOURCES]
    return [ClockEvent(kind, today)]


def allowed_next(history: Sequence[ClockEvent], today: date) -> list[str]:
    """The event kinds (clock vocabulary, in process order) that may be recorded on
    ``today`` after ``history``: for pages to offer only the actions allowed now.

    A kind is allowed when one of its choices is (e.g. decision_to_assess when either
    outcome is). Corrections are offered per event: call check_next with the correction.
    Kinds no rule governs (exceptions, phase transfers, decisions notified) are always in.
    """
    return [kind for kind in EVENT_KINDS if _allowed(history, kind, today)]


def _allowed(history: Sequence[ClockEvent], kind: str, today: date) -> bool:
    if kind in UNORDERED_KINDS:
        return True
    probes = _probes(kind, today) if rules_for(kind) else []
    return any(check_next(history, probe) is None for probe in probes)
