"""Reads. The triage reads take the user and refuse (404) anyone but a directory editor;
the public reads return only what editors chose to publish."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404

from opensend.core.permissions import has_perm
from opensend.directory.feedback.models import Feedback, FeedbackStatus, FeedbackTheme
from opensend.directory.models import Service
from opensend.people.models import User


def _editor(user: User) -> User:
    if not has_perm(user, "directory.triage_feedback"):
        raise Http404
    return user


def service_about(service_id: str | None) -> Service | None:
    """The service a visitor is giving feedback about (a bad or unknown id: none)."""
    try:
        key = uuid.UUID(service_id or "")
    except ValueError:
        return None
    return Service.objects.filter(pk=key).first()


def feedback_queue(
    *, user: User, status: str = "", theme: str = "", service_id: uuid.UUID | None = None
) -> QuerySet[Feedback]:
    """The triage queue, oldest first within a status, so the longest waiting come first."""
    _editor(user)
    queue = Feedback.objects.select_related("about_service").order_by("received_at", "id")
    if status:
        queue = queue.filter(status=status)
    if theme:
        queue = queue.filter(theme=theme)
    if service_id:
        queue = queue.filter(about_service_id=service_id)
    return queue


def feedback_status_totals(*, user: User) -> dict[str, int]:
    _editor(user)
    totals = dict.fromkeys(FeedbackStatus.values, 0)
    counted = Feedback.objects.values("status").annotate(count=Count("id")).order_by()
    totals.update({row["status"]: row["count"] for row in counted})
    return totals


def services_with_feedback(*, user: User) -> QuerySet[Service]:
    _editor(user)
    return Service.objects.filter(feedback__isnull=False).distinct().order_by("name", "id")


def feedback_get(*, user: User, feedback_id: uuid.UUID) -> Feedback:
    _editor(user)
    found = (
        Feedback.objects.select_related("about_service")
        .prefetch_related("events__recorded_by")
        .filter(pk=feedback_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class PublishedTheme:
    theme: str
    label: str
    items: list[Feedback]


PUBLIC_FIELDS = ("id", "theme", "public_summary", "response", "published_at")


def published_latest(*, limit: int) -> list[Feedback]:
    """The newest published items (for the feed): only the fields the public may see."""
    published = Feedback.objects.filter(published=True).only(*PUBLIC_FIELDS)
    return list(published.order_by("-published_at", "id")[:limit])


def published_feedback(*, theme: str = "") -> list[PublishedTheme]:
    """'You said, we did': published feedback grouped by theme (in the themes' order),
    newest first within each. Only the editor's summary and response are shown."""
    published = Feedback.objects.filter(published=True).only(*PUBLIC_FIELDS)
    if theme:
        published = published.filter(theme=theme)
    return _grouped(published.order_by("-published_at", "id"))


def _grouped(published: Iterable[Feedback]) -> list[PublishedTheme]:
    groups: dict[str, list[Feedback]] = {}
    for feedback in published:
        groups.setdefault(feedback.theme or FeedbackTheme.OTHER, []).append(feedback)
    return [
        PublishedTheme(theme=value, label=str(label), items=groups[value])
        for value, label in FeedbackTheme.choices
        if value in groups
    ]
