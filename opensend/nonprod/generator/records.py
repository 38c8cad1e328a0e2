"""Turning a planned journey into database rows, as the casework services would have.

Only what has happened by `today` is written. Every CaseEvent carries the same data the
services record (opensend/casework/services/*.py); the statutory clock is computed from
ClockEvents built alongside them (opensend.statutory.clock.compute_clock) and stored as
CaseSteps. Rows are collected per batch of children (rows.py) and saved in bulk, so
50,000 children take minutes rather than hours.
"""

import datetime as dt
import random
from typing import Any

from django.db.models import Model

from opensend.casework.models import (
    AdviceRequest,
    Case,
    ClockException,
    Dispute,
    EhcRequest,
    EventKind,
    PanelDecision,
    PanelQuestion,
    Stage,
)
from opensend.nonprod.generator.area import Area
from opensend.nonprod.generator.cases import Journey
from opensend.nonprod.generator.children import ChildDraft
from opensend.nonprod.generator.plan_records import SERVICE_LABEL, PlanRecords
from opensend.nonprod.generator.rows import Rows
from opensend.people.models import (
    User,
)
from opensend.statutory.clock import ClockEvent, compute_clock

CLOCK_FIELDS = {
    EventKind.DECISION_TO_ASSESS: ("outcome",),
    EventKind.REVIEW_DECISION: ("outcome",),
    EventKind.ADVICE_REQUESTED: ("source",),
    EventKind.ADVICE_RECEIVED: ("source",),
    EventKind.EXCEPTION: ("reason", "start", "end"),
    EventKind.PHASE_TRANSFER: ("transfer_date", "kind"),
}
CLOCK_KINDS = {kind.value for kind in EventKind} - {
    EventKind.CASEWORKER_ALLOCATED,
    EventKind.PANEL_DECISION,
    EventKind.ADVICE_CHASED,
    EventKind.PLAN_CEASED,
    EventKind.MEDIATION_RECORDED,
    EventKind.TRIBUNAL_RECORDED,
}


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


