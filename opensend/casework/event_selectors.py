"""Reads of the stored case events for the measures (live indicators and SEN2).

Casework's services write each event kind's ``data``; this module is the one place
outside them that knows which keys those are and what they mean, so the measures never
read inside ``CaseEvent.data`` or name an event kind themselves.

The measures read whole areas (or every case a user may see) at once, for published
statistics: these reads take the area or the cases the caller has already scoped, and
return plain columns (``values_list`` querysets, fetched however the caller likes, or
clock events), never model instances, because an area has hundreds of thousands of events.

Corrections: the reads that return clock events apply them (effective_history); the reads
that return plain columns leave out every event withdrawn or corrected (a corrected event's
new version is not added back by them: the plan's first issue date and advice receipts,
which the measures read from their records, are re-derived by services/corrections.py).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.db.models import Case as DbCase
from django.db.models import DateField, Exists, F, OuterRef, Q, QuerySet, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from opensend.casework.clock import clock_event
from opensend.casework.models import CLOCK_EVENT_KINDS, Case, CaseEvent, EventKind, Stage
from opensend.statutory.clock import ClockEvent
from opensend.statutory.clock.corrections import effective_history

__all__ = [
    "advice_asked_of_education",
    "amended_plans_issued",
    "amended_plans_of_cases",
    "decided_to_assess",
    "decisions_of_cases",
    "decisions_to_assess",
    "excepted_issued_histories",
    "exception_events",
    "exceptions_of_cases",
    "outcome_events",
    "refusals",
    "refusals_of_cases",
]

# The events that record a decision or an outcome, and exceptions (the Week20 flag).
OUTCOME_KINDS = (
    EventKind.DECISION_TO_ASSESS,
    EventKind.FINAL_PLAN_ISSUED,
    EventKind.DECISION_NOT_TO_ISSUE,
    EventKind.EXCEPTION,
)


class _Stored(NamedTuple):
    """A stored event as the columns clock_event reads, without a model instance
    (building 400,000 CaseEvent objects was most of the SEN2 export's time at 25,000
    children)."""

    pk: int
    case_id: int
    kind: str
    occurred_on: dt.date
    data: dict[str, Any]


def _standing() -> Q:
    """Events no correction refers to: an event withdrawn or corrected is left out of the
    reads that return plain columns (docs/statutory-clock.md, Corrections)."""
    return Q(corrections__isnull=True)


def _with_corrections(kinds: Any) -> Q:
    """Events of ``kinds``, and the corrections that refer to them."""
    return Q(kind__in=kinds) | Q(refers_to__kind__in=kinds)


def _by_case(events: QuerySet[CaseEvent], kinds: Any = None) -> dict[int, list[ClockEvent]]:
    """Each case's events, as the statutory clock reads them, in the queryset's order, with
    their corrections applied (effective_history); ``kinds``: keep only these afterwards."""
    by_case: dict[int, list[ClockEvent]] = defaultdict(list)
    for row in events.values_list("pk", "case_id", "kind", "occurred_on", "data"):
        stored = _Stored(*row)
        by_case[stored.case_id].append(clock_event(stored))  # type: ignore[arg-type]
    return {
        case_id: [e for e in effective_history(found) if kinds is None or e.event in kinds]
        for case_id, found in by_case.items()
    }


def outcome_events(cases: QuerySet[Case, Any]) -> dict[int, list[ClockEvent]]:
    """The cases' decisions, plans issued, refusals to issue and exceptions (SEN2), as
    corrected."""
    events = CaseEvent.objects.filter(_with_corrections(OUTCOME_KINDS), case_id__in=cases)
    return _by_case(events.order_by("case_id", "occurred_on", "pk"), OUTCOME_KINDS)


def excepted_issued_histories(cases: QuerySet[Case, Any]) -> dict[int, list[ClockEvent]]:
    """The whole clock history of each of the cases with a recorded exception and a
    final plan issued: the only cases where an exception can have applied to the plan."""
    excepted = CaseEvent.objects.filter(case_id__in=cases, kind=EventKind.EXCEPTION)
    issued = CaseEvent.objects.filter(
        case_id__in=excepted.values("case_id"), kind=EventKind.FINAL_PLAN_ISSUED
    )
    return _by_case(
        CaseEvent.objects.filter(
            case_id__in=issued.values("case_id"), kind__in=CLOCK_EVENT_KINDS
        ).order_by("case_id", "occurred_on", "pk"),
        CLOCK_EVENT_KINDS,
    )


def exception_events(local_authority_id: int) -> Iterable[tuple[int, ClockEvent]]:
    """Every exception recorded in the area (few), with its case, as the clock reads it
    (its reason is the regulation's exception, Reg 10(4), 13(3) and 8(2) of the SEND
    Regulations 2014)."""
    events = CaseEvent.objects.filter(
        _with_corrections([EventKind.EXCEPTION]), case__local_authority_id=local_authority_id
    )
    kinds = [EventKind.EXCEPTION.value]
    for case_id, clock_events in _by_case(events.order_by("occurred_on", "pk"), kinds).items():
        for event in clock_events:
            yield case_id, event


def advice_asked_of_education(case_ids: Iterable[int]) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day) each time the local authority asked the educational setting for
    advice (an advice_requested event whose ``source`` is education)."""
    return CaseEvent.objects.filter(
        _standing(), case_id__in=case_ids, kind=EventKind.ADVICE_REQUESTED, data__source="education"
    ).values_list("case_id", "occurred_on")


