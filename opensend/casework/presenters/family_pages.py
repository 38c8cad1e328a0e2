"""The family's case and documents pages in plain English (issue 11, item 1): what has
happened, and for each decision the right of appeal with its dates from the clock."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from opensend.casework.issued_documents import IssuedDocument
from opensend.casework.models import CaseEvent, EventKind
from opensend.statutory.clock import Step
from opensend.statutory.clock.disputes import MEDIATION_CONTACT_MONTHS
from opensend.statutory.dates import add_calendar_months

# What each event means to a family. Events not named here (a caseworker allocated, a
# chase, a panel's internal decision, corrections) are not the family's news.
HAPPENED = {
    EventKind.REQUEST_RECEIVED: "We received the request for an EHC needs assessment",
    EventKind.DECISION_NOT_TO_ISSUE: "We decided not to issue an EHC plan",
    EventKind.DRAFT_PLAN_ISSUED: "We sent you the draft EHC plan",
    EventKind.FINAL_PLAN_ISSUED: "We sent you the final EHC plan",
    EventKind.REVIEW_MEETING: "The annual review meeting took place",
    EventKind.REVIEW_DECISION: "We decided what happens after the annual review",
    EventKind.AMENDMENT_PROPOSED: "We proposed changes to the EHC plan",
    EventKind.AMENDED_PLAN_ISSUED: "We sent you the amended EHC plan",
    EventKind.DECISION_NOTIFIED: "We told you our decision, which you can appeal",
    EventKind.MEDIATION_CERTIFICATE: "The mediation adviser issued a certificate",
    EventKind.COMMENT_PERIOD_ENDED_EARLY: "You agreed to end the time to comment early",
    EventKind.PLAN_CEASED: "The EHC plan ended",
    EventKind.EXCEPTION: "Something happened that the law allows to delay the timetable",
}
ASSESS_WORDS = {
    "not_assess": "We decided not to carry out an EHC needs assessment",
    "assess": "We decided to carry out an EHC needs assessment",
}


# Whose advice (Reg 6(1)), from the event's "source": "We asked for health advice".
ADVICE_WORDS = {
    EventKind.ADVICE_REQUESTED: "We asked for {kind}",
    EventKind.ADVICE_RECEIVED: "We received the {kind}",
}
ADVICE_KINDS = {
    "education": "education advice",
    "health": "health advice",
    "social_care": "social care advice",
    "psychology": "educational psychology advice",
}


@dataclass(frozen=True)
class Happened:
    on: dt.date
    what: str


def _words(event: CaseEvent) -> str | None:
    if event.kind == EventKind.DECISION_TO_ASSESS:
        return ASSESS_WORDS["not_assess" if event.data.get("outcome") == "not_assess" else "assess"]
    if event.kind in ADVICE_WORDS:
        kind = ADVICE_KINDS.get(event.data.get("source", ""), "advice from a professional")
        return ADVICE_WORDS[EventKind(event.kind)].format(kind=kind)
    return HAPPENED.get(EventKind(event.kind))


def what_happened(events: Iterable[CaseEvent]) -> list[Happened]:
    """The case's events in plain words, newest first; withdrawn ones left out."""
    events = list(events)
    withdrawn = {e.refers_to_id for e in events if e.kind == EventKind.EVENT_WITHDRAWN}
    rows = [
        Happened(on=event.occurred_on, what=words)
        for event in events
        if event.pk not in withdrawn and (words := _words(event))
    ]
    return sorted(rows, key=lambda row: row.on, reverse=True)


@dataclass(frozen=True)
class AppealRight:
    """SEND Regs 2014 reg 33 (Mediation): before appealing, contact a mediation adviser
    within 2 months of the decision; HESC Rules 2008 r20(1)(c): appeal to the tribunal
    within 2 months of the decision, or 1 month after the mediation certificate if later.
    Both dates are the clock's (statutory.clock.disputes)."""

    mediation_by: dt.date
    tribunal_by: dt.date
    mediation_open: bool
    tribunal_open: bool


@dataclass(frozen=True)
class DocumentRow:
    document: IssuedDocument
    appeal: AppealRight | None


def _appeal_windows(steps: Sequence[Step]) -> list[tuple[Step, Step]]:
    mediation = [s for s in steps if s.step == "mediation_contact"]
    tribunal = [s for s in steps if s.step == "tribunal_appeal"]
    return list(zip(mediation, tribunal, strict=False))


def appeal_right(decided: dt.date, steps: Sequence[Step], today: dt.date) -> AppealRight | None:
    """The appeal windows the clock opened for a decision sent on `decided` (none when
    the decision cannot be appealed, such as a decision to assess)."""
    contact_closes = add_calendar_months(decided, MEDIATION_CONTACT_MONTHS)
    for mediation, tribunal in _appeal_windows(steps):
        if mediation.due == contact_closes:
            return AppealRight(
                mediation_by=mediation.due, tribunal_by=tribunal.due,
                mediation_open=mediation.done is None and today <= mediation.due,
                tribunal_open=today <= tribunal.due,
            )
    return None


def document_rows(
    documents: Iterable[IssuedDocument], steps: Sequence[Step], today: dt.date
) -> list[DocumentRow]:
    return [DocumentRow(document=d, appeal=appeal_right(d.issued_on, steps, today))
            for d in documents]
