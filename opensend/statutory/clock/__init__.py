"""The statutory clock of the EHC process (SEND Regulations 2014, CFA 2014).

Pure Python, no Django. The casework app, reminders, the dashboard and the CLI all call
compute_clock, so they never disagree. See docs/statutory-clock.md.
"""

from opensend.statutory.clock.assessment import advice_due
from opensend.statutory.clock.compute import compute_clock
from opensend.statutory.clock.model import (
    ADVICE_SOURCES,
    ASSESSMENT_OUTCOMES,
    EVENT_KINDS,
    EXCEPTION_REASONS,
    PHASE_TRANSFER_KINDS,
    REVIEW_OUTCOMES,
    STATUSES,
    STEP_NAMES,
    ClockError,
    ClockEvent,
    ClockResult,
    Step,
    Week20,
)

__all__ = [
    "ADVICE_SOURCES",
    "ASSESSMENT_OUTCOMES",
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
    "advice_due",
    "compute_clock",
]
