"""Actions from a request to the end of the assessment: record a request, the panel's
decisions and exceptions to the time limits (advice: actions_advice.py)."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from opensend.casework.forms import (
    ClockExceptionForm,
    EhcRequestForm,
    PanelDecisionForm,
)
from opensend.casework.forms.requests import casework_local_authority
from opensend.casework.models import Case
from opensend.casework.services.assessment import (
    clock_exception_record,
    panel_decision_record,
)
from opensend.casework.services.requests import ehc_request_record
from opensend.casework.views.actions_common import action_case, case_form_page
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.submissions import submit_once
from opensend.core.today import today
from opensend.people.services import child_create, family_member_add


@transaction.atomic
def _record_request(request: HttpRequest, form: EhcRequestForm) -> Case:
    child = form.found_child or child_create(
        actor=request.user, local_authority=form.local_authority, **form.child_fields())
    family_member = form.family_member_fields()
    if family_member is not None:
        family_member_add(actor=request.user, child=child, **family_member)
    return ehc_request_record(actor=request.user, child=child, today=form.today,
                              **form.request_fields())


@permission_required("casework.record_request")
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    local_authority = casework_local_authority(request.user)
    if local_authority is None:
        raise Http404
    form = EhcRequestForm(posted(request), user=request.user,
                          local_authority=local_authority, today=today())
    if request.method == "POST" and form.is_valid():
        path = submit_once(token=form.cleaned_data["submission"], user=request.user,
                           act=lambda: _case_path(_record_request(request, form)))
        messages.success(request, "Request for an EHC needs assessment recorded. "
                                  "The decision whether to assess is due within 6 weeks")
        return redirect(path)
    return render_page(request, "casework/action_request_new.html", {"form": form})


def _case_path(case: Case) -> str:
    return reverse("casework:case", args=[case.pk])


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def panel_decision(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "record a panel decision")
    form = PanelDecisionForm(posted(request), case=case, today=today())
    return case_form_page(
        request, case=case, form=form, success="Panel decision recorded",
        template="casework/action_panel_decision.html",
        save=lambda: panel_decision_record(
            actor=request.user, case=case, today=form.today,
            expected_version=form.expected_version, **form.service_arguments()))


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def clock_exception(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "record an exception")
    form = ClockExceptionForm(posted(request), case=case, today=today())
    return case_form_page(
        request, case=case, form=form, success="Exception to the time limits recorded",
        template="casework/action_exception.html",
        save=lambda: clock_exception_record(
            actor=request.user, case=case, today=form.today,
            expected_version=form.expected_version, **form.service_arguments()))
