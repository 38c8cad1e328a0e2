"""Writes: receiving feedback and triaging it. Every change is a FeedbackEvent row."""

import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from opensend.directory.feedback.models import (
    Feedback,
    FeedbackEvent,
    FeedbackEventKind,
    FeedbackStatus,
)
from opensend.directory.models import Service
from opensend.people.models import User


class FeedbackStateError(ValueError):
    """A change that would leave the feedback in a state it must not be in."""


class FeedbackConflictError(FeedbackStateError):
    """Someone else changed the feedback after the editor opened it."""

    message = (
        "Someone else changed this feedback while you were editing it. Check the history "
        "and their changes below, then make yours again"
    )


def feedback_receive(
    *,
    token: uuid.UUID,
    about_service: Service | None,
    about_path: str,
    text: str,
    theme: str,
    reply_email: str,
) -> Feedback:
    """Save feedback from the public form, once per form token (a repeat post returns
    the feedback the first post saved)."""
    try:
        with transaction.atomic():
            feedback = Feedback.objects.create(
                submission_token=token,
                received_at=timezone.now(),
                about_service=about_service,
                about_path=about_path,
                text=text,
                theme=theme,
                reply_email=reply_email,
            )
            FeedbackEvent.objects.create(
                feedback=feedback, kind=FeedbackEventKind.RECEIVED, data={"theme": theme}
            )
            return feedback
    except IntegrityError:
        spent = Feedback.objects.filter(submission_token=token).first()
        if spent is None:
            raise
        return spent


@dataclass(frozen=True)
class Triage:
    """What an editor decides about one piece of feedback."""

    theme: str
    status: str
    public_summary: str
    response: str
    published: bool


def _check(triage: Triage) -> None:
    if triage.published and not (triage.public_summary.strip() and triage.response.strip()):
        raise FeedbackStateError(
            "To publish feedback, write both the “You said” summary and the “We did” response"
        )
    if triage.status == FeedbackStatus.ANSWERED and not triage.response.strip():
        raise FeedbackStateError("To mark feedback as answered, write the response")


def _changes(feedback: Feedback, triage: Triage) -> list[tuple[str, dict[str, Any]]]:
    changes: list[tuple[str, dict[str, Any]]] = []
    if triage.theme != feedback.theme:
        changes.append((FeedbackEventKind.THEME_SET, {"from": feedback.theme, "to": triage.theme}))
    if triage.status != feedback.status:
        changes.append(
            (FeedbackEventKind.STATUS_CHANGED, {"from": feedback.status, "to": triage.status})
        )
    if triage.public_summary != feedback.public_summary:
        changes.append((FeedbackEventKind.SUMMARY_WRITTEN, {"text": triage.public_summary}))
    if triage.response != feedback.response:
        changes.append((FeedbackEventKind.RESPONSE_WRITTEN, {"text": triage.response}))
    if triage.published != feedback.published:
        kind = FeedbackEventKind.PUBLISHED if triage.published else FeedbackEventKind.UNPUBLISHED
        changes.append((kind, {}))
    if triage.status == FeedbackStatus.CLOSED and feedback.reply_email:
        changes.append((FeedbackEventKind.EMAIL_ERASED, {}))
    return changes


def _apply(feedback: Feedback, triage: Triage) -> None:
    now = timezone.now()
    if triage.status == FeedbackStatus.ANSWERED and feedback.answered_at is None:
        feedback.answered_at = now  # the first answer counts for the measures
    if triage.published and not feedback.published:
        feedback.published_at = now
    if triage.status == FeedbackStatus.CLOSED:
        feedback.reply_email = ""  # no longer needed: data minimisation
    feedback.theme = triage.theme
    feedback.status = triage.status
    feedback.public_summary = triage.public_summary
    feedback.response = triage.response
    feedback.published = triage.published


@transaction.atomic
def feedback_triage(
    *, feedback_id: uuid.UUID, editor: User, triage: Triage, seen_events: int | None = None
) -> list[str]:
    """Apply an editor's decisions; one event per change. Returns the kinds recorded.

    `seen_events`: how many events the editor's page showed; if there are more now,
    someone else saved in between and nothing is changed (FeedbackConflictError).
    """
    _check(triage)
    feedback = Feedback.objects.select_for_update().get(pk=feedback_id)
    if seen_events is not None and feedback.events.count() != seen_events:
        raise FeedbackConflictError(FeedbackConflictError.message)
    changes = _changes(feedback, triage)
    if not changes:
        return []
    _apply(feedback, triage)
    feedback.save()
    FeedbackEvent.objects.bulk_create(
        FeedbackEvent(feedback=feedback, kind=kind, data=data, recorded_by=editor)
        for kind, data in changes
    )
    return [kind for kind, _ in changes]
