"""Issuing the plan (check your answers, then issue as draft, final...), and downloading
what was issued: the stored files, byte for byte, or a working copy rendered now."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_http_methods

from opensend.casework import documents, issued_files
from opensend.casework.clock import clock_event, clock_history
from opensend.casework.forms import PlanIssueForm
from opensend.casework.forms.plans import issue_kinds, plan_state
from opensend.casework.models import CLOCK_EVENT_KINDS, Case, IssuedDocument, VersionKind
from opensend.casework.presenters.consent import consent_missing_page
from opensend.casework.presenters.plan import ISSUE_BUTTON, plan_answers, plan_overview
from opensend.casework.selectors import case_get, case_timeline
from opensend.casework.services.common import refusal_message
from opensend.casework.services.plans import _ISSUE_EVENT, plan_version_issue
from opensend.casework.views.actions_common import action_case, case_form_page
from opensend.core.formatting import govuk_date
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.statutory.clock import ClockError, ClockEvent, ClockResult, compute_clock
from opensend.statutory.order import check_next

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


def issue_refusal(case: Case, kind: str, day: dt.date) -> str:
    """Why the order of statutory steps would refuse issuing the version as `kind` on
    `day` (opensend.statutory.order), or "" when it may be issued."""
    issued = ClockEvent(event=_ISSUE_EVENT[VersionKind(kind)].value, date=day)
    refusal = check_next(clock_history(case.events.all()), issued)
    if refusal is None:
        return ""
    return refusal_message(refusal, f"issuing the {VersionKind(kind).label.lower()}")


def issue_preview(case: Case, kind: str, day: dt.date) -> list[dict[str, dict[str, str]]]:
    """What the statutory clock would say if the version were issued on `day`, as rows
    of a GOV.UK summary list; none when the order of steps refuses it then (a refused
    step is not "issued within 20 weeks")."""
    if issue_refusal(case, kind, day):
        return []
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


def _kind_asked(request: HttpRequest, kinds: list[str]) -> str:
    """The kind the button asked for, if the version may be issued as that now."""
    asked = request.POST.get("kind") if request.method == "POST" else request.GET.get("as")
    return asked if asked in kinds else kinds[0]


@permission_required("casework.change_case")
@require_http_methods(["GET", "POST"])
def plan_issue(request: HttpRequest, case_id: int) -> HttpResponse:
    """Check your answers, then issue the working version as the kind asked for."""
    case = action_case(request, case_id, "issue the plan")
    state = plan_state(case)
    kinds = issue_kinds(state)
    kind = _kind_asked(request, kinds)
    working = state.working
    form = PlanIssueForm(posted(request), case=case, today=today(), working=working,
                         kinds=kinds, initial={"kind": kind})
    label = VersionKind(kind).label.lower()
    return case_form_page(
        request, case=case, form=form, template="casework/action_plan_issue.html",
        context={"working": working, "kind": kind, "kind_label": label,
                 "button": ISSUE_BUTTON[VersionKind(kind)],
                 "answers": plan_answers(case, working.sections, kind) if working else [],
                 "found": plan_overview(case, state).found,
                 "preview": issue_preview(case, kind, form.today) if working else [],
                 "refusal": issue_refusal(case, kind, form.today) if working else ""},
        success=f"The {label} has been issued",
        save=lambda: plan_version_issue(
            actor=request.user, case=case, today=form.today,
            expected_version=form.expected_version,
            issued_on=form.cleaned_data["issued_on"], kind=form.cleaned_data["kind"],
            provision=form.provision()),
    )


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _download_case(request: HttpRequest, case_id: int, why: str) -> Case:
    """The case, without a "read" row: the download writes the one row for what was done
    (issue 13, finding 7: a plan download wrote a "read" and a "download" row)."""
    return case_get(user=request.user, case_id=case_id, today=today(), why=why,
                    request=request, read_audited=False)


def _plan_download(request: HttpRequest, case_id: int, number: int, file_format: str
                   ) -> HttpResponse:
    case = _download_case(request, case_id, "download the plan")
    try:
        version = documents.plan_version_for_download(
            user=request.user, case=case, number=number, file_format=file_format,
            request=request)
    except documents.ConsentMissing:
        # Reg 17: the refusal is audited; the page says what is missing and who records it.
        page = consent_missing_page(case, number, request.user)
        return render_page(request, "casework/consent_missing.html",
                           {"case": case, "page": page}, status=403)
    content = issued_files.plan_version_bytes(version, file_format)
    return _attachment(content, issued_files.CONTENT_TYPES[file_format],
                       documents.plan_filename(version, file_format))


@permission_required("casework.download_plan")
@require_GET
def plan_pdf(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    return _plan_download(request, case_id, number, "pdf")


@permission_required("casework.download_plan")
@require_GET
def plan_docx(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    return _plan_download(request, case_id, number, "docx")


def _document_download(request: HttpRequest, case_id: int, document_id: int,
                       file_format: str) -> HttpResponse:
    case = _download_case(request, case_id, "download a document sent")
    document: IssuedDocument = issued_files.issued_document_for_download(
        user=request.user, case=case, document_id=document_id, file_format=file_format,
        request=request)
    return _attachment(issued_files.stored_bytes(document, file_format),
                       issued_files.CONTENT_TYPES[file_format],
                       issued_files.document_filename(document, file_format))


@permission_required("casework.download_plan")
@require_GET
def issued_document_pdf(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    return _document_download(request, case_id, document_id, "pdf")


@permission_required("casework.download_plan")
@require_GET
def issued_document_docx(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    return _document_download(request, case_id, document_id, "docx")

