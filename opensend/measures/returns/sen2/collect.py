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

from django.db.models import QuerySet

from opensend.casework.event_selectors import excepted_issued_histories, outcome_events
from opensend.casework.models import AnnualReview, Case, Dispute
from opensend.measures.returns.sen2.assemble import CaseFacts, person_for
from opensend.measures.returns.sen2.records import Header, Person, Return, activity_period
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


def _week20_exception(events: list[ClockEvent], today: dt.date) -> bool:
    """The clock's Week20.exception_applies for the case's latest request (Reg 13(3)),
    from the case's whole clock history."""
    try:
        history = validate_history(events, today=today, date_of_birth=None)
    except ClockError:
        return False  # a history the clock refuses is shown on the case page to fix
    return week20(assessment_cycles(history), history).exception_applies


def _exception_flags(ids: QuerySet[Case], today: dt.date) -> set[int]:
    """Cases whose plan was issued and whose clock says an exception applied. Only a
    case with a recorded exception can have one (an exception is an event), so only
    those cases' full histories are loaded and put on the clock."""
    histories = excepted_issued_histories(ids)
    return {case_id for case_id, events in histories.items() if _week20_exception(events, today)}


def _facts(cases: list[Case], scope: QuerySet[Case], today: dt.date) -> list[CaseFacts]:
    # Sub-queries, not lists of ids: 25,000 ids as parameters are slow to send and plan.
    ids = scope.values("pk")
    child_ids = scope.values("child_id")
    events = outcome_events(ids)
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
