"""The case history for staff: one plain-English line per CaseEvent."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from opensend.casework.models import (
    CORRECTION_KINDS,
    AppealableDecision,
    Case,
    CaseEvent,
    EventKind,
    ExceptionReason,
    PanelQuestion,
    correctable,
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
        EventKind.DECISION_NOT_TO_ISSUE: lambda: "Decided not to issue an EHC plan",
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


def _correction_text(event: CaseEvent, case: Case, originals: dict[int, CaseEvent]) -> str:
    """What a correction did, in words: the event it refers to, and why."""
    data = event.data or {}
    original = originals.get(data.get("refers_to") or 0)
    was = describe_event(original, case) if original else "an event"
    on = f" ({govuk_date(original.occurred_on)})" if original else ""
    why = f". Reason: {data['reason']}" if data.get("reason") else ""
    if event.kind == EventKind.EVENT_WITHDRAWN:
        return f"Withdrawn as recorded in error: {_lower_first(was)}{on}{why}"
    corrected = data.get("corrected") or {}
    now = CaseEvent(kind=corrected.get("event", ""), data=corrected)
    day = govuk_date(dt.date.fromisoformat(corrected["date"])) if corrected.get("date") else ""
    now_text = _lower_first(describe_event(now, case))
    return f"Corrected: {_lower_first(was)}{on} is now {now_text} ({day}){why}"


@dataclass(frozen=True)
class HistoryRow:
    what: str
    occurred_on: dt.date
    recorded_by: str
    recorded_at: dt.datetime
    struck: bool = False  # withdrawn or corrected: shown struck through, kept in the history
    event_id: int | None = None  # set when staff may withdraw or correct it


def history_rows(
    events: Iterable[CaseEvent], case: Case, *, can_correct: bool = False
) -> list[HistoryRow]:
    """Events in the order they happened (the timeline selector already sorts them). An
    event recorded in error stays, struck through, with the correction's own line."""
    events = list(events)
    originals = {event.pk: event for event in events}
    corrected = {event.refers_to_id for event in events if event.refers_to_id}
    return [
        HistoryRow(
            what=(
                _correction_text(event, case, originals)
                if event.kind in CORRECTION_KINDS
                else describe_event(event, case)
            ),
            occurred_on=event.occurred_on,
            recorded_by=event.recorded_by.full_name if event.recorded_by else "System",
            recorded_at=event.recorded_at,
            struck=event.pk in corrected,
            event_id=event.pk
            if can_correct and event.pk not in corrected and correctable(event.kind)
            else None,
        )
        for event in events
    ]
