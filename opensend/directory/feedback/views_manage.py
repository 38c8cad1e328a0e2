"""Triage, for directory editors only (anyone else: 404)."""

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.core.permissions import staff_required
from opensend.core.render import render_page
from opensend.directory.feedback.forms import QueueFilterForm, TriageForm
from opensend.directory.feedback.presenters import event_lines, queue_rows
from opensend.directory.feedback.selectors import (
    feedback_get,
    feedback_queue,
    feedback_status_totals,
    services_with_feedback,
)
from opensend.directory.feedback.services import FeedbackStateError, Triage, feedback_triage
from opensend.people.models import Role

editor_required = staff_required(Role.DIRECTORY_EDITOR)


@require_http_methods(["GET"])
@editor_required
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
        "rows": queue_rows(rows),
        "totals": feedback_status_totals(user=request.user),
    }
    return render_page(request, "directory/feedback/queue.html", context)


def _initial(feedback: object) -> dict[str, object]:
    fields = ("theme", "status", "public_summary", "response", "published")
    return {name: getattr(feedback, name) for name in fields}


@require_http_methods(["GET", "POST"])
@editor_required
def item(request: HttpRequest, feedback_id: uuid.UUID) -> HttpResponse:
    feedback = feedback_get(user=request.user, feedback_id=feedback_id)
    data = request.POST if request.method == "POST" else None
    form = TriageForm(data, initial=_initial(feedback))
    if data is not None and form.is_valid():
        try:
            changed = feedback_triage(
                feedback_id=feedback.pk, editor=request.user, triage=Triage(**form.cleaned_data)
            )
        except FeedbackStateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Feedback updated" if changed else "Nothing was changed")
            return redirect("feedback:item", feedback.pk)
    context = {"feedback": feedback, "form": form, "events": event_lines(feedback)}
    return render_page(request, "directory/feedback/item.html", context)
