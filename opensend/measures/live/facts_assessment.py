"""Rows for requests, new plans, plans in place and advice: one query per kind.

Each query fetches only the columns a formula reads (values_list: no model instances)
and only the rows whose dates can fall in the period; the formulas in
``opensend.statutory.indicators`` still apply every period test themselves. With
``as_of``, anything recorded as happening after that day is treated as not yet happened
(a backfilled month end sees only what had happened by then).
"""

import datetime as dt
from bisect import bisect_left
from collections import defaultdict

from django.db.models import Count, FilteredRelation, Min, Q, QuerySet

from opensend.casework.event_selectors import (
    advice_asked_of_education,
    decided_to_assess,
    decisions_to_assess,
    exception_events,
)
from opensend.casework.models import AdviceRequest, EhcRequest, Plan
from opensend.measures.live.fetch import tuples
from opensend.people.models import Organisation, OrganisationKind
from opensend.statutory.clock import ClockEvent
from opensend.statutory.clock.model import CLOSURE_REASONS
from opensend.statutory.indicators import AdviceRow, Period, PlanRow, RequestRow
from opensend.statutory.indicators.exceptions import (
    advice_exception_applies,
    week20_exception_applies,
)
from opensend.statutory.indicators.placements import placement_of

__all__ = [
    "Cutoff",
    "Exceptions",
    "advice_rows",
    "exceptions_of",
    "plan_rows",
    "request_rows",
    "settings_placed",
    "steady_plan_rows",
]

# Advice falls due 6 weeks after it is asked for; a week more covers any calendar rule.
ADVICE_LOOKBACK = dt.timedelta(weeks=7)


class Cutoff:
    """What was known on ``as_of`` (None: everything recorded so far)."""

    def __init__(self, as_of: dt.date | None) -> None:
        self.as_of = as_of

    def last(self, day: dt.date) -> dt.date:
        """The last day a row may start on to be seen: ``day`` or ``as_of``, the earlier."""
        return day if self.as_of is None else min(day, self.as_of)

    def known(self, day: dt.date | None) -> dt.date | None:
        """``day`` when it had happened by ``as_of``, else None (not yet happened)."""
        if day is None or (self.as_of is not None and day > self.as_of):
            return None
        return day


class Exceptions:
    """Each case's recorded exceptions, as the clock reads them, and the days the LA asked
    the setting for advice (for the closure exceptions' own condition)."""

    def __init__(self) -> None:
        self.by_case: dict[int, list[ClockEvent]] = defaultdict(list)
        self.education_advice: dict[int, list[dt.date]] = defaultdict(list)

    def week20(self, case_id: int, request_received: dt.date | None) -> bool:
        events = self.by_case.get(case_id)
        if not events or request_received is None:
            return False
        return week20_exception_applies(
            request_received, events, self.education_advice.get(case_id, ())
        )

    def advice(self, case_id: int, requested: dt.date) -> bool:
        events = self.by_case.get(case_id)
        return bool(events) and advice_exception_applies(requested, events or ())


def exceptions_of(local_authority_id: int, cutoff: Cutoff) -> Exceptions:
    """Every exception event of the area (few), then the setting's advice dates for the
    cases with a closure exception (fewer)."""
    found = Exceptions()
    closures: set[int] = set()
    for case_id, clock in exception_events(local_authority_id):
        if cutoff.known(clock.date) is None:
            continue
        found.by_case[case_id].append(clock)
        if clock.reason in CLOSURE_REASONS:
            closures.add(case_id)
    if closures:
        for case_id, day in advice_asked_of_education(closures):
            found.education_advice[case_id].append(day)
    return found


def _first_decisions(
    local_authority_id: int, period: Period, cutoff: Cutoff
) -> dict[int, list[tuple[dt.date, str | None]]]:
    decisions = decisions_to_assess(local_authority_id, since=period.start, until=cutoff.as_of)
    by_case: dict[int, list[tuple[dt.date, str | None]]] = defaultdict(list)
    for case_id, day, outcome in tuples(decisions):
        by_case[case_id].append((day, outcome))
    for found in by_case.values():
        found.sort()
    return by_case


def request_rows(local_authority_id: int, period: Period, cutoff: Cutoff) -> list[RequestRow]:
    """Initial requests received in the period or decided in it (decision whether to
    assess: the first decision_to_assess event on or after the request)."""
    decisions = _first_decisions(local_authority_id, period, cutoff)
    decided_in = decided_to_assess(local_authority_id, period.start, cutoff.last(period.end))
    requests = EhcRequest.objects.filter(
        case__local_authority_id=local_authority_id,
        received_on__lte=cutoff.last(period.end),
    ).filter(Q(received_on__gte=period.start) | Q(case_id__in=decided_in))
    rows = []
    for case_id, received in tuples(requests.values_list("case_id", "received_on")):
        found = decisions.get(case_id, ())  # in date order
        first = bisect_left(found, (received,))  # the first decided on or after received
        decided, outcome = found[first] if first < len(found) else (None, None)
        rows.append(RequestRow(received, decided, outcome, case_id))
    return rows


PLAN_COLUMNS = (
    "case_id",
    "first_issued_on",
    "case__request__received_on",
    "ceased_on",
    "cease_reason",
    "primary__need",
    "named_setting_id",
)
# A plan naming no setting: placed elsewhere, neither in nor out of the area.
NO_SETTING = ("elsewhere", None)


