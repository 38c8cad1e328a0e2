"""Allocating a case to a coordinator: SEN managers decide who works on which case."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from opensend.casework.forms import AllocateForm
from opensend.casework.selectors import caseworkers_for
from opensend.casework.services.requests import case_allocate
from opensend.casework.views.actions_common import action_case, case_form_page
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.today import today


@permission_required("casework.allocate_case")
@require_http_methods(["GET", "POST"])
def allocate(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "allocate a coordinator")
    form = AllocateForm(posted(request), case=case, today=today(),
                        caseworkers=caseworkers_for(case))
    return case_form_page(
        request, case=case, form=form, template="casework/action_allocate.html",
        success=lambda: f"Case allocated to {form.service_arguments()['caseworker'].full_name}",
        save=lambda: case_allocate(actor=request.user, case=case, today=form.today,
                                   expected_version=form.expected_version,
                                   **form.service_arguments()))
