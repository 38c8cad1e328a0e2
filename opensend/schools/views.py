"""The SENCO's pages (mounted at /school/): the pupils on roll with plans, and the
annual review the school runs (Reg 20). Thin: permission, selector, service, render."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from opensend.casework.services.common import OrderRefused
from opensend.core.audit import audit
from opensend.core.forms import posted
from opensend.core.models import AuditAction
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import UploadRefused, upload_response, upload_servable
from opensend.schools import forms, presenters, selectors, services
from opensend.schools import requests as school_requests
from opensend.schools.models import SchoolReview


def _review(request: HttpRequest, review_id: int, why: str) -> SchoolReview:
    return selectors.school_review_get(user=request.user, review_id=review_id, today=today(),
                                       why=why, request=request)


def _form_page(request: HttpRequest, *, form: Any, template: str, context: dict[str, Any],
               save: Callable[[], object], done: Callable[[], HttpResponse],
               success: str) -> HttpResponse:
    if form.is_bound and form.is_valid():
        try:
            save()
        except (services.ReviewRefused, OrderRefused, UploadRefused) as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, success)
            return done()
    return render_page(request, template, {"form": form, **context})


def _to_review(review: SchoolReview) -> Callable[[], HttpResponse]:
    return lambda: redirect("schools:review", review.pk)


@permission_required("schools.view_pupils")
@require_GET
def pupils(request: HttpRequest) -> HttpResponse:
    rows = selectors.school_pupils(user=request.user, today=today(), request=request)
    return render_page(request, "schools/pupils.html",
                       {"rows": rows, "status": presenters.review_status})


@permission_required("schools.run_review")
@require_http_methods(["GET", "POST"])
def review_start(request: HttpRequest, case_id: int) -> HttpResponse:
    day = today()
    case = selectors.pupil_case_get(user=request.user, case_id=case_id, today=day,
                                    why="start annual review", request=request)
    form = forms.ReviewStartForm(posted(request), today=day)
    started: list[SchoolReview] = []

    def save() -> None:
        data = form.cleaned_data
        invitees = services.review_invitees(actor=request.user, case=case,
                                            health=data["health"],
                                            social_care=data["social_care"], today=day)
        started.append(services.school_review_start(
            actor=request.user, case=case, setting=selectors.pupil_setting(request.user, case,
                                                                           day),
            meeting_on=data["meeting_on"], invitees=invitees, today=day))

    return _form_page(request, form=form, template="schools/review_start.html",
                      context={"case": case}, save=save,
                      done=lambda: redirect("schools:review", started[0].pk),
                      success="Annual review started and invitations sent")


@permission_required("schools.run_review")
@require_GET
def review(request: HttpRequest, school_review_id: int) -> HttpResponse:
    found = _review(request, school_review_id, "annual review page")
    return render_page(request, "schools/review.html",
                       {"review": found, "page": presenters.review_page(found),
                        "case": found.case})


@permission_required("schools.run_review")
@require_http_methods(["GET", "POST"])
def review_views(request: HttpRequest, school_review_id: int) -> HttpResponse:
    found = _review(request, school_review_id, "record views for annual review")
    form = forms.ContributionForm(posted(request), request.FILES or None, today=today())
    return _form_page(
        request, form=form, template="schools/review_views.html",
        context={"review": found, "case": found.case}, done=_to_review(found),
        success="Views and advice recorded",
        save=lambda: services.review_contribution_record(
            actor=request.user, review=found, **form.cleaned_data))


@permission_required("schools.run_review")
@require_http_methods(["GET", "POST"])
def review_circulate(request: HttpRequest, school_review_id: int) -> HttpResponse:
    found = _review(request, school_review_id, "circulate views for annual review")
    form = forms.CirculateForm(posted(request), today=today())
    return _form_page(
        request, form=form, template="schools/review_circulate.html",
        context={"review": found, "case": found.case, "page": presenters.review_page(found),
                 "waiting": found.contributions.filter(circulated_on__isnull=True)},
        done=_to_review(found), success="Circulation recorded",
        save=lambda: services.review_circulate(
            actor=request.user, review=found, circulated_on=form.cleaned_data["circulated_on"]))


@permission_required("schools.run_review")
@require_http_methods(["GET", "POST"])
def review_meeting(request: HttpRequest, school_review_id: int) -> HttpResponse:
    day = today()
    found = _review(request, school_review_id, "record annual review meeting")
    form = forms.MeetingForm(posted(request), today=day)
    return _form_page(
        request, form=form, template="schools/review_meeting.html",
        context={"review": found, "case": found.case, "page": presenters.review_page(found)},
        done=_to_review(found), success="Meeting recorded. Send the report within 2 weeks",
        save=lambda: services.review_meeting_hold(
            actor=request.user, review=found, today=day, **form.cleaned_data))


@permission_required("schools.run_review")
@require_http_methods(["GET", "POST"])
def review_report(request: HttpRequest, school_review_id: int) -> HttpResponse:
    day = today()
    found = _review(request, school_review_id, "send annual review report")
    form = forms.ReportForm(posted(request))
    return _form_page(
        request, form=form, template="schools/review_report.html",
        context={"review": found, "case": found.case, "page": presenters.review_page(found)},
        done=_to_review(found), success="Report sent to the council",
        save=lambda: services.review_report_submit(
            actor=request.user, review=found, report=form.cleaned_data["report"], today=day))


@permission_required("schools.run_review")
@require_GET
def contribution_file(request: HttpRequest, contribution_file_id: int) -> HttpResponse:
    found = selectors.contribution_file_get(user=request.user, file_id=contribution_file_id,
                                            today=today(), request=request)
    case = found.contribution.review.case
    servable = upload_servable(found.upload, request.user)
    audit(actor=request.user, action=AuditAction.DOWNLOAD if servable else AuditAction.DENIED,
          obj=found.upload, child_id=case.child_id, why="annual review file",
          request=request)
    if not servable:
        return render_page(request, "schools/file_held.html", {"case": case}, status=404)
    return upload_response(found.upload)


@permission_required("schools.make_request")
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    day = today()
    pupils = selectors.pupils_without_request(request.user, day)
    form = forms.SchoolRequestForm(posted(request), request.FILES or None, pupils=pupils,
                                   today=day)
    made: list[Any] = []

    def save() -> None:
        data = form.cleaned_data
        child = selectors.pupil_get(user=request.user, child_id=data["pupil"], today=day,
                                    request=request)
        made.append(school_requests.school_request_make(
            actor=request.user, child=child,
            setting=selectors.pupil_enrolment_setting(request.user, child, day),
            cycles=[school_requests.Cycle(**cycle) for cycle in form.cycles()],
            child_views=data["child_views"], family_views=data["family_views"],
            files=data["files"], today=day))

    return _form_page(request, form=form, template="schools/request_new.html",
                      context={"pupils": pupils}, save=save,
                      done=lambda: redirect("schools:pupils"),
                      success="Request sent to the council. It must decide whether to "
                              "assess within 6 weeks")