def settings_placed(local_authority_id: int) -> dict[int, tuple[str, bool]]:
    """Every setting (organisation that is not an LA) -> its placement type and whether it
    is in the area: a few thousand rows, instead of five columns on every plan."""
    settings = Organisation.objects.exclude(kind=OrganisationKind.LOCAL_AUTHORITY).values_list(
        "pk", "kind", "phase", "is_special", "is_independent", "local_authority_id"
    )
    return {
        pk: (
            placement_of(kind=kind, phase=phase, is_special=special, is_independent=independent),
            area == local_authority_id,
        )
        for pk, kind, phase, special, independent, area in settings
    }


def _steady(period: Period, cutoff: Cutoff) -> Q:
    """Plans in place all through the period, as known on ``as_of``: issued before it
    began, and not ceased by its end (or ceased after ``as_of``, so not yet known)."""
    still = Q(ceased_on__isnull=True) | Q(ceased_on__gt=period.end)
    if cutoff.as_of is not None:
        still |= Q(ceased_on__gt=cutoff.as_of)
    return Q(first_issued_on__lt=period.start) & still


def _plans(
    local_authority_id: int, period: Period, cutoff: Cutoff, summarised: bool
) -> QuerySet[Plan]:
    not_gone = Q(ceased_on__isnull=True) | Q(ceased_on__gte=period.start)
    if cutoff.as_of is not None:  # ceased after as_of: not yet known to have ceased
        not_gone |= Q(ceased_on__gt=cutoff.as_of)
    plans = (
        Plan.objects.filter(
            case__local_authority_id=local_authority_id,
            first_issued_on__lte=cutoff.last(period.end),
        )
        .filter(not_gone)
        .annotate(
            primary=FilteredRelation("case__child__needs", condition=Q(case__child__needs__rank=1))
        )
    )
    if not summarised:
        return plans
    # The rest: issued in the period, or known to have ceased in it (the complement of
    # _steady among the plans above).
    ceased_in = Q(ceased_on__lte=period.end)
    if cutoff.as_of is not None:
        ceased_in &= Q(ceased_on__lte=cutoff.as_of)
    return plans.filter(Q(first_issued_on__gte=period.start) | ceased_in)


SETTING_COLUMNS = (
    "named_setting__kind",
    "named_setting__phase",
    "named_setting__is_special",
    "named_setting__is_independent",
    "named_setting__local_authority_id",
)


def steady_plan_rows(local_authority_id: int, period: Period, cutoff: Cutoff) -> list[PlanRow]:
    """The plans in place all through the period, grouped by the database by primary need
    and what makes the setting's placement type: one weighted row per group (a formula
    reads nothing else of them: they are neither new nor ceased in the period, and are in
    place on its last day)."""
    groups = (
        Plan.objects.filter(case__local_authority_id=local_authority_id)
        .filter(_steady(period, cutoff), first_issued_on__lte=cutoff.last(period.end))
        .annotate(
            primary=FilteredRelation("case__child__needs", condition=Q(case__child__needs__rank=1))
        )
        .values("primary__need", *SETTING_COLUMNS)
        .annotate(first=Min("first_issued_on"), plans=Count("pk"))
        .values_list("primary__need", *SETTING_COLUMNS, "first", "plans")
        .order_by()
    )
    merged: dict[tuple[str | None, str, bool | None], tuple[dt.date, int]] = {}
    for need, kind, phase, special, independent, area, first, plans in tuples(groups):
        placement, in_area = (
            NO_SETTING
            if kind is None
            else (
                placement_of(
                    kind=kind, phase=phase, is_special=special, is_independent=independent
                ),
                area == local_authority_id,
            )
        )
        key = (need, placement, in_area)
        earlier, weight = merged.get(key, (first, 0))
        merged[key] = (min(first, earlier), weight + plans)
    return [
        PlanRow(first, None, False, None, None, need, placement, in_area, None, weight)
        for (need, placement, in_area), (first, weight) in merged.items()
    ]


def plan_rows(
    local_authority_id: int,
    period: Period,
    cutoff: Cutoff,
    exceptions: Exceptions,
    summarised: bool = False,
) -> list[PlanRow]:
    """Plans issued by the period's end and not ceased before it began: every plan a
    plan formula can count (new, in place on the last day, ceased in the period).
    ``summarised``: the plans in place all through the period as weighted rows
    (``steady_plan_rows``), the others one by one."""
    placed = settings_placed(local_authority_id)
    week20 = exceptions.week20
    known = cutoff.known
    rows = steady_plan_rows(local_authority_id, period, cutoff) if summarised else []
    plans = _plans(local_authority_id, period, cutoff, summarised)
    for case_id, issued, received, ceased, reason, need, setting in tuples(
        plans.values_list(*PLAN_COLUMNS)
    ):
        gone = known(ceased)
        placement, in_area = NO_SETTING if setting is None else placed[setting]
        rows.append(
            PlanRow(
                issued,
                received,
                week20(case_id, received),
                gone,
                (reason or None) if gone else None,
                need,
                placement,
                in_area,
                case_id,
            )
        )
    return rows


def advice_rows(
    local_authority_id: int, period: Period, cutoff: Cutoff, exceptions: Exceptions
) -> list[AdviceRow]:
    """Advice requests that can fall due in the period (Reg 8(1): 6 weeks after)."""
    asked = AdviceRequest.objects.filter(
        case__local_authority_id=local_authority_id,
        requested_on__gte=period.start - ADVICE_LOOKBACK,
        requested_on__lte=cutoff.last(period.end),
    ).values_list("case_id", "service", "requested_on", "received_on")
    return [
        AdviceRow(
            service,
            requested,
            cutoff.known(received),
            exceptions.advice(case_id, requested),
            case_id,
        )
        for case_id, service, requested, received in tuples(asked)
    ]
