"""Advice (Reg 6-8): ask several advisers at once, record the advice received, chase,
pull the advice into the plan, and download the files sent or received."""

from django.apps import apps
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from opensend.casework.forms import (
    AdviceChaseForm,
    AdvicePullForm,
    AdviceReceivedForm,
    AdviceRequestForm,
)
from opensend.casework.models import AdviceRequest
from opensend.casework.plan_sections import SECTION_BY_CODE
from opensend.casework.selectors import advice_file_for
from opensend.casework.services.advice import (
    advice_chase,
    advice_receive,
    advice_requests_send,
    plan_advice_pull,
)
from opensend.casework.services.common import ConflictError
from opensend.casework.views.actions_common import (
    action_case,
    advice_request_get,
    back_to_case,
    case_form_page,
)
from opensend.core.formatting import govuk_date
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.today import today
from opensend.core.uploads import upload_response

# A chase sends the adviser's organisation a reminder (opensend.core.notifications).
CHASE_SENDS_REMINDER = "A reminder is being emailed to the adviser's team"


def _posted_files(request: HttpRequest) -> object:
    return request.FILES if request.method == "POST" else None


def _asked_message(asked: list[AdviceRequest]) -> str:
    names = ", ".join(advice.organisation.name for advice in asked)
    return (f"Advice requested from {names}: due by {govuk_date(asked[0].due_on)} "
            "(6 weeks). Advisers who sign in to OpenSEND see the message and files on the case")


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def advice_request(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "request advice")
    form = AdviceRequestForm(posted(request), files=_posted_files(request), case=case,
                             today=today())
    asked: list[AdviceRequest] = []
    return case_form_page(
        request, case=case, form=form, success=lambda: _asked_message(asked),
        template="casework/action_advice_request.html",
        save=lambda: asked.extend(advice_requests_send(
            actor=request.user, case=case, today=form.today,
            expected_version=form.expected_version, **form.service_arguments())))


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def advice_received(request: HttpRequest, advice_id: int) -> HttpResponse:
    advice = advice_request_get(request, advice_id, "record advice received")
    form = AdviceReceivedForm(posted(request), files=_posted_files(request), advice=advice,
                              today=today())
    return case_form_page(
        request, case=advice.case, form=form, success="Advice received recorded",
        template="casework/action_advice_received.html", context={"advice": advice},
        save=lambda: advice_receive(actor=request.user, advice=advice, today=form.today,
                                    expected_version=form.expected_version,
                                    **form.service_arguments()))


@permission_required("casework.change_case")
@require_POST
def advice_chase_view(request: HttpRequest, advice_id: int) -> HttpResponse:
    advice = advice_request_get(request, advice_id, "chase advice")
    form = AdviceChaseForm(request.POST, case=advice.case, today=today())
    if advice.received_on is not None:  # nothing to chase
        return redirect("casework:case", advice.case_id)
    if not form.is_valid():
        messages.error(request, "The chase was not recorded: " + form.errors["version"][0])
        return redirect("casework:case", advice.case_id)
    try:
        advice_chase(actor=request.user, advice=advice, today=form.today,
                     expected_version=form.expected_version)
    except ConflictError as error:
        messages.error(request, f"The chase was not recorded. {error}")
        return redirect("casework:case", advice.case_id)
    return back_to_case(request, advice.case,
                        f"Chase of {advice.organisation.name} recorded. {CHASE_SENDS_REMINDER}.")


def _structured_advice(advice: AdviceRequest) -> bool:
    """Whether the adviser sent structured advice (opensend/advice, a layer above
    casework: its model is looked up lazily, as people/rules.py looks up casework's)."""
    submission = apps.get_model("advice", "AdviceSubmission")
    return bool(submission.objects.filter(advice_request=advice, answer="advice").exists())


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def advice_pull(request: HttpRequest, advice_id: int) -> HttpResponse:
    advice = advice_request_get(request, advice_id, "add advice to the plan")
    if _structured_advice(advice):  # the adviser's own sections, not the free text
        return redirect("advice:plan_pull", advice.pk)
    form = AdvicePullForm(posted(request), advice=advice, today=today())
    return case_form_page(
        request, case=advice.case, form=form, template="casework/action_advice_pull.html",
        context={"advice": advice},
        success=lambda: (f"The advice was added to section {form.cleaned_data['section']}: "
                         f"{SECTION_BY_CODE[form.cleaned_data['section']].title}"),
        save=lambda: plan_advice_pull(actor=request.user, advice=advice, today=form.today,
                                      expected_version=form.expected_version,
                                      section=form.cleaned_data["section"]))


@permission_required("casework.download_advice_file")
@require_GET
def advice_file(request: HttpRequest, file_id: int) -> HttpResponse:
    found = advice_file_for(user=request.user, file_id=file_id, today=today(), request=request)
    return upload_response(found.upload)
