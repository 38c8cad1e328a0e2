"""After the plan: annual reviews and their decisions, ceasing the plan, and disputes."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from opensend.casework.forms import (
    CeaseForm,
    DisputeConcludeForm,
    DisputeForm,
    ReviewDecisionForm,
    ReviewMeetingForm,
)
from opensend.casework.models import DisputeKind
from opensend.casework.selectors import dispute_for
from opensend.casework.services.disputes import dispute_conclude, dispute_record
from opensend.casework.services.reviews import (
    plan_cease,
    review_decision_record,
    review_meeting_record,
)
from opensend.casework.views.actions_common import action_case, annual_review_get, case_form_page
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.today import today


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def review_meeting(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "record a review meeting")
    form = ReviewMeetingForm(posted(request), case=case, today=today())
    return case_form_page(
        request, case=case, form=form, template="casework/action_review_meeting.html",
        success="Review meeting recorded. The local authority's decision is due within 4 weeks",
        save=lambda: review_meeting_record(actor=request.user, case=case, today=form.today,
                                           expected_version=form.expected_version,
                                           **form.service_arguments()))


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def review_decision(request: HttpRequest, review_id: int) -> HttpResponse:
    review = annual_review_get(request, review_id, "record a review decision")
    form = ReviewDecisionForm(posted(request), case=review.case, review=review,
                              today=today())
    return case_form_page(
        request, case=review.case, form=form, template="casework/action_review_decision.html",
        context={"review": review}, success="Review decision recorded",
        save=lambda: review_decision_record(actor=request.user, review=review, today=form.today,
                                            expected_version=form.expected_version,
                                            **form.service_arguments()))


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def cease(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "cease the plan")
    form = CeaseForm(posted(request), case=case, today=today())
    return case_form_page(
        request, case=case, form=form, template="casework/action_cease.html",
        success="The plan has been ceased",
        save=lambda: plan_cease(actor=request.user, case=case, today=form.today,
                                expected_version=form.expected_version,
                                **form.service_arguments()))


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def dispute(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "record mediation or an appeal")
    form = DisputeForm(posted(request), case=case, today=today())
    return case_form_page(
        request, case=case, form=form, template="casework/action_dispute.html",
        success=lambda: f"{DisputeKind(form.cleaned_data['kind']).label} recorded",
        save=lambda: dispute_record(actor=request.user, case=case, today=form.today,
                                    expected_version=form.expected_version,
                                    **form.service_arguments()))


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def dispute_outcome(request: HttpRequest, dispute_id: int) -> HttpResponse:
    dispute = dispute_for(user=request.user, dispute_id=dispute_id, today=today(),
                          why="record how mediation or an appeal ended", request=request)
    form = DisputeConcludeForm(posted(request), dispute=dispute, today=today())
    return case_form_page(
        request, case=dispute.case, form=form, template="casework/action_dispute_outcome.html",
        context={"dispute": dispute},
        success=lambda: f"{DisputeKind(dispute.kind).label}: outcome recorded",
        save=lambda: dispute_conclude(actor=request.user, dispute=dispute, today=form.today,
                                      expected_version=form.expected_version,
                                      **form.service_arguments()))
