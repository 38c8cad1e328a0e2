"""The EHC needs assessment clock: from a request to a final plan (or a decision not to).

A history may hold several assessment "cycles", each opened by a request_received
(CFA s36(1)) or a reassessment_request (CFA s44(2)-(3)); a cycle runs until the next one
opens. Every cycle's steps are reported, so the history stays complete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from opensend.statutory.clock.exception_rules import (
    REASONS_ADVICE,
    REASONS_ASSESSMENT,
    is_excused,
)
from opensend.statutory.clock.history import dates_of, first_on_or_after, in_period, with_next
from opensend.statutory.clock.model import ASSESSMENT_OPENINGS, ClockError, ClockEvent, Step, Week20
from opensend.statutory.clock.steps import duty_step, window_step
from opensend.statutory.dates import add_days, add_weeks, last_day_of_period_beginning

__all__ = [
    "Cycle",
    "advice_due",
    "advice_steps",
    "assessment_cycles",
    "cycle_steps",
    "latest_request",
    "week20",
]

DECISION_WEEKS: Final = 6  # Reg 5(1)
REASSESSMENT_DECISION_DAYS: Final = 15  # Reg 25(1)
ADVICE_WEEKS: Final = 6  # Reg 8(1)
NOT_TO_ISSUE_WEEKS: Final = 16  # Reg 10(1)
COMMENT_DAYS: Final = 15  # Reg 13(1)
FINAL_PLAN_WEEKS: Final = 20  # Reg 13(2)
REASSESSMENT_PLAN_WEEKS: Final = 14  # Reg 27(2)


@dataclass(frozen=True)
class Cycle:
    """One assessment or re-assessment: its opening event and the events in its span."""

    opening: ClockEvent
    events: tuple[ClockEvent, ...]  # every event dated from the opening to the next one

    @property
    def opened(self) -> date:
        return self.opening.date

    @property
    def is_reassessment(self) -> bool:
        return self.opening.event == "reassessment_request"

    def dates(self, *kinds: str, outcome: str | None = None) -> list[date]:
        return dates_of(self.events, *kinds, outcome=outcome)

    def first(self, *kinds: str, outcome: str | None = None) -> date | None:
        return first_on_or_after(self.dates(*kinds, outcome=outcome), self.opened)

    def latest_decision(self) -> str | None:
        decisions = [event for event in self.events if event.event == "decision_to_assess"]
        return decisions[-1].outcome if decisions else None


def assessment_cycles(events: Sequence[ClockEvent]) -> tuple[Cycle, ...]:
    """Split canonically ordered events into cycles (openings on the same day count once)."""
    openings: dict[date, ClockEvent] = {}
    for event in events:
        if event.event in ASSESSMENT_OPENINGS:
            openings.setdefault(event.date, event)
    return tuple(
        Cycle(
            opening=openings[start],
            events=tuple(e for e in events if e.date >= start and (end is None or e.date < end)),
        )
        for start, end in with_next(sorted(openings))
    )


def cycle_steps(cycle: Cycle, events: Sequence[ClockEvent], today: date) -> list[Step]:
    """The assessment steps of one cycle that apply on ``today``."""
    if cycle.is_reassessment:
        candidates = [
            _reassessment_decision(cycle, today),
            _draft_comments(cycle, today),
            _reassessment_final_plan(cycle, events, today),
        ]
    else:
        candidates = [
            _decision_to_assess(cycle, events, today),
            _decision_not_to_issue(cycle, events, today),
            _draft_comments(cycle, today),
            _final_plan(cycle, events, today),
        ]
    return [step for step in candidates if step is not None]


def _decision_to_assess(cycle: Cycle, events: Sequence[ClockEvent], today: date) -> Step:
    # Reg 5(1): notify the decision whether to assess within 6 weeks of the request;
    # exceptions Reg 5(4).
    due = add_weeks(cycle.opened, DECISION_WEEKS)
    excused = is_excused(events, period_start=cycle.opened, due=due, reasons=REASONS_ASSESSMENT)
    done = cycle.first("decision_to_assess")
    return duty_step(
        "decision_to_assess", rule="Reg 5(1)", due=due, done=done, today=today, excused=excused
    )


def _reassessment_decision(cycle: Cycle, today: date) -> Step:
    # Reg 25(1): notify the decision whether to re-assess within 15 days of the request.
    # Reg 25 lists no exceptions, so none is applied.
    due = add_days(cycle.opened, REASSESSMENT_DECISION_DAYS)
    done = cycle.first("decision_to_assess")
    return duty_step("decision_to_assess", rule="Reg 25(1)", due=due, done=done, today=today)


def _decision_not_to_issue(cycle: Cycle, events: Sequence[ClockEvent], today: date) -> Step | None:
    # Reg 10(1): a decision not to issue a plan is notified within 16 weeks of the request;
    # exceptions Reg 10(4). Shown once the LA has decided to assess and until it issues a
    # draft or final plan (then it has decided to issue), or once it has decided not to.
    done = cycle.first("decision_not_to_issue")
    plan_started = cycle.first("draft_plan_issued", "final_plan_issued") is not None
    if done is None and (cycle.latest_decision() != "assess" or plan_started):
        return None
    due = add_weeks(cycle.opened, NOT_TO_ISSUE_WEEKS)
    excused = is_excused(events, period_start=cycle.opened, due=due, reasons=REASONS_ASSESSMENT)
    return duty_step(
        "decision_not_to_issue", rule="Reg 10(1)", due=due, done=done, today=today, excused=excused
    )


def _draft_comments(cycle: Cycle, today: date) -> Step | None:
    # Reg 13(1) (and Reg 27(1) for a re-assessment): the family has at least 15 days,
    # beginning with the day the draft is served, to comment. The latest draft served
    # before the final plan counts (a re-served draft starts a new period).
    final_plan = cycle.first("final_plan_issued", "amended_plan_issued")
    drafts = in_period(cycle.dates("draft_plan_issued"), cycle.opened)
    drafts = [draft for draft in drafts if final_plan is None or draft <= final_plan]
    if not drafts:
        return None
    served = drafts[-1]
    closes = last_day_of_period_beginning(served, COMMENT_DAYS)
    return window_step(
        "draft_comments_close",
        rule="Reg 13(1)",
        closes=closes,
        closed_early=final_plan,
        today=today,
    )


def _final_plan(cycle: Cycle, events: Sequence[ClockEvent], today: date) -> Step | None:
    # Reg 13(2): the final plan is issued within 20 weeks of the request; exceptions
    # Reg 13(3). Not shown after a decision not to assess or not to issue, unless a final
    # plan was issued all the same (e.g. the decision was reversed).
    done = cycle.first("final_plan_issued")
    refused = cycle.latest_decision() == "not_assess"
    if done is None and (refused or cycle.first("decision_not_to_issue") is not None):
        return None
    due = add_weeks(cycle.opened, FINAL_PLAN_WEEKS)
    excused = is_excused(events, period_start=cycle.opened, due=due, reasons=REASONS_ASSESSMENT)
    return duty_step(
        "final_plan", rule="Reg 13(2)", due=due, done=done, today=today, excused=excused
    )


def _reassessment_final_plan(
    cycle: Cycle, events: Sequence[ClockEvent], today: date
) -> Step | None:
    # Reg 27(2): the amended or replaced plan is issued within 14 weeks of notifying the
    # decision to re-assess (Reg 25(1)) or of the LA deciding to re-assess (CFA s44(3));
    # exceptions Reg 27(3). Shown once the decision to re-assess is recorded.
    decided = cycle.first("decision_to_assess", outcome="assess")
    if decided is None or cycle.latest_decision() == "not_assess":
        return None
    due = add_weeks(decided, REASSESSMENT_PLAN_WEEKS)
    done = first_on_or_after(cycle.dates("final_plan_issued", "amended_plan_issued"), decided)
    excused = is_excused(events, period_start=decided, due=due, reasons=REASONS_ASSESSMENT)
    return duty_step(
        "final_plan", rule="Reg 27(2)", due=due, done=done, today=today, excused=excused
    )


def advice_steps(events: Sequence[ClockEvent], today: date) -> list[Step]:
    """One advice:<from> step per advice request (Reg 8(1)), matched to receipts in order."""
    received = _match_advice(events)
    return [
        _advice_step(request, received.get(index), events, today)
        for index, request in enumerate(events)
        if request.event == "advice_requested"
    ]


def advice_due(requested: date) -> date:
    """Reg 8(1): advice is due within 6 weeks of the day it was requested."""
    return add_weeks(requested, ADVICE_WEEKS)


def _advice_step(
    request: ClockEvent, done: date | None, events: Sequence[ClockEvent], today: date
) -> Step:
    # Reg 8(1): advice within 6 weeks of the request for it; exceptions Reg 8(2).
    due = advice_due(request.date)
    excused = is_excused(events, period_start=request.date, due=due, reasons=REASONS_ADVICE)
    return duty_step(
        f"advice:{request.source}",
        rule="Reg 8(1)",
        due=due,
        done=done,
        today=today,
        excused=excused,
    )


def _match_advice(events: Sequence[ClockEvent]) -> dict[int, date]:
    """Receipt date by request position: each receipt answers the earliest request from
    the same source still waiting on or before it."""
    waiting: dict[str | None, list[int]] = defaultdict(list)
    answered: dict[int, date] = {}
    for index, event in enumerate(events):
        if event.event == "advice_requested":
            waiting[event.source].append(index)
        elif event.event == "advice_received":
            if not waiting[event.source]:
                raise ClockError(
                    f"advice_received from {event.source} on {event.date} has no earlier "
                    f"advice_requested from {event.source} still waiting for advice"
                )
            answered[waiting[event.source].pop(0)] = event.date
    return answered


def latest_request(cycles: Sequence[Cycle]) -> Cycle | None:
    """The most recent initial-assessment cycle (not a re-assessment), if any."""
    initial = [cycle for cycle in cycles if not cycle.is_reassessment]
    return initial[-1] if initial else None


def week20(cycles: Sequence[Cycle], events: Sequence[ClockEvent]) -> Week20:
    """The 20-week measure for the latest request (Reg 13(2)); all null without one."""
    cycle = latest_request(cycles)
    if cycle is None:
        return Week20(due=None, issued=None, within_20_weeks=None, exception_applies=False)
    due = add_weeks(cycle.opened, FINAL_PLAN_WEEKS)
    issued = cycle.first("final_plan_issued")
    return Week20(
        due=due,
        issued=issued,
        within_20_weeks=None if issued is None else issued <= due,
        # Reg 13(3): an applicable exception overlapping the 20 weeks from the request.
        exception_applies=is_excused(
            events, period_start=cycle.opened, due=due, reasons=REASONS_ASSESSMENT
        ),
    )
