"""One child's SEN2 Person from their cases' already-loaded records (no queries here).

Reporting periods (docs/sen2-return.md): requests, assessments and their outcomes are
reported as they stood at the end of the activity period (the calendar year before the
census); an outcome decided before the period is "H" (historical); active plans are those
in place on the census date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from opensend.casework.models import AnnualReview, AppealableDecision, Case, Dispute
from opensend.measures.returns.sen2.records import (
    ActivePlan,
    Assessment,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
)
from opensend.people.models import ChildNeed, Enrolment
from opensend.statutory import codes
from opensend.statutory.clock import ClockEvent
from opensend.statutory.indicators.definitions import Period

__all__ = ["CaseFacts", "person_for"]

_REVIEW_OUTCOMES = {"amend": "A", "cease": "C", "maintain": "M"}


@dataclass
class CaseFacts:
    case: Case
    events: list[ClockEvent]
    week20_exception: bool
    disputes: list[Dispute] = field(default_factory=list)
    reviews: list[AnnualReview] = field(default_factory=list)
    needs: list[ChildNeed] = field(default_factory=list)
    enrolments: list[Enrolment] = field(default_factory=list)

    @property
    def child_id(self) -> int:
        return self.case.child_id

    def first(self, kind: str, until: dt.date) -> ClockEvent | None:
        found = [e for e in self.events if e.event == kind and e.date <= until]
        return min(found, key=lambda e: e.date) if found else None

    def disputed(self, decision: str, kind: str, until: dt.date) -> bool:
        return any(
            d.decision == decision and d.kind == kind and d.started_on <= until
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
    spells = [e for e in facts.enrolments if e.setting_id == setting.pk and e.start <= census_date]
    spell = max(spells, key=lambda e: e.start) if spells else None
    leaving = spell.end if spell and spell.end and spell.end <= census_date else None
    return Placement(
        urn=setting.urn,
        ukprn="" if setting.urn else setting.ukprn,
        setting_name=setting.name,
        entry_date=spell.start if spell else None,
        leaving_date=leaving,
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
        exception_periods=tuple(
            (e.start, e.end or e.start) for e in facts.events if e.event == "exception" and e.start
        ),
    )


def _in_period(request: Request, period: Period) -> bool:
    """Whether the request belongs in this year's return: received or decided in the
    year, or still awaiting a decision or an assessment outcome at its end."""
    a = request.assessment
    return (
        period.contains(request.received_date)
        or request.outcome == "A"
        or period.contains(request.outcome_date)
        or (a is not None and (a.outcome == "A" or period.contains(a.outcome_date)))
        or (a is not None and a.named_plan is not None and period.contains(a.named_plan.cease_date))
    )


def _active_plan(facts: CaseFacts, census_date: dt.date) -> ActivePlan | None:
    plan = getattr(facts.case, "plan", None)
    if plan is None or plan.first_issued_on is None or plan.first_issued_on > census_date:
        return None
    if plan.ceased_on is not None and plan.ceased_on <= census_date:
        return None
    held = [r for r in facts.reviews if r.meeting_on <= census_date]
    last = max(held, key=lambda r: r.meeting_on) if held else None
    decided = last is not None and last.decision_on is not None and last.decision_on <= census_date
    placement = _placement(facts, census_date)
    return ActivePlan(
        last_review=last.meeting_on if last else None,
        review_outcome=_REVIEW_OUTCOMES.get(last.outcome, last.outcome) if decided else "",
        placements=(placement,) if placement else (),
        needs=tuple(Need(n.need, n.rank) for n in sorted(facts.needs, key=lambda n: n.rank)),
    )


def person_for(facts: list[CaseFacts], *, period: Period, census_date: dt.date) -> Person | None:
    """The child's Person, or None when nothing of theirs belongs in this return."""
    requests = []
    for one in facts:
        request = _request(one, period, census_date)
        if request is not None and _in_period(request, period):
            requests.append((one, request))
    active = [(one, plan) for one in facts if (plan := _active_plan(one, census_date))]
    if not requests and not active:
        return None
    case = (active or requests)[-1][0].case
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
        requests=tuple(request for _, request in requests),
        active_plan=active[-1][1] if active else None,
    )
