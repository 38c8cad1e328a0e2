"""The case history for staff: one plain-English line per CaseEvent."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from opensend.casework.models import (
    AppealableDecision,
    Case,
    CaseEvent,
    EventKind,
    ExceptionReason,
    PanelQuestion,
)
from opensend.casework.presenters.steps import advice_label
from opensend.core.formatting import govuk_date
from opensend.statutory.codes import CeaseReason, RequestSource

_ASSESS_OUTCOMES = {
    "assess": "Decided to carry out an EHC needs assessment",
    "not_assess": "Decided not to carry out an EHC needs assessment",
}
_REVIEW_OUTCOMES = {
    "maintain": "Decided after the annual review to maintain the plan",
    "amend": "Decided after the annual review to amend the plan",
    "cease": "Decided after the annual review to cease the plan",
}
_PLAN_EVENTS = {
    EventKind.DRAFT_PLAN_ISSUED: "Draft plan issued",
    EventKind.FINAL_PLAN_ISSUED: "Final plan issued",
    EventKind.AMENDMENT_PROPOSED: "Proposed amendments sent",
    EventKind.AMENDED_PLAN_ISSUED: "Final amended plan issued",
}


def _label(choices: Sequence[tuple[str, str]], value: object) -> str:
    return dict(choices).get(str(value), str(value))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _panel_text(data: dict[str, Any]) -> str:
    question = _lower_first(_label(PanelQuestion.choices, data.get("question", "")))
    verdict = "agreed" if data.get("agreed") else "did not agree"
    return f"Panel {verdict}: {question}"


def _request_text(data: dict[str, Any]) -> str:
    source = data.get("source")
    if not source:
        return "Request for an EHC needs assessment received"
    labels = {member.value: member.label for member in RequestSource}
    return f"Request for an EHC needs assessment received from: {labels.get(source, source)}"


def _advice_text(data: dict[str, Any], verb: str) -> str:
    text = f"{advice_label(data.get('source', 'other'))} {verb}"
    return f"{text} ({data['organisation']})" if data.get("organisation") else text


def _exception_text(data: dict[str, Any]) -> str:
    reason = _label(ExceptionReason.choices, data.get("reason", ""))
    period = ""
    if data.get("start") and data.get("end"):
        start, end = (govuk_date(dt.date.fromisoformat(data[key])) for key in ("start", "end"))
        period = f", {start} to {end}"
    return f"Exception to the time limits: {reason}{period}"


def _ceased_text(data: dict[str, Any]) -> str:
    labels = {member.value: member.label for member in CeaseReason}
    reason = data.get("reason")
    return f"Plan ceased: {labels.get(reason, reason)}" if reason else "Plan ceased"


def _transfer_text(data: dict[str, Any]) -> str:
    if not data.get("transfer_date"):
        return "Phase transfer recorded"
    moving = govuk_date(dt.date.fromisoformat(data["transfer_date"]))
    return f"Phase transfer recorded: moves on {moving}"


def _dispute_text(data: dict[str, Any], what: str) -> str:
    decision = data.get("decision")
    if not decision:
        return what
    return f"{what} about: {_lower_first(_label(AppealableDecision.choices, decision))}"


def describe_event(event: CaseEvent, case: Case) -> str:
    """One line for the history, in plain English."""
    data, kind = event.data or {}, event.kind
    if kind in _PLAN_EVENTS:
        number = data.get("plan_version")
        return f"{_PLAN_EVENTS[kind]} (version {number})" if number else _PLAN_EVENTS[kind]
    describe = {
        EventKind.REQUEST_RECEIVED: lambda: _request_text(data),
        EventKind.DECISION_TO_ASSESS: lambda: _ASSESS_OUTCOMES.get(
            data.get("outcome", ""), "Decision whether to assess recorded"
        ),
        EventKind.ADVICE_REQUESTED: lambda: _advice_text(data, "requested"),
        EventKind.ADVICE_RECEIVED: lambda: _advice_text(data, "received"),
        EventKind.ADVICE_CHASED: lambda: _advice_text(data, "chased"),
        EventKind.EXCEPTION: lambda: _exception_text(data),
        EventKind.REVIEW_DECISION: lambda: _REVIEW_OUTCOMES.get(
            data.get("outcome", ""), "Annual review decision recorded"
        ),
        EventKind.PHASE_TRANSFER: lambda: _transfer_text(data),
        EventKind.DECISION_NOTIFIED: lambda: _dispute_text(data, "Appealable decision notified"),
        EventKind.PANEL_DECISION: lambda: _panel_text(data),
        EventKind.PLAN_CEASED: lambda: _ceased_text(data),
        EventKind.MEDIATION_RECORDED: lambda: _dispute_text(data, "Mediation recorded"),
        EventKind.TRIBUNAL_RECORDED: lambda: _dispute_text(data, "Tribunal appeal recorded"),
        EventKind.CASEWORKER_ALLOCATED: lambda: (
            f"Caseworker allocated: {case.caseworker.full_name}"
            if case.caseworker and data.get("caseworker") == case.caseworker_id
            else "Caseworker allocated"
        ),
    }.get(kind)
    return describe() if describe else _label(EventKind.choices, kind)


@dataclass(frozen=True)
class HistoryRow:
    what: str
    occurred_on: dt.date
    recorded_by: str
    recorded_at: dt.datetime


def history_rows(events: Iterable[CaseEvent], case: Case) -> list[HistoryRow]:
    """Events in the order they happened (the timeline selector already sorts them)."""
    return [
        HistoryRow(
            what=describe_event(event, case),
            occurred_on=event.occurred_on,
            recorded_by=event.recorded_by.full_name if event.recorded_by else "System",
            recorded_at=event.recorded_at,
        )
        for event in events
    ]
