"""compute_clock: a case history in, every statutory time limit and its status out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from opensend.statutory import school_year
from opensend.statutory.clock.assessment import (
    advice_steps,
    assessment_cycles,
    cycle_steps,
    week20,
)
from opensend.statutory.clock.disputes import dispute_steps
from opensend.statutory.clock.model import ClockEvent, ClockResult, Step
from opensend.statutory.clock.review import (
    amendment_steps,
    phase_transfer_steps,
    review_due_steps,
    review_meeting_steps,
)
from opensend.statutory.clock.validation import validate_history

__all__ = ["compute_clock"]


def compute_clock(
    events: Sequence[ClockEvent], *, today: date, date_of_birth: date | None = None
) -> ClockResult:
    """Every time limit that applies to the case on ``today``, with its status.

    ``events`` may be in any order; the result is the same. Raises ClockError (a
    ValueError) with a plain-English message when the history cannot be put on a clock.
    """
    history = validate_history(events, today=today, date_of_birth=date_of_birth)
    cycles = assessment_cycles(history)
    steps = [
        *(step for cycle in cycles for step in cycle_steps(cycle, history, today)),
        *advice_steps(history, today),
        *review_due_steps(history, today),
        *review_meeting_steps(history, today),
        *amendment_steps(history, today),
        *phase_transfer_steps(history, today),
        *dispute_steps(history, today),
    ]
    return ClockResult(
        steps=tuple(sorted(steps, key=_step_order)),
        week20=week20(cycles, history),
        nc_year=None if date_of_birth is None else school_year.nc_year(date_of_birth, today),
        young_person_from=(
            None if date_of_birth is None else school_year.young_person_from(date_of_birth)
        ),
        plan_can_run_until=(
            None if date_of_birth is None else school_year.plan_can_run_until(date_of_birth)
        ),
    )


def _step_order(step: Step) -> tuple[date, str, str, date, str]:
    """Chronological by due date; ties broken so the order is always the same."""
    return (step.due, step.step, step.rule, step.done or date.min, step.status)
