"""Fact rows of a batch of cases, built from the casework records by the statutory
package's own functions (the Python engine's, see measures/live/facts_*.py)."""

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from django.db.models import FilteredRelation, Q

from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseStep,
    Dispute,
    EhcRequest,
    PhaseTransfer,
    Plan,
    Stage,
)
from opensend.measures.live.facts.events import BatchEvents, first_on_or_after
from opensend.measures.live.facts_other import REVIEW_OUTCOMES
from opensend.measures.live.people import fixed_groups, postcode_district
from opensend.measures.models import (
    AdviceFact,
    CaseFact,
    DisputeFact,
    PlanFact,
    RequestFact,
    ReviewFact,
    TransferFact,
)
from opensend.statutory.clock import ClockEvent, advice_due
from opensend.statutory.clock.assessment import (
    DECISION_WEEKS,
    FINAL_PLAN_WEEKS,
    NOT_TO_ISSUE_WEEKS,
)
from opensend.statutory.clock.review import AMENDED_PLAN_WEEKS_AFTER_MEETING
from opensend.statutory.clock.review import DECISION_WEEKS as REVIEW_DECISION_WEEKS
from opensend.statutory.dates import add_weeks
from opensend.statutory.indicators import TransferRow
from opensend.statutory.indicators.disputes import outcome_of
from opensend.statutory.indicators.exceptions import (
    advice_exception_applies,
    week20_exception_applies,
)
from opensend.statutory.indicators.formulas import LONG_WAIT_WEEKS, transfer_deadline

__all__ = ["facts_of"]

REFUSED = (Stage.NOT_ASSESSED, Stage.NOT_ISSUED)


def exception_from(
    exceptions: Sequence[ClockEvent], applies: Callable[[Sequence[ClockEvent]], bool]
) -> dt.date | None:
    """The first day by which the exceptions recorded so far excuse the limit: the Python
    engine counts, as of a day, the exceptions recorded by then (any one that overlaps
    excuses, so once excused a limit stays excused)."""
    for day in sorted({event.date for event in exceptions}):
        if applies([event for event in exceptions if event.date <= day]):
            return day
    return None


def _weeks_after(day: dt.date | None, weeks: int) -> dt.date | None:
    return None if day is None else add_weeks(day, weeks)


def case_facts(cases: list[tuple], events: BatchEvents) -> Iterator[CaseFact]:
    for (
        case_id, la, child, opened, worker, stage, ceased, setting, born, sex, ethnicity,
        postcode, need,
    ) in cases:  # fmt: skip
        refused = events.refusals.get(case_id) if stage in REFUSED else None
        sex_group, ethnicity_group, need_group = fixed_groups(sex, ethnicity, need)
        yield CaseFact(
            case_id=case_id,
            local_authority_id=la,
            child_id=child,
            opened=opened,
            closed=ceased or refused,
            caseworker_id=worker,
            named_setting_id=setting,
            date_of_birth=born,
            sex_group=sex_group,
            ethnicity_group=ethnicity_group,
            need_group=need_group,
            postcode_district=postcode_district(postcode or ""),
        )


def request_facts(ids: Sequence[int], events: BatchEvents) -> Iterator[RequestFact]:
    """Reg 5(1): the first decision whether to assess on or after the request; and for the
    backlog, the final plan's first issue or the refusal that ended the request without
    one (as the Python engine's ``facts_backlog.backlog_rows`` reads them)."""
    requests = EhcRequest.objects.filter(case_id__in=ids).values_list(
        "case_id",
        "case__local_authority_id",
        "received_on",
        "case__stage",
        "case__plan__first_issued_on",
    )
    for case_id, la, received, stage, issued in requests:
        decided, outcome = first_on_or_after(events.decisions.get(case_id, []), (received,)) or (
            None,
            None,
        )
        yield RequestFact(
            case_id=case_id,
            local_authority_id=la,
            received=received,
            decision_due=add_weeks(received, DECISION_WEEKS),
            decided_on=decided,
            outcome=outcome,
            not_to_issue_due=add_weeks(received, NOT_TO_ISSUE_WEEKS),  # Reg 10(1)
            final_plan_due=add_weeks(received, FINAL_PLAN_WEEKS),  # Reg 13(2)
            long_wait_after=add_weeks(received, LONG_WAIT_WEEKS),
            final_plan_issued=issued,
            ended_without_plan=events.refusals.get(case_id) if stage in REFUSED else None,
        )


def plan_facts(
    ids: Sequence[int], events: BatchEvents, needs: dict[int, str | None]
) -> Iterator[PlanFact]:
    plans = Plan.objects.filter(case_id__in=ids, first_issued_on__isnull=False).values_list(
        "case_id",
        "case__local_authority_id",
        "case__child_id",
        "first_issued_on",
        "case__request__received_on",
        "ceased_on",
        "cease_reason",
        "named_setting_id",
    )
    for case_id, la, child, issued, received, ceased, reason, setting in plans:
        excused = None
        if received is not None:
            advice = events.education_advice.get(case_id, ())
            excused = exception_from(
                events.exceptions.get(case_id, ()),
                lambda found: week20_exception_applies(received, found, advice),  # noqa: B023
            )
        yield PlanFact(
            case_id=case_id,
            local_authority_id=la,
            child_id=child,
            issued=issued,
            request_received=received,
            final_plan_due=_weeks_after(received, FINAL_PLAN_WEEKS),  # Reg 13(2)
            long_wait_after=_weeks_after(received, LONG_WAIT_WEEKS),
            exception_from=excused,
            need=needs.get(case_id),
            ceased=ceased,
            cease_reason=(reason or None) if ceased else None,
            named_setting_id=setting,
        )


