"""The family's own actions (mounted at /family/ with namespace "contributions"):
ask for an EHC needs assessment, comment on a draft plan, ask for a meeting, name a
preferred school or college. Thin views: permission, selector, service, page."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from opensend.casework.models import Case
from opensend.casework.notifications import first_name
from opensend.casework.views.actions_common import action_case
from opensend.contributions import about_me, selectors
from opensend.contributions.forms import (
    ABOUT_ME_PARTS,
    AllAboutMeForm,
    DraftCommentsForm,
    FamilyRequestForm,
    MeetingRequestForm,
    PreferredSettingForm,
)
from opensend.contributions.presenters import decision_due, draft_sections
from opensend.contributions.services import (
    CommentPeriodClosed,
    draft_comments_add,
    family_request_make,
    meeting_request_make,
    preferred_setting_name,
)
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import upload_response
from opensend.people.models import UserKind


def _files(request: HttpRequest) -> Any:
    return request.FILES if request.method == "POST" else None


@permission_required("contributions.request_assessment")
@require_http_methods(["GET", "POST"])
def request_assessment(request: HttpRequest) -> HttpResponse:
    day = today()
    children = selectors.requestable_children(user=request.user, today=day, request=request)
    young_person = request.user.kind == UserKind.YOUNG_PERSON
    form = FamilyRequestForm(posted(request), _files(request), children=children,
                             settings_list=selectors.setting_choices(), young_person=young_person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = family_request_make(
            actor=request.user, child=form.chosen_child(), reasons=data["reasons"],
            needs=data["needs"], setting=data["setting"], setting_other=data["setting_other"],
            files=data["files"], today=day)
        return redirect("contributions:request_sent", case_id=case.pk)
    return render_page(request, "contributions/request.html", {
        "form": form, "children": children, "young_person": young_person})


@permission_required("contributions.request_assessment")
@require_GET
def request_sent(request: HttpRequest, case_id: int) -> HttpResponse:
    case = selectors.family_case(user=request.user, case_id=case_id, today=today(),
                                 why="request sent", request=request)
    return render_page(request, "contributions/request_sent.html", {
        "case": case, "first_name": first_name(case.child), "decision_due": decision_due(case)})


def _draft_case(request: HttpRequest, case_id: int, why: str) -> Case:
    return selectors.family_case(user=request.user, case_id=case_id, today=today(), why=why,
                                 request=request)


@permission_required("contributions.comment_on_draft")
@require_http_methods(["GET", "POST"])
def draft_plan(request: HttpRequest, case_id: int) -> HttpResponse:
    day = today()
    case = _draft_case(request, case_id, "comment on the draft plan")
    window = selectors.comment_window(case, day)
    form = DraftCommentsForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            added = draft_comments_add(actor=request.user, case=case,
                                       comments=form.comments(), today=day)
        except CommentPeriodClosed as closed:
            form.add_error(None, str(closed))
        else:
            messages.success(request, f"Thank you: {len(added)} comment"
                             f"{'' if len(added) == 1 else 's'} sent to the council")
            return redirect("contributions:draft_plan", case_id=case.pk)
    return render_page(request, "contributions/draft_plan.html", {
        "case": case, "form": form, "window": window,
        "sections": draft_sections(window.draft, selectors.draft_comments(window.draft)),
        "preferred": selectors.preferred_setting(case),
        "meetings": selectors.meeting_requests(case)})


@permission_required("contributions.comment_on_draft")
@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, case_id: int) -> HttpResponse:
    day = today()
    case = _draft_case(request, case_id, "ask for a meeting")
    form = MeetingRequestForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            meeting_request_make(actor=request.user, case=case,
                                 reasons=form.cleaned_data["reasons"], today=day)
        except CommentPeriodClosed as closed:
            form.add_error(None, str(closed))
        else:
            messages.success(request, "Your request for a meeting has been sent to the council")
            return redirect("contributions:draft_plan", case_id=case.pk)
    return render_page(request, "contributions/meeting.html", {
        "case": case, "form": form, "window": selectors.comment_window(case, day)})


@permission_required("contributions.comment_on_draft")
@require_http_methods(["GET", "POST"])
def preferred_setting(request: HttpRequest, case_id: int) -> HttpResponse:
    day = today()
    case = _draft_case(request, case_id, "name a preferred school or college")
    form = PreferredSettingForm(posted(request), settings_list=selectors.setting_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            chosen = preferred_setting_name(
                actor=request.user, case=case, organisation=data["organisation"],
                other_name=data["other_name"].strip(), reasons=data["reasons"], today=day)
        except CommentPeriodClosed as closed:
            form.add_error(None, str(closed))
        else:
            messages.success(request, f"You asked for {chosen.setting_name} to be named in "
                             "the plan")
            return redirect("contributions:draft_plan", case_id=case.pk)
    return render_page(request, "contributions/preferred_setting.html", {
        "case": case, "form": form, "window": selectors.comment_window(case, day)})


@permission_required("contributions.download_request_file")
@require_GET
def request_file(request: HttpRequest, family_file_id: int) -> HttpResponse:
    found = selectors.request_file_for(user=request.user, file_id=family_file_id,
                                       today=today(), request=request)
    return upload_response(found.upload)


@permission_required("contributions.edit_all_about_me")
@require_http_methods(["GET", "POST"])
def all_about_me(request: HttpRequest, child_id: int) -> HttpResponse:
    child = selectors.about_me_child(user=request.user, child_id=child_id, today=today(),
                                     request=request)
    latest = about_me.latest_about_me(child)
    initial = {name: getattr(latest, name) for name in ABOUT_ME_PARTS} if latest else None
    form = AllAboutMeForm(posted(request), _files(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = about_me.all_about_me_save(actor=request.user, child=child,
                                           words=form.words(), files=form.cleaned_data["files"])
        messages.success(request, f"Saved. This is version {saved.number}: every earlier "
                         "version is kept")
        return redirect("contributions:all_about_me", child_id=child.pk)
    return render_page(request, "contributions/all_about_me.html", {
        "child": child, "form": form, "latest": latest,
        "removable": {f.pk for f in latest.files.all() if about_me.removable(f, request.user)}
        if latest else set(),
        "own": child.young_person_user_id == request.user.pk,
        "first_name": child.preferred_name or child.legal_forename})


@permission_required("contributions.download_all_about_me_file")
@require_GET
def all_about_me_file(request: HttpRequest, about_me_file_id: int) -> HttpResponse:
    found = selectors.about_me_file_for(user=request.user, file_id=about_me_file_id,
                                        today=today(), request=request)
    return upload_response(found.upload)


@permission_required("contributions.edit_all_about_me")
@require_POST
def all_about_me_file_remove(request: HttpRequest, about_me_file_id: int) -> HttpResponse:
    linked = selectors.about_me_file_to_remove(user=request.user, file_id=about_me_file_id,
                                               today=today(), request=request)
    child_id, name = linked.version.child_id, linked.upload.original_name
    about_me.all_about_me_file_remove(actor=request.user, linked=linked)
    messages.success(request, f"{name} was removed")
    return redirect("contributions:all_about_me", child_id=child_id)


@permission_required("contributions.use_all_about_me")
@require_POST
def all_about_me_use(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "use All about me in the plan")
    used = about_me.all_about_me_use(actor=request.user, case=case, today=today())
    if used is None:
        messages.warning(request, "The family has not written All about me yet")
    else:
        messages.success(request, f"Section A now holds All about me, version "
                         f"{used.all_about_me.number}")
    return redirect("casework:plan_section", case_id=case.pk, section="a")
