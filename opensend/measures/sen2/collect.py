"""Build the SEN2 records (records.py) from the casework database.

One query per kind of record for the whole local authority, then plain Python per case
(assemble.py), so the export takes a fixed number of queries whatever the area's size.
The Week20 exception flag is the statutory clock's own answer (Week20.exception_applies),
computed from the case's recorded events.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.db.models import QuerySet

from opensend.casework.models import (
    CLOCK_EVENT_KINDS,
    AnnualReview,
    Case,
    CaseEvent,
    Dispute,
)
from opensend.casework.services.clock import clock_event
from opensend.measures.sen2.assemble import CaseFacts, person_for
from opensend.measures.sen2.records import Header, Person, Return, activity_period
from opensend.people.models import ChildNeed, Enrolment, Organisation
from opensend.statutory.clock import ClockError, ClockEvent
from opensend.statutory.clock.assessment import assessment_cycles, week20
from opensend.statutory.clock.validation import validate_history

__all__ = ["SOFTWARE_RELEASE", "sen2_return"]

SOFTWARE_RELEASE = "1"


def _grouped[T](rows: Iterable[T], key: str) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


class _Stored(NamedTuple):
    """A stored event as three columns: what clock_event reads, without a model instance
    (building 400,000 CaseEvent objects was most of the export's time at 25,000 children)."""

    case_id: int
    kind: str
    occurred_on: dt.date
    data: dict[str, Any]


# The events SEN2 reads: decisions and outcomes, and exceptions (for the Week20 flag).
_SEN2_KINDS = ("decision_to_assess", "final_plan_issued", "decision_not_to_issue", "exception")


def _week20_exception(events: list[ClockEvent], today: dt.date) -> bool:
    """The clock's Week20.exception_applies for the case's latest request (Reg 13(3)),
    from the case's whole clock history."""
    try:
        history = validate_history(events, today=today, date_of_birth=None)
    except ClockError:
        return False  # a history the clock refuses is shown on the case page to fix
    return week20(assessment_cycles(history), history).exception_applies


def _events(stored: QuerySet[CaseEvent]) -> dict[int, list[ClockEvent]]:
    columns = stored.values_list("case_id", "kind", "occurred_on", "data")
    events: dict[int, list[ClockEvent]] = defaultdict(list)
    for row in columns:
        event = _Stored(*row)
        events[event.case_id].append(clock_event(event))  # type: ignore[arg-type]
    return events


def _exception_flags(ids: QuerySet[Case], today: dt.date) -> set[int]:
    """Cases whose plan was issued and whose clock says an exception applied. Only a
    case with a recorded exception can have one (an exception is an event), so only
    those cases' full histories are loaded and put on the clock."""
    excepted = CaseEvent.objects.filter(case_id__in=ids, kind="exception").values("case_id")
    issued = CaseEvent.objects.filter(case_id__in=excepted, kind="final_plan_issued")
    histories = _events(
        CaseEvent.objects.filter(
            case_id__in=issued.values("case_id"), kind__in=CLOCK_EVENT_KINDS
        ).order_by("case_id", "occurred_on", "pk")
    )
    return {case_id for case_id, events in histories.items() if _week20_exception(events, today)}


def _facts(cases: list[Case], scope: QuerySet[Case], today: dt.date) -> list[CaseFacts]:
    # Sub-queries, not lists of ids: 25,000 ids as parameters are slow to send and plan.
    ids = scope.values("pk")
    child_ids = scope.values("child_id")
    events = _events(CaseEvent.objects.filter(case_id__in=ids, kind__in=_SEN2_KINDS))
    excepted = _exception_flags(ids, today)
    disputes = _grouped(Dispute.objects.filter(case_id__in=ids), "case_id")
    reviews = _grouped(AnnualReview.objects.filter(case_id__in=ids), "case_id")
    needs = _grouped(ChildNeed.objects.filter(child_id__in=child_ids), "child_id")
    enrolments = _grouped(Enrolment.objects.filter(child_id__in=child_ids), "child_id")
    return [
        CaseFacts(
            case=case,
            events=events.get(case.pk, []),
            week20_exception=case.pk in excepted,
            disputes=disputes.get(case.pk, []),
            reviews=reviews.get(case.pk, []),
            needs=needs.get(case.child_id, []),
            enrolments=enrolments.get(case.child_id, []),
        )
        for case in cases
    ]


def _cases(scope: QuerySet[Case]) -> list[Case]:
    return list(
        scope.select_related("child", "request", "plan", "plan__named_setting").order_by(
            "child_id", "opened_on", "pk"
        )
    )


def sen2_return(
    *,
    cases: QuerySet[Case],
    local_authority: Organisation,
    census_date: dt.date,
    today: dt.date,
    generated_at: str,
) -> Return:
    """The return for ``local_authority`` on ``census_date`` from the given cases (the
    caller scopes them: every case of the area for the command, the user's for a page)."""
    period = activity_period(census_date)
    scope = cases.filter(opened_on__lte=census_date)
    by_child = _grouped(_facts(_cases(scope), scope, today), "child_id")
    persons: list[Person] = []
    for facts in by_child.values():
        person = person_for(facts, period=period, census_date=census_date)
        if person is not None:
            persons.append(person)
    persons.sort(key=lambda p: (p.surname, p.forename, p.birth_date, p.child_id))
    header = Header(
        census_date=census_date,
        la_code=local_authority.la_code,
        la_name=local_authority.name,
        generated_at=generated_at,
        software_release=SOFTWARE_RELEASE,
    )
    return Return(header=header, persons=tuple(persons))
