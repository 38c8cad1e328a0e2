"""Complete records (issue 9): change the child's details, add or change a person with
parental responsibility, and record where the child is placed when the plan names no
setting with a URN. Each is reached from the case page and from the SEN2 validation
report's link for the failure it fixes."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from opensend.casework.forms.records import (
    ChildDetailsForm,
    FamilyMemberForm,
    PlanSettingCodeForm,
)
from opensend.casework.record_selectors import case_plan, child_needs, family_member_for
from opensend.casework.services.records import (
    child_details_record,
    family_member_record,
    names_identified_setting,
    plan_setting_code_record,
)
from opensend.casework.views.actions_common import action_case, case_form_page
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.today import today


@permission_required("casework.change_child_record")
@require_http_methods(["GET", "POST"])
def child_details(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "change the child's details")
    form = ChildDetailsForm(posted(request), case=case, today=today(), child=case.child,
                            needs=child_needs(case))
    return case_form_page(
        request, case=case, form=form, template="casework/action_child_details.html",
        success="The child's details were saved",
        save=lambda: child_details_record(actor=request.user, case=case, today=form.today,
                                          expected_version=form.expected_version,
                                          **form.service_arguments()))


@permission_required("casework.change_child_record")
@require_http_methods(["GET", "POST"])
def family_member(request: HttpRequest, case_id: int, member_id: int | None = None) -> HttpResponse:
    case = action_case(request, case_id, "a person with parental responsibility")
    member = None if member_id is None else family_member_for(case, member_id)
    form = FamilyMemberForm(posted(request), case=case, today=today(), member=member)
    return case_form_page(
        request, case=case, form=form, template="casework/action_family_member.html",
        success=lambda: f"{form.cleaned_data['name']}'s details were saved",
        save=lambda: family_member_record(actor=request.user, case=case, member=member,
                                          today=form.today, expected_version=form.expected_version,
                                          **form.service_arguments()),
        context={"member": member})


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def plan_setting_code(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "record the setting code")
    plan = case_plan(case)
    form = PlanSettingCodeForm(posted(request), case=case, today=today(),
                               initial={"setting_code": plan.setting_code if plan else ""})
    return case_form_page(
        request, case=case, form=form, template="casework/action_plan_setting_code.html",
        success="Where the child is placed was saved",
        save=lambda: plan_setting_code_record(actor=request.user, case=case,
                                              setting_code=form.cleaned_data["setting_code"],
                                              today=form.today,
                                              expected_version=form.expected_version),
        context={"plan": plan, "named": plan is not None and names_identified_setting(plan)})
