"""The clock's vocabulary: events in, steps out. Frozen dataclasses, no behaviour.

See docs/statutory-clock.md for what each event and step means and which regulation it
comes from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

__all__ = [
    "ADVICE_SOURCES",
    "ASSESSMENT_OPENINGS",
    "ASSESSMENT_OUTCOMES",
    "CLOSURE_REASONS",
    "CORRECTION_KINDS",
    "EVENT_KINDS",
    "EXCEPTION_REASONS",
    "PHASE_TRANSFER_KINDS",
    "REVIEW_OUTCOMES",
    "STATUSES",
    "STEP_NAMES",
    "ClockError",
    "ClockEvent",
    "ClockResult",
    "Step",
    "Week20",
]

# The field ClockEvent.date shadows the type inside the class, hence ``dt.date``.

# The events a caseworker records, in the order they usually happen.
EVENT_KINDS: Final = (
    "request_received",
    "reassessment_request",  # optional extension: Reg 25(1) / Reg 27(2)
    "decision_to_assess",
    "advice_requested",
    "advice_received",
    "decision_not_to_issue",
    "draft_plan_issued",
    # The family agreed in writing to end a comment period early (Reg 13(1), Reg 22(2)).
    "comment_period_ended_early",
    "final_plan_issued",
    "exception",
    "review_meeting",
    "review_report_received",  # optional extension: Reg 20(7)
    "review_decision",
    "amendment_proposed",
    "amended_plan_issued",
    "phase_transfer",
    "decision_notified",
    "mediation_certificate",
    # The LA ceased to maintain the plan (CFA s45; Regs 29-31).
    "plan_ceased",
    # Corrections: an event recorded in error is withdrawn or corrected by a new event that
    # refers to it; the original stays in the stored history (see corrections.py).
    "event_withdrawn",
    "event_corrected",
)

# Events that correct another event; effective_history applies them and drops them.
CORRECTION_KINDS: Final = frozenset({"event_withdrawn", "event_corrected"})

# Events that open an assessment "cycle": an EHC needs assessment (CFA s36) or a
# re-assessment (CFA s44(2)-(3)).
ASSESSMENT_OPENINGS: Final = frozenset({"request_received", "reassessment_request"})

ASSESSMENT_OUTCOMES: Final = ("assess", "not_assess")
REVIEW_OUTCOMES: Final = ("maintain", "amend", "cease")
ADVICE_SOURCES: Final = ("education", "health", "social_care", "psychology", "other")
CLOSURE_REASONS: Final = frozenset({"school_closure", "early_years_closure"})
EXCEPTION_REASONS: Final = (
    "school_closure",
    "early_years_closure",
    "personal_circumstances",
    "absent_from_area",
    "missed_appointment",
)
PHASE_TRANSFER_KINDS: Final = ("school", "post16")

STATUSES: Final = ("open", "met", "late", "overdue", "excused")

STEP_NAMES: Final = (
    "decision_to_assess",
    "advice:<from>",
    "decision_not_to_issue",
    "draft_comments_close",
    "final_plan",
    "review_due",
    "review_report",
    "review_decision",
    "amended_plan",
    "phase_transfer",
    "mediation_contact",
    "tribunal_appeal",
)


class ClockError(ValueError):
    """The events cannot be put on a clock; the message says why, in plain words."""


@dataclass(frozen=True)
class ClockEvent:
    """One thing that happened on a case, as the caseworker recorded it."""

    event: str
    date: dt.date
    outcome: str | None = None  # decision_to_assess / review_decision
    source: str | None = None  # advice_requested / advice_received ("from" in JSON)
    reason: str | None = None  # exception
    start: dt.date | None = None  # exception: first day
    end: dt.date | None = None  # exception: last day (a closed setting reopens the day after)
    transfer_date: dt.date | None = None  # phase_transfer
    kind: str | None = None  # phase_transfer: "school" | "post16"
    # Who recorded it and which stored event it is (any stable id, e.g. the database key);
    # needed only for an event that a correction refers to.
    event_id: int | str | None = None
    recorded_by: str | None = None
    # event_withdrawn / event_corrected: the event_id of the event recorded in error, the
    # reason (in ``reason``) and, for a correction, the event as it should have been.
    refers_to: int | str | None = None
    corrected: ClockEvent | None = None


@dataclass(frozen=True)
class Step:
    """One statutory time limit: when it falls due, whether and when it was done."""

    step: str
    due: dt.date
    done: dt.date | None
    status: str  # one of STATUSES
    rule: str  # the regulation, e.g. "Reg 13(2)"


@dataclass(frozen=True)
class Week20:
    """The DfE headline measure: final plan within 20 weeks of the request (Reg 13(2))."""

    due: dt.date | None
    issued: dt.date | None
    within_20_weeks: bool | None
    exception_applies: bool


@dataclass(frozen=True)
class ClockResult:
    """Everything the clock says about one case on ``today``."""

    steps: tuple[Step, ...]
    week20: Week20
    nc_year: int | None
    young_person_from: dt.date | None
    plan_can_run_until: dt.date | None
