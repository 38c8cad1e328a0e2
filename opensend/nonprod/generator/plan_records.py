"""The plan part of a case's records: versions A-K, reviews, transfers and ceasing.

A mixin of CaseRecorder (records.py), which provides the case being written, the batch
of rows and `_event`.
"""

import datetime as dt
import random
from typing import Any

from opensend.casework.models import (
    AnnualReview,
    Case,
    EventKind,
    PhaseTransfer,
    Plan,
    VersionKind,
)
from opensend.nonprod.generator.cases import Journey
from opensend.nonprod.generator.children import ChildDraft
from opensend.nonprod.generator.plan_text import plan_sections
from opensend.nonprod.generator.rows import Rows

SERVICE_LABEL = {
    "psychology": "Educational psychology",
    "health": "Health",
    "social_care": "Social care",
    "education": "Education",
}
REVIEW_CODE = {"maintain": "M", "amend": "A", "cease": "C"}
ISSUE_EVENT = {
    VersionKind.DRAFT: EventKind.DRAFT_PLAN_ISSUED,
    VersionKind.FINAL: EventKind.FINAL_PLAN_ISSUED,
    VersionKind.PROPOSED_AMENDMENT: EventKind.AMENDMENT_PROPOSED,
    VersionKind.AMENDED_FINAL: EventKind.AMENDED_PLAN_ISSUED,
}


class PlanRecords:
    rng: random.Random
    today: dt.date
    _rows: Rows
    _draft: ChildDraft
    _journey: Journey
    _case: Case
    _versions: list[tuple[str, dt.date | None, dict[str, Any]]]

    def _happened(self, day: dt.date | None) -> bool:
        return day is not None and day <= self.today

    def _event(self, event_kind: str, on: dt.date, /, **data: Any) -> None:
        raise NotImplementedError

    def _sections(self) -> dict[str, Any]:
        draft = self._draft
        setting = draft.setting
        placement = (
            (setting.pk, setting.name)
            if setting is not None
            else (None, f"No setting named ({draft.setting_code})")
        )
        advice = [
            f"{SERVICE_LABEL[a.service]} advice, {a.received_on:%d %B %Y}"
            for a in self._journey.advice
            if a.received_on
        ]
        return plan_sections(
            self.rng,
            forename=draft.child.legal_forename,
            sex=draft.child.sex,
            needs=draft.needs,
            setting=placement,
            advice=advice,
        )

    def _plan(self) -> Plan | None:
        journey = self._journey
        if not (self._happened(journey.issue_panel_on) and journey.not_issued_on is None):
            return None
        final = journey.final_on if self._happened(journey.final_on) else None
        plan = Plan(
            case=self._case,
            first_issued_on=final,
            named_setting=self._draft.setting if final else None,
            setting_code=self._draft.setting_code if final else "",  # sen2 (issue 3)
        )
        self._rows.plans.append(plan)
        self._versions: list[tuple[str, dt.date | None, dict[str, Any]]] = []
        sections = self._sections()
        if self._happened(journey.draft_on):
            assert journey.draft_on is not None
            self._version(VersionKind.DRAFT, journey.draft_on, sections)
        else:
            self._version(VersionKind.DRAFT, None, sections)
        if final is not None:
            self._version(VersionKind.FINAL, final, sections)
        return plan

    def _version(self, kind: str, issued: dt.date | None, sections: dict[str, Any]) -> None:
        self._versions.append((kind, issued, sections))

    def _reviews(self, plan: Plan | None) -> None:
        if plan is None:
            return
        for review_plan in self._journey.reviews:
            decided = review_plan.decision_on if self._happened(review_plan.decision_on) else None
            review = AnnualReview(
                case=self._case,
                meeting_on=review_plan.meeting_on,
                report_received_on=min(
                    review_plan.meeting_on + dt.timedelta(days=10), decided or self.today
                ),
                decision_on=decided,
                outcome=REVIEW_CODE[review_plan.outcome] if decided else "",
                notes="Review meeting held with the family and the setting.",
            )
            self._rows.reviews.append(review)
            refs = {"review": review}
            self._event(EventKind.REVIEW_MEETING, review_plan.meeting_on, refs=refs)
            if decided is None:
                continue
            self._event(EventKind.REVIEW_DECISION, decided, refs=refs, outcome=review_plan.outcome)
            if review_plan.outcome == "amend":
                sections = self._versions[-1][2]
                self._version(VersionKind.PROPOSED_AMENDMENT, decided, sections)
                if self._happened(review_plan.amended_on):
                    assert review_plan.amended_on is not None
                    self._version(VersionKind.AMENDED_FINAL, review_plan.amended_on, sections)

    def _transfers(self, plan: Plan | None) -> None:
        if plan is None:
            return
        for transfer in self._journey.transfers:
            if not self._happened(transfer.recorded_on):
                continue
            finalised = transfer.finalised_on if self._happened(transfer.finalised_on) else None
            self._rows.transfers.append(
                PhaseTransfer(
                    case=self._case,
                    transfer_date=transfer.transfer_date,
                    kind=transfer.kind,
                    from_setting=transfer.from_setting,
                    to_setting=transfer.to_setting,
                    finalised_on=finalised,
                )
            )
            self._event(
                EventKind.PHASE_TRANSFER,
                transfer.recorded_on,
                transfer_date=transfer.transfer_date,
                kind=transfer.kind,
            )
            if finalised is not None:
                sections = dict(self._versions[-1][2])
                if transfer.to_setting is not None:
                    sections["I"] = {
                        "setting_id": transfer.to_setting.pk,
                        "setting_name": transfer.to_setting.name,
                    }
                self._version(VersionKind.AMENDED_FINAL, finalised, sections)

    def _cease(self, plan: Plan | None) -> None:
        journey = self._journey
        if plan is None or not self._happened(journey.ceased_on):
            return
        assert journey.ceased_on is not None
        plan.ceased_on, plan.cease_reason = journey.ceased_on, journey.cease_reason
        self._event(EventKind.PLAN_CEASED, journey.ceased_on, reason=journey.cease_reason)
        self._event(EventKind.DECISION_NOTIFIED, journey.ceased_on, decision="cease")

    def _save_versions(self, plan: Plan) -> None:
        issued = sorted((v for v in self._versions if v[1] is not None), key=lambda v: v[1])
        working = [v for v in self._versions if v[1] is None]
        for number, (kind, on, sections) in enumerate([*issued, *working], start=1):
            self._rows.versions.append((plan, number, kind, on, sections, self._draft.caseworker))
            if on is None:
                continue
            self._event(ISSUE_EVENT[VersionKind(kind)], on, plan_version=number)
