"""What had happened on a case before a proposed event: the questions the order rules ask.

``CaseSoFar`` holds the effective history (corrections applied) of the events before the
proposed one, in process order (see ``process_order``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from opensend.statutory.clock.assessment import COMMENT_DAYS, advice_due
from opensend.statutory.clock.model import ASSESSMENT_OPENINGS, ClockEvent
from opensend.statutory.dates import last_day_of_period_beginning

__all__ = ["PROCESS_RANK", "CaseSoFar", "comment_period_ends", "process_order"]

# Same-day events are taken in this order: a proposal before the family's agreement to end
# its comment period early, that agreement before the plan it lets through.
PROCESS_RANK: Final = {
    kind: rank
    for rank, kind in enumerate(
        (
            "request_received",
            "reassessment_request",
            "decision_to_assess",
            "advice_requested",
            "advice_received",
            "decision_not_to_issue",
            "draft_plan_issued",
            "review_meeting",
            "review_report_received",
            "review_decision",
            "amendment_proposed",
            "comment_period_ended_early",
            "final_plan_issued",
            "amended_plan_issued",
            "exception",
            "phase_transfer",
            "decision_notified",
            "mediation_certificate",
            "plan_ceased",
        )
    )
}


def process_order(events: Iterable[ClockEvent]) -> tuple[ClockEvent, ...]:
    """By date, then by place in the process; the input order breaks the remaining ties."""
    indexed = list(enumerate(events))
    indexed.sort(key=lambda item: (item[1].date, PROCESS_RANK.get(item[1].event, 99), item[0]))
    return tuple(event for _, event in indexed)


def comment_period_ends(served: date) -> date:
    """Reg 13(1), Reg 22(2): the last day of the 15 days beginning with the day served."""
    return last_day_of_period_beginning(served, COMMENT_DAYS)


@dataclass(frozen=True)
class CaseSoFar:
    """The events before the proposed one (effective history, process order)."""

    events: tuple[ClockEvent, ...]

    def of(self, *kinds: str, outcome: str | None = None) -> list[ClockEvent]:
        return [
            event
            for event in self.events
            if event.event in kinds and (outcome is None or event.outcome == outcome)
        ]

    def last(self, *kinds: str, outcome: str | None = None) -> ClockEvent | None:
        found = self.of(*kinds, outcome=outcome)
        return found[-1] if found else None

    def cycle(self) -> tuple[ClockEvent, ...]:
        """The current assessment: from the latest request or re-assessment request."""
        opening = self.last(*ASSESSMENT_OPENINGS)
        if opening is None:
            return ()
        return self.events[self.events.index(opening) :]

    def in_cycle(self, *kinds: str, outcome: str | None = None) -> list[ClockEvent]:
        return CaseSoFar(self.cycle()).of(*kinds, outcome=outcome)

    def latest_decision(self) -> str | None:
        """The latest decision whether to assess in the current assessment."""
        decisions = self.in_cycle("decision_to_assess")
        return decisions[-1].outcome if decisions else None

    def plan_in_force(self) -> ClockEvent | None:
        """The latest final plan, unless the plan ceased after it (CFA s45)."""
        plan = self.last("final_plan_issued")
        ceased = self.last("plan_ceased")
        if plan is None or (ceased is not None and self.after(ceased, plan)):
            return None
        return plan

    def after(self, later: ClockEvent, earlier: ClockEvent) -> bool:
        return self.events.index(later) > self.events.index(earlier)

    def since(self, event: ClockEvent, *kinds: str, outcome: str | None = None) -> list[ClockEvent]:
        start = self.events.index(event) + 1
        return CaseSoFar(self.events[start:]).of(*kinds, outcome=outcome)

    def advice_waiting(self, source: str | None) -> list[ClockEvent]:
        """Advice requests from ``source`` (every source if None) not yet answered; each
        receipt answers the earliest request from its source (as the clock matches)."""
        waiting: dict[str | None, list[ClockEvent]] = {}
        for event in self.events:
            if event.event == "advice_requested":
                waiting.setdefault(event.source, []).append(event)
            elif event.event == "advice_received" and waiting.get(event.source):
                waiting[event.source].pop(0)
        if source is not None:
            return waiting.get(source, [])
        return sorted((e for found in waiting.values() for e in found), key=lambda e: e.date)

    def advice_still_running(self, on: date) -> list[ClockEvent]:
        """Advice requests of this assessment still waiting and still inside their
        6 weeks (Reg 8(1)) on ``on``."""
        cycle = set(self.cycle())
        return [
            request
            for request in self.advice_waiting(None)
            if request in cycle and advice_due(request.date) >= on
        ]


def dates_text(events: Sequence[ClockEvent]) -> str:
    return ", ".join(f"{event.source or event.event} asked on {event.date}" for event in events)