def _effective_decisions() -> QuerySet[CaseEvent]:
    """Every decision whether to assess as corrected: the ones no correction refers to,
    and the latest correction of an event that makes it such a decision (a decision
    recorded against the wrong question, or with the wrong outcome or date). Annotated
    with ``day`` and ``outcome`` as the corrected history has them."""
    corrected = Q(kind=EventKind.EVENT_CORRECTED, data__corrected__event="decision_to_assess")
    later = CaseEvent.objects.filter(refers_to=OuterRef("refers_to"), pk__gt=OuterRef("pk"))
    return CaseEvent.objects.filter(
        (_standing() & Q(kind=EventKind.DECISION_TO_ASSESS)) | (corrected & ~Exists(later))
    ).annotate(
        day=DbCase(
            When(
                kind=EventKind.EVENT_CORRECTED, then=Cast(KT("data__corrected__date"), DateField())
            ),
            default=F("occurred_on"),
        ),
        outcome=DbCase(
            When(kind=EventKind.EVENT_CORRECTED, then=KT("data__corrected__outcome")),
            default=KT("data__outcome"),
        ),
    )


def decisions_to_assess(
    local_authority_id: int, *, since: dt.date, until: dt.date | None
) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day, outcome) of each decision whether to assess from ``since`` (to
    ``until``, when given), as corrected; ``outcome`` is the text the services wrote
    ("assess", "not_assess"), read as text so that the caller may fetch it raw."""
    decisions = _effective_decisions().filter(
        case__local_authority_id=local_authority_id, day__gte=since
    )
    if until is not None:
        decisions = decisions.filter(day__lte=until)
    return decisions.values_list("case_id", "day", "outcome")


def decided_to_assess(
    local_authority_id: int, start: dt.date, end: dt.date
) -> QuerySet[CaseEvent, dict[str, Any]]:
    """The cases with a decision whether to assess between the two days (a subquery)."""
    return (
        _effective_decisions()
        .filter(case__local_authority_id=local_authority_id, day__range=(start, end))
        .values("case_id")
    )


def amended_plans_issued(
    local_authority_id: int, *, since: dt.date, until: dt.date | None
) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day) of each amended plan issued from ``since`` (to ``until``), by day."""
    issued = CaseEvent.objects.filter(
        _standing(),
        case__local_authority_id=local_authority_id,
        kind=EventKind.AMENDED_PLAN_ISSUED,
        occurred_on__gte=since,
    )
    if until is not None:
        issued = issued.filter(occurred_on__lte=until)
    return issued.values_list("case_id", "occurred_on").order_by("occurred_on")


def refusals(
    local_authority_id: int, stages: Iterable[Stage]
) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day) of each refusal to assess or to issue a plan, for the area's cases
    now at one of ``stages``."""
    return CaseEvent.objects.filter(
        _standing(),
        case__local_authority_id=local_authority_id,
        case__stage__in=stages,
        kind__in=(EventKind.DECISION_TO_ASSESS, EventKind.DECISION_NOT_TO_ISSUE),
    ).values_list("case_id", "occurred_on")


# --- by case, for the measures' projection (measures/live/facts) ---------------------------
# The same reads as the area-wide ones above, as corrected in the same way, so the
# projection sees exactly the history the Python engine counts (a withdrawal or a
# correction refreshes the case's facts in the transaction that records it).


def decisions_of_cases(case_ids: Iterable[int]) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day, outcome) of every decision whether to assess on these cases, as
    corrected (``decisions_to_assess``)."""
    return (
        _effective_decisions().filter(case_id__in=case_ids).values_list("case_id", "day", "outcome")
    )


def amended_plans_of_cases(case_ids: Iterable[int]) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day) of every amended plan issued on these cases and not withdrawn or
    corrected (``amended_plans_issued``)."""
    return CaseEvent.objects.filter(
        _standing(), case_id__in=case_ids, kind=EventKind.AMENDED_PLAN_ISSUED
    ).values_list("case_id", "occurred_on")


def refusals_of_cases(case_ids: Iterable[int]) -> QuerySet[CaseEvent, tuple[Any, ...]]:
    """(case_id, day) of every decision to assess or not to issue on these cases not
    withdrawn or corrected (``refusals``: the caller keeps those of cases now refused)."""
    return CaseEvent.objects.filter(
        _standing(),
        case_id__in=case_ids,
        kind__in=(EventKind.DECISION_TO_ASSESS, EventKind.DECISION_NOT_TO_ISSUE),
    ).values_list("case_id", "occurred_on")


def exceptions_of_cases(case_ids: Iterable[int]) -> dict[int, list[ClockEvent]]:
    """Each case's recorded exceptions as the clock reads them, corrected
    (``exception_events``)."""
    events = CaseEvent.objects.filter(
        _with_corrections([EventKind.EXCEPTION]), case_id__in=case_ids
    )
    kinds = [EventKind.EXCEPTION.value]
    return _by_case(events.order_by("case_id", "occurred_on", "pk"), kinds)
