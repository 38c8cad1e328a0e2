"""Rows for annual reviews, phase transfers, caseloads and disputes: one query per kind.

See facts_assessment.py for the conventions (columns only, period pre-filter, ``as_of``).
"""

import datetime as dt
from bisect import bisect_left
from collections import defaultdict

from django.db.models import Count, Min, Q, QuerySet

from opensend.casework.event_selectors import amended_plans_issued, refusals
from opensend.casework.models import (
    AnnualReview,
    Case,
    CaseStep,
    Dispute,
    PhaseTransfer,
    Stage,
)
from opensend.measures.live.facts_assessment import Cutoff
from opensend.measures.live.fetch import tuples
from opensend.statutory.codes import ReviewOutcome
from opensend.statutory.indicators import CaseRow, DisputeRow, Period, ReviewRow, TransferRow
from opensend.statutory.indicators.disputes import outcome_of
from opensend.statutory.indicators.formulas import transfer_deadline

__all__ = ["case_rows", "dispute_rows", "review_rows", "transfer_rows"]

# SEN2 review outcome codes (stored) -> the clock's words (the formulas read these).
REVIEW_OUTCOMES = {
    ReviewOutcome.AMEND.value: "amend",
    ReviewOutcome.CEASE.value: "cease",
    ReviewOutcome.MAINTAIN.value: "maintain",
}
# A meeting no review_due step answers (the clock has not been run on the case): counted
# as held, never as due. date.max can fall in no period.
DUE_UNKNOWN = dt.date.max


def _amended_plans(
    local_authority_id: int, since: dt.date, cutoff: Cutoff
) -> dict[int, list[dt.date]]:
    """Each case's amended plans issued since ``since`` (and by ``as_of``), in date order."""
    issued = amended_plans_issued(local_authority_id, since=since, until=cutoff.as_of)
    by_case: dict[int, list[dt.date]] = defaultdict(list)
    for case_id, day in tuples(issued):
        by_case[case_id].append(day)
    return by_case


def _meetings(
    local_authority_id: int, period: Period, cutoff: Cutoff
) -> dict[tuple[int, dt.date], tuple[dt.date | None, str | None]]:
    meetings = AnnualReview.objects.filter(
        case__local_authority_id=local_authority_id,
        meeting_on__range=(period.start, cutoff.last(period.end)),
    ).values_list("case_id", "meeting_on", "decision_on", "outcome")
    return {
        (case_id, held): (
            cutoff.known(decided),
            REVIEW_OUTCOMES.get(outcome) if cutoff.known(decided) else None,
        )
        for case_id, held, decided, outcome in tuples(meetings)
    }


def review_rows(local_authority_id: int, period: Period, cutoff: Cutoff) -> list[ReviewRow]:
    """One row per review_due step (the clock's CFA s44(1) due date; done = the meeting
    that answered it) due or answered in the period, with what the LA decided after that
    meeting (AnnualReview) and the first amended plan issued on or after it."""
    meetings = _meetings(local_authority_id, period, cutoff)
    amended = _amended_plans(local_authority_id, period.start, cutoff)
    within = (period.start, period.end)
    steps = (
        CaseStep.objects.filter(case__local_authority_id=local_authority_id, step="review_due")
        .filter(Q(due__range=within) | Q(done__range=within))
        .values_list("case_id", "due", "done")
    )
    rows = []
    answered = set()
    for case_id, due, done in tuples(steps):
        held = cutoff.known(done)
        rows.append(_review_row(case_id, due, held, meetings, amended))
        if held is not None:
            answered.add((case_id, held))
    for case_id, held in meetings.keys() - answered:
        rows.append(_review_row(case_id, DUE_UNKNOWN, held, meetings, amended))
    return rows


def _review_row(
    case_id: int,
    due: dt.date,
    held: dt.date | None,
    meetings: dict[tuple[int, dt.date], tuple[dt.date | None, str | None]],
    amended: dict[int, list[dt.date]],
) -> ReviewRow:
    if held is None:
        return ReviewRow(due, None, None, None, None, case_id)
    decided, outcome = meetings.get((case_id, held), (None, None))
    days = amended.get(case_id, ())  # known by as_of, in date order
    first = bisect_left(days, held)
    after = days[first] if first < len(days) else None
    return ReviewRow(due, held, decided, outcome, after, case_id)


