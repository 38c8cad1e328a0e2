"""Corrections of events recorded in error, and the family's written agreement to end a
comment period early: both change what the clock, the stage, the queue and the measures
read, so both go through the order of statutory steps."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from opensend.casework.forms.corrections import CommentPeriodEndedEarlyForm, EventCorrectionForm
from opensend.casework.presenters.history import describe_event
from opensend.casework.selectors import case_event_for
from opensend.casework.services.comment_period import comment_period_end_early
from opensend.casework.services.corrections import case_event_correct, case_event_withdraw
from opensend.casework.views.actions_common import action_case, case_form_page
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.today import today


@permission_required("casework.correct_event")
@require_http_methods(["GET", "POST"])
def event_correct(request: HttpRequest, case_id: int, event_id: int) -> HttpResponse:
    event = case_event_for(
        user=request.user,
        case_id=case_id,
        event_id=event_id,
        today=today(),
        why="correct an event recorded in error",
        request=request,
    )
    case = event.case
    form = EventCorrectionForm(posted(request), case=case, event=event, today=today())

    def save() -> object:
        arguments = {
            "actor": request.user,
            "case": case,
            "event": event,
            "today": form.today,
            "expected_version": form.expected_version,
            "reason": form.cleaned_data["reason"],
        }
        if form.withdraws:
            return case_event_withdraw(**arguments)
        return case_event_correct(corrected=form.corrected(), **arguments)

    return case_form_page(
        request,
        case=case,
        form=form,
        save=save,
        success=lambda: "Withdrawal recorded" if form.withdraws else "Correction recorded",
        template="casework/action_event_correct.html",
        context={"event": event, "event_text": describe_event(event, case)},
    )


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def comment_period_end_early_view(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "record agreement to end the comment period early")
    form = CommentPeriodEndedEarlyForm(posted(request), case=case, today=today())
    return case_form_page(
        request,
        case=case,
        form=form,
        success="The family\u2019s agreement to end the comment period early is recorded",
        template="casework/action_comment_period.html",
        save=lambda: comment_period_end_early(
            actor=request.user,
            case=case,
            today=form.today,
            expected_version=form.expected_version,
            **form.service_arguments(),
        ),
    )
