"""What the facts read from a batch of cases' events (through casework's event
selectors): decisions, exceptions, amended plans, refusals. One query per kind."""

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from opensend.casework.event_selectors import (
    advice_asked_of_education,
    amended_plans_of_cases,
    decisions_of_cases,
    exceptions_of_cases,
    refusals_of_cases,
)
from opensend.statutory.clock import ClockEvent
from opensend.statutory.clock.model import CLOSURE_REASONS

__all__ = ["BatchEvents", "first_on_or_after"]


def first_on_or_after[T](days: Sequence[T], day: T) -> T | None:
    """The first of ``days`` (sorted) on or after ``day``."""
    index = bisect_left(days, day)  # type: ignore[type-var]
    return days[index] if index < len(days) else None


class BatchEvents:
    """The events of a batch of cases the facts need, grouped by case, in date order."""

    def __init__(self, case_ids: Sequence[int]) -> None:
        self.decisions: dict[int, list[tuple[dt.date, str | None]]] = defaultdict(list)
        for case_id, day, outcome in decisions_of_cases(case_ids):
            self.decisions[case_id].append((day, outcome))
        self.amended: dict[int, list[dt.date]] = defaultdict(list)
        for case_id, day in amended_plans_of_cases(case_ids):
            self.amended[case_id].append(day)
        self.refusals: dict[int, dt.date] = {}
        for case_id, day in refusals_of_cases(case_ids):
            self.refusals[case_id] = max(day, self.refusals.get(case_id, day))
        self.exceptions: dict[int, list[ClockEvent]] = exceptions_of_cases(case_ids)
        closures = [
            case_id
            for case_id, events in self.exceptions.items()
            if any(event.reason in CLOSURE_REASONS for event in events)
        ]
        self.education_advice: dict[int, list[dt.date]] = defaultdict(list)
        for case_id, day in advice_asked_of_education(closures) if closures else ():
            self.education_advice[case_id].append(day)
        for found in (*self.decisions.values(), *self.amended.values()):
            found.sort()