def transfer_rows(local_authority_id: int, period: Period, cutoff: Cutoff) -> list[TransferRow]:
    """Phase transfers whose Reg 18(1) deadline can fall in the period; finalised is the
    clock's phase_transfer step done date (else the date recorded on the transfer)."""
    transfers = PhaseTransfer.objects.filter(
        case__local_authority_id=local_authority_id,
        transfer_date__year__gte=period.start.year,
        transfer_date__year__lte=period.end.year,
    ).values_list("case_id", "transfer_date", "kind", "finalised_on")
    steps = CaseStep.objects.filter(
        case__local_authority_id=local_authority_id,
        step="phase_transfer",
        due__range=(period.start, period.end),
    ).values_list("case_id", "due", "done")
    done_by_step = {(case_id, due): done for case_id, due, done in steps}
    rows = []
    for case_id, transfer_date, kind, finalised_on in transfers:
        row = TransferRow(transfer_date, kind, None, case_id)
        finalised = done_by_step.get((case_id, transfer_deadline(row)), finalised_on)
        rows.append(row._replace(finalised=cutoff.known(finalised)))
    return rows


def _open_caseloads(cases: QuerySet[Case]) -> list[CaseRow]:
    """Cases open on the period's last day (no plan ceased by then, no refusal), grouped
    by caseworker: their plan, if any, ceased after the period (or after ``as_of``), so
    the formula reads only the caseworker and that they were open."""
    loads = (
        cases.values("caseworker_id")
        .annotate(first=Min("opened_on"), cases=Count("pk"))
        .values_list("caseworker_id", "first", "cases")
        .order_by()
    )
    return [
        CaseRow(first, None, str(caseworker), None, weight)
        for caseworker, first, weight in tuples(loads)
    ]


def _refusal_dates(local_authority_id: int) -> dict[int, dt.date]:
    """The day a refused case ended: its refusal to assess or to issue a plan."""
    events = refusals(local_authority_id, REFUSED)
    ended: dict[int, dt.date] = {}
    for case_id, day in events:
        ended[case_id] = max(day, ended.get(case_id, day))
    return ended


REFUSED = (Stage.NOT_ASSESSED, Stage.NOT_ISSUED)


def case_rows(
    local_authority_id: int, period: Period, cutoff: Cutoff, summarised: bool = False
) -> list[CaseRow]:
    """Cases allocated to a caseworker (today's allocation: allocations are not dated),
    opened by the period's end and not ended before it: closed is the plan's cease date
    or the refusal that ended the case. ``summarised``: the cases no refusal ended, all
    open on the period's last day, as one weighted row per caseworker."""
    refused = _refusal_dates(local_authority_id)
    cases = Case.objects.filter(
        local_authority_id=local_authority_id,
        caseworker__isnull=False,
        opened_on__lte=cutoff.last(period.end),
    ).exclude(plan__ceased_on__lte=cutoff.last(period.end))
    rows = []
    if summarised:
        rows = _open_caseloads(cases.exclude(stage__in=REFUSED))
        cases = cases.filter(stage__in=REFUSED)
    cases = cases.values_list("id", "opened_on", "caseworker_id", "plan__ceased_on")
    for case_id, opened, caseworker, ceased in tuples(cases):
        closed = cutoff.known(ceased or refused.get(case_id))
        rows.append(CaseRow(opened, closed, str(caseworker), case_id))
    return rows


def dispute_rows(local_authority_id: int, period: Period, cutoff: Cutoff) -> list[DisputeRow]:
    """Mediations and appeals started or concluded in the period."""
    disputes = (
        Dispute.objects.filter(
            case__local_authority_id=local_authority_id,
            started_on__lte=cutoff.last(period.end),
        )
        .filter(Q(started_on__gte=period.start) | Q(concluded_on__range=(period.start, period.end)))
        .values_list("case_id", "kind", "started_on", "concluded_on", "outcome")
    )
    rows = []
    for case_id, kind, started, concluded, outcome in disputes:
        ended = cutoff.known(concluded)
        rows.append(
            DisputeRow(kind, started, ended, outcome_of(outcome) if ended else None, case_id)
        )
    return rows
