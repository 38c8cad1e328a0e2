"""Triage, for directory editors only (anyone else: 404)."""

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.directory.feedback.forms import QueueFilterForm, TriageForm
from opensend.directory.feedback.models import Feedback
from opensend.directory.feedback.presenters import event_lines, queue_rows
from opensend.directory.feedback.selectors import (
    feedback_get,
    feedback_queue,
    feedback_status_totals,
    services_with_feedback,
)
from opensend.directory.feedback.services import (
    FeedbackConflictError,
    FeedbackStateError,
    Triage,
    feedback_triage,
)

QUEUE_LENGTH = 100  # the longest waiting; filters narrow it down


@require_http_methods(["GET"])
@permission_required("directory.triage_feedback")
def queue(request: HttpRequest) -> HttpResponse:
    services = list(services_with_feedback(user=request.user))
    filters = QueueFilterForm(request.GET or {"status": "new"}, services=services)
    chosen = filters.cleaned_data if filters.is_valid() else {"status": "new"}
    if filters.errors:  # a made-up filter in the address: the default queue, no error
        filters = QueueFilterForm({"status": "new"}, services=services)
    rows = feedback_queue(
        user=request.user,
        status=chosen.get("status", ""),
        theme=chosen.get("theme", ""),
        service_id=chosen.get("service"),
    )
    context = {
        "filters": filters,
        "rows": queue_rows(rows[:QUEUE_LENGTH]),
        "matching": rows.count(),
        "totals": feedback_status_totals(user=request.user),
    }
    return render_page(request, "directory/feedback/queue.html", context)


def _initial(feedback: Feedback) -> dict[str, object]:
    fields = ("theme", "status", "public_summary", "response", "published")
    initial: dict[str, object] = {name: getattr(feedback, name) for name in fields}
    initial["seen_events"] = len(feedback.events.all())
    return initial


def _fresh(feedback: Feedback) -> dict[str, str]:
    """After a conflict the editor's answers are kept, with the new event count, so that
    saving again (having read the other change) goes through."""
    return {"seen_events": str(len(feedback.events.all()))}


def _save(request: HttpRequest, feedback: Feedback, form: TriageForm) -> list[str]:
    decisions = dict(form.cleaned_data)
    seen_events = decisions.pop("seen_events")
    return feedback_triage(
        feedback_id=feedback.pk,
        editor=request.user,
        triage=Triage(**decisions),
        seen_events=seen_events,
    )


@require_http_methods(["GET", "POST"])
@permission_required("directory.triage_feedback")
def item(request: HttpRequest, feedback_id: uuid.UUID) -> HttpResponse:
    feedback = feedback_get(user=request.user, feedback_id=feedback_id)
    data = request.POST if request.method == "POST" else None
    form = TriageForm(data, initial=_initial(feedback))
    if data is not None and form.is_valid():
        try:
            changed = _save(request, feedback, form)
        except FeedbackConflictError as error:
            feedback = feedback_get(user=request.user, feedback_id=feedback_id)
            form = TriageForm(data={**data.dict(), **_fresh(feedback)}, initial=_initial(feedback))
            form.is_valid()
            form.add_error(None, str(error))
        except FeedbackStateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Feedback updated" if changed else "Nothing was changed")
            return redirect("feedback:item", feedback.pk)
    context = {"feedback": feedback, "form": form, "events": event_lines(feedback)}
    return render_page(request, "directory/feedback/item.html", context)
