"""One child's SEN2 Person from their cases' already-loaded records (no queries here).

Reporting periods (docs/sen2-return.md): requests, assessments and their outcomes are
reported as they stood at the end of the activity period (the calendar year before the
census); an outcome decided before the period is "H" (historical); active plans are those
in place on the census date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from opensend.casework.models import (
    AnnualReview,
    AppealableDecision,
    Case,
    Dispute,
    PhaseTransfer,
    Plan,
)
from opensend.measures.returns.sen2.records import (
    ActivePlan,
    Assessment,
    NamedPlan,
    Need,
    Person,
    Placement,
    PlanFeatures,
    Request,
)
from opensend.people.models import ChildNeed, Enrolment
from opensend.statutory import codes
from opensend.statutory.clock import ClockEvent
from opensend.statutory.indicators.definitions import Period
from opensend.statutory.indicators.formulas import transfer_deadline
from opensend.statutory.indicators.rows import TransferRow

__all__ = ["CaseFacts", "person_for"]

_REVIEW_OUTCOMES = {"amend": "A", "cease": "C", "maintain": "M"}
# Appealable decisions other than refusing to assess or to issue (CFA s51(2)): SEN2's
# OtherMediation and OtherTribunal.
_OTHER_DECISIONS = frozenset(
    {AppealableDecision.CONTENTS, AppealableDecision.REFUSE_AMEND, AppealableDecision.CEASE}
)


@dataclass
class CaseFacts:
    case: Case
    events: list[ClockEvent]
    week20_exception: bool
    disputes: list[Dispute] = field(default_factory=list)
    reviews: list[AnnualReview] = field(default_factory=list)
    needs: list[ChildNeed] = field(default_factory=list)
    enrolments: list[Enrolment] = field(default_factory=list)
    transfers: list[PhaseTransfer] = field(default_factory=list)
    amendments_proposed: list[dt.date] = field(default_factory=list)

    @property
    def child_id(self) -> int:
        return self.case.child_id

    def first(self, kind: str, until: dt.date) -> ClockEvent | None:
        found = [e for e in self.events if e.event == kind and e.date <= until]
        return min(found, key=lambda e: e.date) if found else None

    def disputed(self, decision: str, kind: str, until: dt.date) -> bool:
        return self.disputed_any({decision}, kind, until)

    def disputed_any(self, decisions: frozenset[str] | set[str], kind: str, until: dt.date) -> bool:
        return any(
            d.decision in decisions and d.kind == kind and d.started_on <= until
            for d in self.disputes
        )


def _dated_outcome(day: dt.date | None, code: str, period: Period) -> tuple[str, dt.date | None]:
    if day is None:
        return "A", None
    return ("H" if day < period.start else code), day


def _placement(facts: CaseFacts, census_date: dt.date) -> Placement | None:
    plan = facts.case.plan
    setting = plan.named_setting
    if setting is None:
        return Placement(setting_code=plan.setting_code) if plan.setting_code else None
    units = {"sen_unit": plan.sen_unit, "resourced_provision": plan.resourced_provision}
    spells = [e for e in facts.enrolments if e.setting_id == setting.pk and e.start <= census_date]
    spell = max(spells, key=lambda e: e.start) if spells else None
    leaving = spell.end if spell and spell.end and spell.end <= census_date else None
    return Placement(
        urn=setting.urn,
        ukprn="" if setting.urn else setting.ukprn,
        setting_name=setting.name,
        entry_date=spell.start if spell else None,
        leaving_date=leaving,
        **units,
    )


def _features(plan: Plan) -> PlanFeatures:
    return PlanFeatures(
        residential=plan.residential,
        work_based_learning=plan.work_based_learning,
        personal_budget=plan.personal_budget,
        organised_arrangement=plan.organised_arrangement,
        direct_payment=plan.direct_payment,
    )


def _named_plan(facts: CaseFacts, census_date: dt.date) -> NamedPlan | None:
    plan = getattr(facts.case, "plan", None)
    if plan is None or plan.first_issued_on is None or plan.first_issued_on > census_date:
        return None
    ceased = plan.ceased_on if plan.ceased_on and plan.ceased_on <= census_date else None
    return NamedPlan(
        start_date=plan.first_issued_on,
        cease_date=ceased,
        cease_reason=plan.cease_reason if ceased else "",
        placement=_placement(facts, census_date),
        features=_features(plan),
    )


def _assessment(facts: CaseFacts, period: Period, census_date: dt.date) -> Assessment:
    issued = facts.first("final_plan_issued", period.end)
    refused = facts.first("decision_not_to_issue", period.end)
    if issued is not None:
        outcome, day = _dated_outcome(issued.date, codes.AssessmentOutcome.ISSUE, period)
    elif refused is not None:
        outcome, day = _dated_outcome(refused.date, codes.AssessmentOutcome.NOT_ISSUE, period)
    else:
        outcome, day = "A", None
    until = period.end
    return Assessment(
        outcome=outcome,
        outcome_date=day,
        mediation=facts.disputed(AppealableDecision.REFUSE_ISSUE, "mediation", until),
        tribunal=facts.disputed(AppealableDecision.REFUSE_ISSUE, "tribunal", until),
        other_mediation=facts.disputed_any(_OTHER_DECISIONS, "mediation", until),
        other_tribunal=facts.disputed_any(_OTHER_DECISIONS, "tribunal", until),
        week20_exception=facts.week20_exception if issued is not None else False,
        named_plan=_named_plan(facts, census_date) if issued is not None else None,
    )


def _request(facts: CaseFacts, period: Period, census_date: dt.date) -> Request | None:
    ehc = getattr(facts.case, "request", None)
    if ehc is None or ehc.received_on > period.end:
        return None
    decision = facts.first("decision_to_assess", period.end)
    assess = decision is not None and decision.outcome == "assess"
    code = codes.RequestOutcome.ASSESS if assess else codes.RequestOutcome.NOT_ASSESS
    outcome, day = _dated_outcome(decision.date if decision else None, code, period)
    return Request(
        received_date=ehc.received_on,
        source=ehc.source,
        youth_accommodation=ehc.youth_accommodation,
        outcome=outcome,
        outcome_date=day,
        mediation=facts.disputed(AppealableDecision.REFUSE_ASSESS, "mediation", period.end),
        tribunal=facts.disputed(AppealableDecision.REFUSE_ASSESS, "tribunal", period.end),
        assessment=_assessment(facts, period, census_date) if assess else None,
        active_plan=_active_plan(facts, period, census_date),
        exception_periods=tuple(
            (e.start, e.end or e.start) for e in facts.events if e.event == "exception" and e.start
        ),
    )


def _in_period(request: Request, period: Period) -> bool:
    """Whether the request belongs in this year's return: received or decided in the
    year, still awaiting a decision or an assessment outcome at its end, or the one that
    led to a plan in place on the census date (SEN2 reads active plans under it)."""
    a = request.assessment
    return (
        request.active_plan is not None
        or period.contains(request.received_date)
        or request.outcome == "A"
        or period.contains(request.outcome_date)
        or (a is not None and (a.outcome == "A" or period.contains(a.outcome_date)))
        or (a is not None and a.named_plan is not None and period.contains(a.named_plan.cease_date))
    )


def _review_items(facts: CaseFacts, census_date: dt.date) -> dict[str, object]:
    """The latest review meeting held by the census date, its decision (LastReview is the
    date of the decision, Reg 20(10)) and the proposed amendments sent after it."""
    held = [r for r in facts.reviews if r.meeting_on <= census_date]
    last = max(held, key=lambda r: r.meeting_on) if held else None
    if last is None:
        return {}
    decided = last.decision_on is not None and last.decision_on <= census_date
    drafts = [day for day in facts.amendments_proposed if last.meeting_on <= day <= census_date]
    return {
        "review_meeting": last.meeting_on,
        "review_outcome": _REVIEW_OUTCOMES.get(last.outcome, last.outcome) if decided else "",
        "last_review": last.decision_on if decided else None,
        "review_draft": min(drafts) if drafts else None,
    }


def _phase_transfer_items(
    facts: CaseFacts, period: Period, census_date: dt.date
) -> dict[str, object]:
    """The phase transfer whose Reg 18(1) deadline is the first on or after the start of
    the activity period: its deadline, and the day the plan naming the new setting was
    finalised (by the census date)."""
    due = sorted(
        (transfer_deadline(TransferRow(t.transfer_date, t.kind)), t) for t in facts.transfers
    )
    upcoming = [(deadline, t) for deadline, t in due if deadline >= period.start]
    if not upcoming:
        return {}
    deadline, transfer = upcoming[0]
    final = transfer.finalised_on
    return {
        "phase_transfer_due": deadline,
        "phase_transfer_final": final if final and final <= census_date else None,
    }


def _active_plan(facts: CaseFacts, period: Period, census_date: dt.date) -> ActivePlan | None:
    plan = getattr(facts.case, "plan", None)
    if plan is None or plan.first_issued_on is None or plan.first_issued_on > census_date:
        return None
    if plan.ceased_on is not None and plan.ceased_on <= census_date:
        return None
    placement = _placement(facts, census_date)
    return ActivePlan(
        transfer_la=plan.transferred_from_la,
        placements=(placement,) if placement else (),
        features=_features(plan),
        needs=tuple(Need(n.need, n.rank) for n in sorted(facts.needs, key=lambda n: n.rank)),
        **_review_items(facts, census_date),  # type: ignore[arg-type]
        **_phase_transfer_items(facts, period, census_date),  # type: ignore[arg-type]
    )


def _latest_active_only(requests: list[Request]) -> tuple[Request, ...]:
    """A person has one plan in place: only the latest request keeps an ActivePlans."""
    with_plan = [i for i, r in enumerate(requests) if r.active_plan is not None]
    keep = with_plan[-1] if with_plan else None
    return tuple(
        r if i == keep or r.active_plan is None else replace(r, active_plan=None)
        for i, r in enumerate(requests)
    )


def person_for(facts: list[CaseFacts], *, period: Period, census_date: dt.date) -> Person | None:
    """The child's Person, or None when nothing of theirs belongs in this return."""
    chosen = []
    for one in facts:
        request = _request(one, period, census_date)
        if request is not None and _in_period(request, period):
            chosen.append((one, request))
    if not chosen:
        return None
    requests = _latest_active_only([request for _, request in chosen])
    cases = [one.case for one, _ in chosen]
    with_plan = [case for case, r in zip(cases, requests, strict=True) if r.active_plan]
    case = (with_plan or cases)[-1]
    child = case.child
    return Person(
        child_id=child.pk,
        case_id=case.pk,
        surname=child.legal_surname,
        forename=child.legal_forename,
        birth_date=child.date_of_birth,
        sex=child.sex,
        ethnicity=child.ethnicity,
        postcode=child.postcode,
        upn=child.upn,
        uln=child.uln,
        upn_unknown_reason="" if child.upn else child.upn_unknown_reason,
        requests=requests,
    )