def advice_facts(ids: Sequence[int], events: BatchEvents) -> Iterator[AdviceFact]:
    asked = AdviceRequest.objects.filter(case_id__in=ids).values_list(
        "case_id", "case__local_authority_id", "service", "requested_on", "received_on"
    )
    for case_id, la, service, requested, received in asked:
        yield AdviceFact(
            case_id=case_id,
            local_authority_id=la,
            source=service,
            requested=requested,
            due=advice_due(requested),  # Reg 8(1)
            received=received,
            exception_from=exception_from(  # Reg 8(2)
                events.exceptions.get(case_id, ()),
                lambda found: advice_exception_applies(requested, found),  # noqa: B023
            ),
        )


def review_facts(ids: Sequence[int], events: BatchEvents) -> Iterator[ReviewFact]:
    """One per review_due step (CFA s44(1)); a meeting no step answers counts as held,
    never as due (due None), as in the Python engine."""
    meetings = {
        (case_id, held): (decided, REVIEW_OUTCOMES.get(outcome))
        for case_id, held, decided, outcome in AnnualReview.objects.filter(
            case_id__in=ids, meeting_on__isnull=False
        ).values_list("case_id", "meeting_on", "decision_on", "outcome")
    }
    steps = CaseStep.objects.filter(case_id__in=ids, step="review_due").values_list(
        "case_id", "case__local_authority_id", "due", "done"
    )
    areas = {}
    answered = set()
    for case_id, la, due, done in steps:
        areas[case_id] = la
        answered.add((case_id, done))
        yield _review(case_id, la, due, done, meetings, events)
    orphans = meetings.keys() - answered
    if orphans:
        areas |= dict(
            Case.objects.filter(id__in={case for case, _ in orphans}).values_list(
                "id", "local_authority_id"
            )
        )
    for case_id, held in sorted(orphans):
        yield _review(case_id, areas[case_id], None, held, meetings, events)


def _review(
    case_id: int,
    la: int,
    due: dt.date | None,
    held: dt.date | None,
    meetings: dict[tuple[int, dt.date], tuple[dt.date | None, str | None]],
    events: BatchEvents,
) -> ReviewFact:
    decided, outcome = meetings.get((case_id, held), (None, None)) if held else (None, None)
    amended = first_on_or_after(events.amended.get(case_id, []), held) if held else None
    return ReviewFact(
        case_id=case_id,
        local_authority_id=la,
        due=due,
        held=held,
        decided_on=decided,
        outcome=outcome if decided else None,
        decision_due=_weeks_after(held, REVIEW_DECISION_WEEKS),  # Reg 20(10)
        amended_due=_weeks_after(held, AMENDED_PLAN_WEEKS_AFTER_MEETING),  # Reg 22(3)
        amended_plan_issued=amended,
    )


def transfer_facts(ids: Sequence[int]) -> Iterator[TransferFact]:
    """Reg 18(1): finalised is the phase_transfer step's done date on the deadline, else
    the date recorded on the transfer."""
    steps = {
        (case_id, due): done
        for case_id, due, done in CaseStep.objects.filter(
            case_id__in=ids, step="phase_transfer"
        ).values_list("case_id", "due", "done")
    }
    transfers = PhaseTransfer.objects.filter(case_id__in=ids).values_list(
        "case_id", "case__local_authority_id", "transfer_date", "kind", "finalised_on"
    )
    for case_id, la, transfer_date, kind, finalised_on in transfers:
        deadline = transfer_deadline(TransferRow(transfer_date, kind))
        yield TransferFact(
            case_id=case_id,
            local_authority_id=la,
            kind=kind,
            deadline=deadline,
            finalised=steps.get((case_id, deadline), finalised_on),
        )


def dispute_facts(ids: Sequence[int]) -> Iterator[DisputeFact]:
    disputes = Dispute.objects.filter(case_id__in=ids).values_list(
        "case_id", "case__local_authority_id", "kind", "started_on", "concluded_on", "outcome"
    )
    for case_id, la, kind, started, concluded, outcome in disputes:
        yield DisputeFact(
            case_id=case_id,
            local_authority_id=la,
            kind=kind,
            started=started,
            concluded=concluded,
            outcome=outcome_of(outcome),
        )


CASE_COLUMNS = (
    "id",
    "local_authority_id",
    "child_id",
    "opened_on",
    "caseworker_id",
    "stage",
    "plan__ceased_on",
    "plan__named_setting_id",
    "child__date_of_birth",
    "child__sex",
    "child__ethnicity",
    "child__postcode",
    "primary__need",
)


def facts_of(scope: Q) -> dict[type, list]:
    """Every fact row of the cases in ``scope`` (a Q on Case), by model."""
    cases = list(
        Case.objects.filter(scope)
        .annotate(primary=FilteredRelation("child__needs", condition=Q(child__needs__rank=1)))
        .values_list(*CASE_COLUMNS)
    )
    ids = [row[0] for row in cases]
    needs = {row[0]: row[-1] for row in cases}
    events = BatchEvents(ids)
    return {
        CaseFact: list(case_facts(cases, events)),
        RequestFact: list(request_facts(ids, events)),
        PlanFact: list(plan_facts(ids, events, needs)),
        AdviceFact: list(advice_facts(ids, events)),
        ReviewFact: list(review_facts(ids, events)),
        TransferFact: list(transfer_facts(ids)),
        DisputeFact: list(dispute_facts(ids)),
    }