class CaseRecorder(PlanRecords):
    """Writes one child's case (everything up to today) into a Rows batch."""

    def __init__(self, rng: random.Random, area: Area, today: dt.date) -> None:
        self.rng = rng
        self.area = area
        self.today = today

    def record(self, draft: ChildDraft, journey: Journey, rows: Rows) -> Case:
        self._rows, self._draft, self._journey = rows, draft, journey
        self._events: list[tuple[str, dt.date, dict[str, Any], User | None]] = []
        self._refs: list[tuple[int, str, Model]] = []
        case = Case(
            child=draft.child,
            local_authority=self.area.la,
            caseworker=draft.caseworker,
            stage=self._stage(journey),
            opened_on=journey.request_on,
        )
        self._case = case
        rows.cases.append(case)
        self._request()
        advice = self._assessment()
        plan = self._plan()
        self._reviews(plan)
        self._transfers(plan)
        self._cease(plan)
        self._disputes()
        self._save_events_and_clock(advice)
        return case

    # -- helpers --------------------------------------------------------------------------

    def _event(
        self,
        event_kind: str,
        on: dt.date,
        /,
        actor: User | None = None,
        refs: dict[str, Model] | None = None,
        **data: Any,
    ) -> None:
        if on > self.today:
            return
        clean = {key: _iso(value) for key, value in data.items() if value not in (None, "")}
        index = len(self._events)
        self._events.append((event_kind, on, clean, actor or self._draft.caseworker))
        for key, obj in (refs or {}).items():
            self._refs.append((index, key, obj))

    def _stage(self, journey: Journey) -> str:
        happened = self._happened
        if happened(journey.ceased_on):
            return Stage.CEASED
        if happened(journey.final_on):
            return Stage.PLAN
        if happened(journey.not_issued_on):
            return Stage.NOT_ISSUED
        if happened(journey.decision_on) and not journey.assess:
            return Stage.NOT_ASSESSED
        if happened(journey.issue_panel_on) or happened(journey.draft_on):
            return Stage.DRAFTING
        if happened(journey.decision_on):
            return Stage.ASSESSING
        return Stage.REQUESTED

    def _manager(self) -> User:
        managers = self.area.managers
        return managers[self.rng.randrange(len(managers))]

    # -- the request and assessment -------------------------------------------------------

    def _request(self) -> None:
        journey, draft = self._journey, self._draft
        setting = draft.setting if journey.source == "2" else None
        family = draft.family[0].name if draft.family else ""
        requested_by = {
            "1": family,
            "2": f"SENCO, {setting.name}" if setting else "SENCO",
            "3": "Community paediatrician",
            "4": "Social worker",
            "5": "Virtual school head",
        }[journey.source]
        self._rows.requests.append(
            EhcRequest(
                case=self._case,
                received_on=journey.request_on,
                source=journey.source,
                requested_by=requested_by,
                requesting_setting=setting,
                graduated_approach_evidence=(
                    "Two cycles of assess, plan, do, review with specialist advice; "
                    "progress remains limited despite targeted support."
                    if setting
                    else ""
                ),
            )
        )
        self._event(EventKind.REQUEST_RECEIVED, journey.request_on, source=journey.source)
        allocated = min(self.today, journey.request_on + dt.timedelta(days=self.rng.randint(0, 5)))
        self._event(EventKind.CASEWORKER_ALLOCATED, allocated, caseworker=draft.caseworker.pk)

    def _panel(self, on: dt.date, question: str, agreed: bool, reasons: str) -> None:
        manager = self._manager()
        decision = PanelDecision(
            case=self._case,
            met_on=on,
            question=question,
            agreed=agreed,
            reasons=reasons,
            recorded_by=manager,
        )
        self._rows.panels.append(decision)
        for agency, name in self.area.panel:
            if agency != "social_care" or self.rng.random() < 0.7:
                self._rows.attendance.append((decision, agency, name))
        self._event(EventKind.PANEL_DECISION, on, manager, question=question, agreed=agreed)

    def _assessment(self) -> list[tuple[AdviceRequest, str]]:
        journey = self._journey
        decided = journey.decision_on
        if not self._happened(decided):
            return []
        assert decided is not None
        reasons = (
            "The evidence shows the child may have SEN and may need provision through a plan."
            if journey.assess
            else "Needs can be met from the setting's resources with a SEN support plan."
        )
        self._panel(decided, PanelQuestion.ASSESS, journey.assess, reasons)
        outcome = "assess" if journey.assess else "not_assess"
        self._event(EventKind.DECISION_TO_ASSESS, decided, outcome=outcome)
        if not journey.assess:
            self._event(EventKind.DECISION_NOTIFIED, decided, decision="refuse_assess")
            return []
        advice = self._advice()
        if journey.exception and self._happened(journey.exception[1]):
            reason, start, end = journey.exception
            self._rows.exceptions.append(
                ClockException(
                    case=self._case,
                    reason=reason,
                    start=start,
                    end=end,
                    note="Family circumstances recorded by the coordinator.",
                )
            )
            self._event(EventKind.EXCEPTION, start, reason=reason, start=start, end=end)
        if self._happened(journey.issue_panel_on):
            assert journey.issue_panel_on is not None
            agreed = journey.not_issued_on is None
            self._panel(
                journey.issue_panel_on,
                PanelQuestion.ISSUE,
                agreed,
                "The assessment shows a plan is needed."
                if agreed
                else "The assessment shows needs can be met without a plan.",
            )
        if self._happened(journey.not_issued_on):
            assert journey.not_issued_on is not None
            self._event(EventKind.DECISION_NOT_TO_ISSUE, journey.not_issued_on)
            self._event(EventKind.DECISION_NOTIFIED, journey.not_issued_on, decision="refuse_issue")
        return advice

    def _advice(self) -> list[tuple[AdviceRequest, str]]:
        made = []
        for plan in self._journey.advice:
            if not self._happened(plan.requested_on):
                continue
            received = plan.received_on if self._happened(plan.received_on) else None
            advice = AdviceRequest(
                case=self._case,
                service=plan.service,
                organisation=plan.organisation,
                requested_on=plan.requested_on,
                due_on=plan.requested_on,  # set from the clock
                received_on=received,
                summary=f"{SERVICE_LABEL[plan.service]} advice received." if received else "",
            )
            self._rows.advice.append(advice)
            made.append((advice, plan.service))
            refs = {"advice_request": advice}
            self._event(
                EventKind.ADVICE_REQUESTED,
                plan.requested_on,
                refs=refs,
                source=plan.service,
                organisation=plan.organisation.name,
            )
            if received is not None:
                self._event(EventKind.ADVICE_RECEIVED, received, refs=refs, source=plan.service)
        return made

    # -- the plan -------------------------------------------------------------------------

    def _disputes(self) -> None:
        for plan in self._journey.disputes:
            if not self._happened(plan.started_on):
                continue
            concluded = plan.concluded_on if self._happened(plan.concluded_on) else None
            dispute = Dispute(
                case=self._case,
                kind=plan.kind,
                decision=plan.decision,
                started_on=plan.started_on,
                concluded_on=concluded,
                outcome=plan.outcome if concluded else "",
            )
            self._rows.disputes.append(dispute)
            kind = (
                EventKind.MEDIATION_RECORDED
                if plan.kind == "mediation"
                else EventKind.TRIBUNAL_RECORDED
            )
            self._event(kind, plan.started_on, refs={"dispute": dispute}, decision=plan.decision)
            if plan.certificate_on is not None:
                self._event(EventKind.MEDIATION_CERTIFICATE, plan.certificate_on)

    # -- events, versions and the clock ---------------------------------------------------

    def _save_events_and_clock(self, advice: list[tuple[AdviceRequest, str]]) -> None:
        rows, case = self._rows, self._case
        if self._rows.plans and self._rows.plans[-1].case is case:
            self._save_versions(self._rows.plans[-1])
        order = sorted(range(len(self._events)), key=lambda i: self._events[i][1])
        for index in order:
            kind, on, data, actor = self._events[index]
            rows.events.append((case, kind, on, data, actor))
        for index, key, obj in self._refs:
            rows.event_refs.append((self._events[index][2], key, obj))
        clock = compute_clock(
            [
                self._clock_event(kind, on, data)
                for kind, on, data, _ in self._events
                if kind in CLOCK_KINDS
            ],
            today=self.today,
            date_of_birth=self._draft.child.date_of_birth,
        )
        due = {step.step: step.due for step in clock.steps if step.step.startswith("advice:")}
        for request, service in advice:
            request.due_on = due[f"advice:{service}"]
        rows.steps.extend((case, s.step, s.due, s.done, s.status, s.rule) for s in clock.steps)

    @staticmethod
    def _clock_event(kind: str, on: dt.date, data: dict[str, Any]) -> ClockEvent:
        fields: dict[str, Any] = {}
        for name in CLOCK_FIELDS.get(kind, ()):
            value = data.get(name)
            if value is not None and name in ("start", "end", "transfer_date"):
                value = dt.date.fromisoformat(value)
            fields[name] = value
        return ClockEvent(event=kind, date=on, **fields)
