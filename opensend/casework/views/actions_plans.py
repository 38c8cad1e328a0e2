"""The plan: edit the working version, issue it, and download any version as PDF or Word."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_http_methods

from opensend.casework import documents
from opensend.casework.clock import clock_event
from opensend.casework.forms import PlanForm, PlanIssueForm
from opensend.casework.forms.plans import plan_state, vague_wording_summary
from opensend.casework.models import CLOCK_EVENT_KINDS, Case, VersionKind
from opensend.casework.plan_sections import SECTION_BY_CODE
from opensend.casework.selectors import case_timeline
from opensend.casework.services.plans import _ISSUE_EVENT, plan_version_issue, plan_version_save
from opensend.casework.views.actions_common import (
    action_case,
    case_form_page,
    posted,
)
from opensend.core.formatting import govuk_date
from opensend.core.permissions import permission_required
from opensend.core.today import today
from opensend.statutory.clock import ClockError, ClockEvent, ClockResult, compute_clock

# What the clock says after issuing each kind: (step, label) rows to show.
_PREVIEW_STEPS = {
    VersionKind.DRAFT: [
        ("draft_comments_close", "Family's comments close (Reg 13(1))"),
        ("week20", "Final plan due: 20 weeks from the request (Reg 13(2))"),
    ],
    VersionKind.FINAL: [("week20", "Final plan due: 20 weeks from the request (Reg 13(2))")],
    VersionKind.PROPOSED_AMENDMENT: [("amended_plan", "Final amended plan due (Reg 22(3))")],
    VersionKind.AMENDED_FINAL: [("review_due", "Next annual review due (CFA s44(1))")],
}


def _saved_message(sections: dict[str, object]) -> str:
    phrases = vague_wording_summary(sections)
    if not phrases:
        return "Plan saved"
    quoted = ", ".join(f"\u2018{phrase}\u2019" for phrase in phrases)
    return (
        f"Plan saved. Section F uses wording that may not be specific enough: {quoted}. "
        "Check each provision says exactly what, how much and how often"
    )


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "edit the plan")
    state = plan_state(case)
    form = PlanForm(posted(request), case=case, today=today(), state=state)
    return case_form_page(
        request,
        case=case,
        form=form,
        template="casework/action_plan_edit.html",
        context={"state": state, "section_titles": SECTION_BY_CODE},
        success=lambda: _saved_message(form.sections()),
        save=lambda: plan_version_save(
            actor=request.user,
            case=case,
            today=form.today,
            expected_version=form.expected_version,
            **form.service_arguments(),
        ),
    )


def issue_preview(case: Case, kind: str, day: dt.date) -> list[dict[str, dict[str, str]]]:
    """What the statutory clock would say if the version were issued on `day`, as rows
    of a GOV.UK summary list."""
    events = [clock_event(e) for e in case_timeline(case)["events"] if e.kind in CLOCK_EVENT_KINDS]
    issued = ClockEvent(event=_ISSUE_EVENT[VersionKind(kind)].value, date=day)
    try:
        result = compute_clock([*events, issued], today=day, date_of_birth=case.child.date_of_birth)
    except ClockError:
        return []
    rows = [_row(label, due) for label, due in _preview_dates(result, kind)]
    if kind == VersionKind.FINAL and result.week20.within_20_weeks is not None:
        within = "Yes" if result.week20.within_20_weeks else "No"
        if result.week20.exception_applies:
            within += " (an exception applies)"
        rows.append({"key": {"text": "Issued within 20 weeks"}, "value": {"text": within}})
    return rows


def _row(label: str, day: dt.date) -> dict[str, dict[str, str]]:
    return {"key": {"text": label}, "value": {"text": govuk_date(day)}}


def _preview_dates(result: ClockResult, kind: str) -> list[tuple[str, dt.date]]:
    found = []
    for step_name, label in _PREVIEW_STEPS[VersionKind(kind)]:
        if step_name == "week20":
            due = result.week20.due
        else:
            due = next((s.due for s in reversed(result.steps) if s.step == step_name), None)
        if due is not None:
            found.append((label, due))
    return found


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def plan_issue(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "issue the plan")
    working = plan_state(case).working
    form = PlanIssueForm(posted(request), case=case, today=today(), working=working)
    preview = issue_preview(case, working.kind, form.today) if working else []
    label = working.get_kind_display().lower() if working else "plan"
    return case_form_page(
        request,
        case=case,
        form=form,
        template="casework/action_plan_issue.html",
        context={"working": working, "preview": preview},
        success=f"The {label} has been issued",
        save=lambda: plan_version_issue(
            actor=request.user,
            case=case,
            today=form.today,
            expected_version=form.expected_version,
            issued_on=form.cleaned_data["issued_on"],
        ),
    )


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required("casework.download_plan")
@require_GET
def plan_pdf(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = action_case(request, case_id, "download the plan")
    version = documents.plan_version_for_download(
        user=request.user, case=case, number=number, file_format="pdf", request=request
    )
    return _attachment(
        documents.plan_pdf(version), "application/pdf", documents.plan_filename(version, "pdf")
    )


@permission_required("casework.download_plan")
@require_GET
def plan_docx(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = action_case(request, case_id, "download the plan")
    version = documents.plan_version_for_download(
        user=request.user, case=case, number=number, file_format="docx", request=request
    )
    return _attachment(
        documents.plan_docx(version),
        documents.DOCX_CONTENT_TYPE,
        documents.plan_filename(version, "docx"),
    )
