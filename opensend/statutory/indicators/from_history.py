"""Rows for the indicators from one case's events: only the lawful, corrected history.

The indicators never count an event the order of steps would have refused (e.g. a final
plan issued inside the family's comment period) nor an event withdrawn or corrected: the
rows are built from ``order.lawful_history``, which applies the corrections
(``effective_history``) and then drops every event its rules refuse. The live engine
(measures/live) still builds its rows with SQL for speed; until it filters the same way,
these rows are the reference it must agree with (docs/statutory-clock.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from opensend.statutory.clock.assessment import Cycle, assessment_cycles
from opensend.statutory.clock.history import canonical_order
from opensend.statutory.clock.model import ClockEvent
from opensend.statutory.indicators.exceptions import (
    advice_exception_applies,
    week20_exception_applies,
)
from opensend.statutory.indicators.rows import AdviceRow, MeasureRows, PlanRow, RequestRow
from opensend.statutory.order import lawful_history

__all__ = ["case_measure_rows"]


def case_measure_rows(events: Sequence[ClockEvent], *, ref: int | str | None = None) -> MeasureRows:
    """The request, plan and advice rows of one case, from its lawful history."""
    history = canonical_order(lawful_history(events))
    exceptions = [event for event in history if event.event == "exception"]
    initial = [cycle for cycle in assessment_cycles(history) if not cycle.is_reassessment]
    return MeasureRows(
        requests=tuple(_request_row(cycle, ref) for cycle in initial),
        plans=tuple(_plan_rows(history, initial, exceptions, ref)),
        advice=tuple(_advice_rows(history, exceptions, ref)),
    )


def _request_row(cycle: Cycle, ref: int | str | None) -> RequestRow:
    decisions = [event for event in cycle.events if event.event == "decision_to_assess"]
    first = decisions[0] if decisions else None
    return RequestRow(
        received=cycle.opened,
        decided_on=first.date if first else None,
        outcome=first.outcome if first else None,
        ref=ref,
    )


def _plan_rows(
    history: Sequence[ClockEvent],
    initial: Sequence[Cycle],
    exceptions: Sequence[ClockEvent],
    ref: int | str | None,
) -> list[PlanRow]:
    ceased = [event.date for event in history if event.event == "plan_ceased"]
    rows = []
    for plan in (event for event in history if event.event == "final_plan_issued"):
        cycle = next((c for c in reversed(initial) if c.opened <= plan.date), None)
        received = cycle.opened if cycle is not None and plan in cycle.events else None
        rows.append(
            PlanRow(
                issued=plan.date,
                request_received=received,
                exception_applies=received is not None
                and week20_exception_applies(received, exceptions, _education_asked(history)),
                ceased=min((day for day in ceased if day >= plan.date), default=None),
                ref=ref,
            )
        )
    return rows


def _education_asked(history: Sequence[ClockEvent]) -> list[date]:
    return [e.date for e in history if e.event == "advice_requested" and e.source == "education"]


def _advice_rows(
    history: Sequence[ClockEvent], exceptions: Sequence[ClockEvent], ref: int | str | None
) -> list[AdviceRow]:
    waiting: dict[str | None, list[int]] = {}
    rows: list[AdviceRow] = []
    for event in history:
        if event.event == "advice_requested" and event.source is not None:
            waiting.setdefault(event.source, []).append(len(rows))
            rows.append(
                AdviceRow(
                    source=event.source,
                    requested=event.date,
                    exception_applies=advice_exception_applies(event.date, exceptions),
                    ref=ref,
                )
            )
        elif event.event == "advice_received" and waiting.get(event.source):
            index = waiting[event.source].pop(0)
            rows[index] = rows[index]._replace(received=event.date)
    return rows
