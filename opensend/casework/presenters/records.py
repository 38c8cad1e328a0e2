"""Advice requests, plan versions and the actions a caseworker can take next."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from opensend.casework.models import Case, Dispute, PlanVersion, Stage, VersionKind
from opensend.casework.presenters.steps import Tag, advice_label, days_left, status_tag
from opensend.statutory.clock.steps import duty_status


@dataclass(frozen=True)
class AdviceRow:
    pk: int
    who: str
    organisation: str
    asked_on: dt.date
    due: dt.date
    received: dt.date | None
    tag: Tag
    days: str
    times_chased: int
    last_chased_on: dt.date | None

    @property
    def outstanding(self) -> bool:
        return self.received is None


def advice_rows(advice_requests: Iterable[Any], today: dt.date) -> list[AdviceRow]:
    rows = []
    for advice in advice_requests:
        status = duty_status(due=advice.due_on, done=advice.received_on, today=today, excused=False)
        rows.append(
            AdviceRow(
                pk=advice.pk,
                who=advice_label(advice.service),
                organisation=advice.organisation.name,
                asked_on=advice.requested_on,
                due=advice.due_on,
                received=advice.received_on,
                tag=status_tag(status),
                times_chased=advice.times_chased,
                last_chased_on=advice.last_chased_on,
                days="" if advice.received_on else days_left(advice.due_on, today),
            )
        )
    return rows


@dataclass(frozen=True)
class VersionRow:
    number: int
    kind: str
    issued_on: dt.date | None


def version_rows(versions: Iterable[PlanVersion], *, issued_only: bool) -> list[VersionRow]:
    kinds = dict(VersionKind.choices)
    return [
        VersionRow(number=v.number, kind=kinds.get(v.kind, v.kind), issued_on=v.issued_on)
        for v in versions
        if v.issued_on is not None or not issued_only
    ]


@dataclass(frozen=True)
class DisputeRow:
    pk: int
    what: str  # "Mediation" or "Tribunal appeal"
    about: str  # the disputed decision
    started_on: dt.date
    concluded_on: dt.date | None
    outcome: str

    @property
    def open(self) -> bool:
        return self.concluded_on is None


def dispute_rows(disputes: list[Dispute]) -> list[DisputeRow]:
    return [
        DisputeRow(pk=d.pk, what=d.get_kind_display(), about=d.get_decision_display(),
                   started_on=d.started_on, concluded_on=d.concluded_on, outcome=d.outcome)
        for d in disputes
    ]


@dataclass(frozen=True)
class Action:
    url_name: str
    text: str


_ACTIONS = {
    "panel_decision": "Record a panel decision",
    "advice_request": "Ask for advice",
    "exception": "Record an exception to the time limits",
    "plan_edit": "Write or edit the plan",
    "plan_issue": "Issue the plan",
    "review_meeting": "Record an annual review meeting",
    "cease": "Cease the plan",
    "dispute": "Record mediation or an appeal",
}

_ACTIONS_BY_STAGE = {
    Stage.REQUESTED: ("panel_decision", "advice_request", "exception"),
    Stage.ASSESSING: ("advice_request", "panel_decision", "exception", "plan_edit"),
    Stage.DRAFTING: ("plan_edit", "plan_issue", "advice_request", "exception"),
    Stage.PLAN: ("review_meeting", "plan_edit", "plan_issue", "cease", "dispute"),
    Stage.NOT_ASSESSED: ("dispute",),
    Stage.NOT_ISSUED: ("dispute",),
    Stage.CEASED: ("dispute",),
}


def case_actions(case: Case) -> list[Action]:
    """What a caseworker is likely to do next at this stage (the rest stay reachable by URL)."""
    names = _ACTIONS_BY_STAGE.get(Stage(case.stage), tuple(_ACTIONS))
    return [Action(url_name=f"casework:{name}", text=_ACTIONS[name]) for name in names]
