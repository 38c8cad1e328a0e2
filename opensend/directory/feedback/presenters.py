"""What the triage pages show: queue rows and the history in words."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from opensend.directory.feedback.models import (
    Feedback,
    FeedbackEventKind,
    FeedbackStatus,
    FeedbackTheme,
)
from opensend.directory.feedback.selectors import PublishedTheme

EXCERPT_LENGTH = 120
STATUS_TAGS = {
    FeedbackStatus.NEW: "govuk-tag--blue",
    FeedbackStatus.IN_PROGRESS: "govuk-tag--yellow",
    FeedbackStatus.ANSWERED: "govuk-tag--green",
    FeedbackStatus.CLOSED: "govuk-tag--grey",
}


def theme_label(theme: str) -> str:
    return str(FeedbackTheme(theme).label) if theme else "No theme yet"


def status_tag(status: str) -> dict[str, str]:
    return {"text": str(FeedbackStatus(status).label), "classes": STATUS_TAGS[status]}


def about(feedback: Feedback) -> str:
    if feedback.about_service is not None:
        return feedback.about_service.name
    if feedback.about_path:
        return f"Page {feedback.about_path}"
    return "The Local Offer in general"


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


@dataclass(frozen=True)
class QueueRow:
    feedback: Feedback
    about: str
    theme: str
    status: dict[str, str]
    excerpt: str


def queue_rows(queue: Iterable[Feedback]) -> list[QueueRow]:
    return [
        QueueRow(
            feedback=feedback,
            about=about(feedback),
            theme=theme_label(feedback.theme),
            status=status_tag(feedback.status),
            excerpt=excerpt(feedback.text),
        )
        for feedback in queue
    ]


@dataclass(frozen=True)
class EventLine:
    at: datetime
    who: str
    what: str
    detail: str


def _what(kind: str, data: dict[str, str]) -> tuple[str, str]:
    label = str(FeedbackEventKind(kind).label)
    if kind == FeedbackEventKind.THEME_SET:
        return label, f"{theme_label(data['from'])} → {theme_label(data['to'])}"
    if kind == FeedbackEventKind.STATUS_CHANGED:
        before, after = (FeedbackStatus(data[key]).label for key in ("from", "to"))
        return label, f"{before} → {after}"
    if kind == FeedbackEventKind.RECEIVED:
        theme = data.get("theme")
        return label, f"Theme chosen by the sender: {theme_label(theme)}" if theme else ""
    if kind in (FeedbackEventKind.SUMMARY_WRITTEN, FeedbackEventKind.RESPONSE_WRITTEN):
        return label, data.get("text") or "(cleared)"
    return label, ""


def event_lines(feedback: Feedback) -> list[EventLine]:
    lines = []
    for event in feedback.events.all():
        who = event.recorded_by.full_name if event.recorded_by else "Sent through the website"
        what, detail = _what(event.kind, event.data)
        lines.append(EventLine(at=event.recorded_at, who=who, what=what, detail=detail))
    return lines


@dataclass(frozen=True)
class PublishedItem:
    id: str
    month: str
    you_said: str
    we_did: str


@dataclass(frozen=True)
class PublishedGroup:
    theme: str
    label: str
    items: list[PublishedItem]


def _month(moment: datetime | None) -> str:
    return "" if moment is None else f"{timezone.localtime(moment):%B %Y}"


def published_groups(themes: Iterable[PublishedTheme]) -> list[PublishedGroup]:
    """Only the editor's summary and response, with the month they were published."""
    return [
        PublishedGroup(
            theme=group.theme,
            label=group.label,
            items=[
                PublishedItem(
                    id=str(feedback.pk),
                    month=_month(feedback.published_at),
                    you_said=feedback.public_summary,
                    we_did=feedback.response,
                )
                for feedback in group.items
            ],
        )
        for group in themes
    ]
