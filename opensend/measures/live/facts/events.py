"""What the facts read from a batch of cases' events: decisions, exceptions, amended plans,
refusals. One query per kind for the whole batch."""

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from django.db.models.fields.json import KT

from opensend.casework.models import CaseEvent, EventKind
from opensend.casework.services.clock import clock_event
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
        events = CaseEvent.objects.filter(case_id__in=case_ids)
        self.decisions: dict[int, list[tuple[dt.date, str | None]]] = defaultdict(list)
        for case_id, day, outcome in events.filter(kind=EventKind.DECISION_TO_ASSESS).values_list(
            "case_id", "occurred_on", KT("data__outcome")
        ):
            self.decisions[case_id].append((day, outcome))
        self.amended: dict[int, list[dt.date]] = defaultdict(list)
        for case_id, day in events.filter(kind=EventKind.AMENDED_PLAN_ISSUED).values_list(
            "case_id", "occurred_on"
        ):
            self.amended[case_id].append(day)
        self.refusals: dict[int, dt.date] = {}
        for case_id, day in events.filter(
            kind__in=(EventKind.DECISION_TO_ASSESS, EventKind.DECISION_NOT_TO_ISSUE)
        ).values_list("case_id", "occurred_on"):
            self.refusals[case_id] = max(day, self.refusals.get(case_id, day))
        self.exceptions: dict[int, list[ClockEvent]] = defaultdict(list)
        closures = set()
        for event in events.filter(kind=EventKind.EXCEPTION).only(
            "case_id", "kind", "occurred_on", "data"
        ):
            clock = clock_event(event)
            self.exceptions[event.case_id].append(clock)
            if clock.reason in CLOSURE_REASONS:
                closures.add(event.case_id)
        self.education_advice: dict[int, list[dt.date]] = defaultdict(list)
        if closures:
            for case_id, day in events.filter(
                case_id__in=closures, kind=EventKind.ADVICE_REQUESTED, data__source="education"
            ).values_list("case_id", "occurred_on"):
                self.education_advice[case_id].append(day)
        for found in (*self.decisions.values(), *self.amended.values()):
            found.sort()
