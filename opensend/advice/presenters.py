"""What the advice pages show: rows for the adviser's queue and the oversight list."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from opensend.advice.models import Answer
from opensend.casework.models import AdviceRequest
from opensend.casework.notifications import first_name
from opensend.casework.presenters.steps import Tag, advice_label, days_left, status_tag
from opensend.statutory.advice import TIMELINESS_LABELS, advice_timeliness

TIMELINESS_TAGS = {
    "met": Tag("On time", "govuk-tag--green"),
    "late": Tag("Late", "govuk-tag--red"),
    "overdue": Tag("Overdue", "govuk-tag--red"),
    "open": Tag("Not due yet", "govuk-tag--blue"),
}


@dataclass(frozen=True)
class QueueRow:
    advice_id: int
    child: str  # first name only
    kind: str
    asked_on: dt.date
    due: dt.date
    days: str
    tag: Tag
    answered: str  # the latest answer, if any


def _latest_answer(advice: AdviceRequest) -> str:
    submissions = sorted(advice.submissions.all(), key=lambda s: s.version)
    return Answer(submissions[-1].answer).label if submissions else ""


def queue_rows(advice_requests: Iterable[AdviceRequest], today: dt.date) -> list[QueueRow]:
    rows = []
    for advice in advice_requests:
        status = advice_timeliness(due=advice.due_on, received=advice.received_on, today=today)
        rows.append(QueueRow(
            advice_id=advice.pk, child=first_name(advice.case.child),
            kind=advice_label(advice.service), asked_on=advice.requested_on,
            due=advice.due_on, days="" if advice.received_on else days_left(advice.due_on, today),
            tag=status_tag(status), answered=_latest_answer(advice)))
    return rows


@dataclass(frozen=True)
class OversightRow:
    child: str  # first name only: no health details
    organisation: str
    asked_on: dt.date
    due: dt.date
    received: dt.date | None
    status: str
    tag: Tag


def oversight_rows(advice_requests: Iterable[AdviceRequest], today: dt.date) -> list[OversightRow]:
    rows = []
    for advice in advice_requests:
        status = advice_timeliness(due=advice.due_on, received=advice.received_on, today=today)
        rows.append(OversightRow(
            child=first_name(advice.case.child), organisation=advice.organisation.name,
            asked_on=advice.requested_on, due=advice.due_on, received=advice.received_on,
            status=status, tag=TIMELINESS_TAGS[status]))
    return rows


def timeliness_words(status: str) -> str:
    return TIMELINESS_LABELS[status]
