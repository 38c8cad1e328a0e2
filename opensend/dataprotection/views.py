"""The data protection pages: the list of requests, logging one from a child's record,
extending it, exporting what is held and recording the answer (UK GDPR Art. 12, 15, 17)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from opensend.casework.selectors import child_get, children_search
from opensend.core.audit import audit_list
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.dataprotection import forms as f
from opensend.dataprotection.models import ErasureRequest, SubjectAccessRequest
from opensend.dataprotection.selectors import (
    answered_requests,
    family_of,
    open_requests,
    request_get,
)
from opensend.dataprotection.services import (
    RequestRefused,
    erasure_decide,
    erasure_record,
    request_extend,
    subject_access_complete,
    subject_access_export,
    subject_access_exports,
    subject_access_record,
)

HANDLE = "dataprotection.handle_requests"
SEARCH_MAX_LENGTH = 100



@permission_required(HANDLE)
@require_GET
def requests(request: HttpRequest) -> HttpResponse:
    day, user = today(), request.user
    words = request.GET.get("q", "")[:SEARCH_MAX_LENGTH].replace("\x00", "").strip()
    lists = {
        "open_access": open_requests(SubjectAccessRequest, user, day),
        "answered_access": answered_requests(SubjectAccessRequest, user, day),
        "open_erasure": open_requests(ErasureRequest, user, day),
        "answered_erasure": answered_requests(ErasureRequest, user, day),
    }
    shown = [r.child_id for found in lists.values() for r in found]
    audit_list(actor=user, child_ids=shown, why="data protection requests", request=request)
    children = children_search(user=user, today=day, text=words, request=request) if words else []
    return render_page(request, "dataprotection/requests.html",
                       {**lists, "children": children, "q": words, "today": day})


def _new_request(request: HttpRequest, child_id: int, *, form_class: type[f.RightsRequestForm],
                 record: Callable[..., Any], kind: str, detail_route: str) -> HttpResponse:
    day = today()
    child = child_get(user=request.user, child_id=child_id, today=day,
                      why=f"log a {kind} request", request=request)
    form = form_class(posted(request), child=child, family=family_of(child), today=day)
    if request.method == "POST" and form.is_valid():
        found = record(actor=request.user, request=request, **form.service_arguments())
        messages.success(request, f"The {kind} request was logged: answer due "
                                  f"{found.due_on:%-d %B %Y}")
        return redirect(detail_route, found.pk)
    return render_page(request, "dataprotection/request_new.html",
                       {"form": form, "child": child, "kind": kind})


@permission_required(HANDLE)
@require_http_methods(["GET", "POST"])
def access_new(request: HttpRequest, child_id: int) -> HttpResponse:
    return _new_request(request, child_id, form_class=f.RightsRequestForm,
                        record=subject_access_record, kind="subject access",
                        detail_route="dataprotection:access")


@permission_required(HANDLE)
@require_http_methods(["GET", "POST"])
def erasure_new(request: HttpRequest, child_id: int) -> HttpResponse:
    return _new_request(request, child_id, form_class=f.ErasureRequestForm,
                        record=erasure_record, kind="erasure",
                        detail_route="dataprotection:erasure")


def _sar(request: HttpRequest, sar_id: int, why: str) -> SubjectAccessRequest:
    return request_get(SubjectAccessRequest, user=request.user, request_id=sar_id,
                       today=today(), why=why, request=request)


def _erasure(request: HttpRequest, erasure_id: int, why: str) -> ErasureRequest:
    return request_get(ErasureRequest, user=request.user, request_id=erasure_id,
                       today=today(), why=why, request=request)


@permission_required(HANDLE)
@require_GET
def access(request: HttpRequest, sar_id: int) -> HttpResponse:
    sar = _sar(request, sar_id, "a subject access request")
    return render_page(request, "dataprotection/access.html",
                       {"sar": sar, "exports": subject_access_exports(sar), "today": today()})


@permission_required(HANDLE)
@require_GET
def access_export(request: HttpRequest, sar_id: int) -> FileResponse:
    sar = _sar(request, sar_id, "subject access export")
    export = subject_access_export(actor=request.user, sar=sar, now=timezone.now(),
                                   request=request)
    return FileResponse(export.contents, as_attachment=True, filename=export.filename,
                        content_type="application/zip")


def _form_page(request: HttpRequest, *, form: Any, save: Callable[[], object], success: str,
               back: HttpResponse, template: str, context: dict[str, Any]) -> HttpResponse:
    """Show the form; on a valid POST save it, or show why the request refuses it."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except RequestRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, success)
            return back
    return render_page(request, template, {"form": form, **context})


def _extend_page(request: HttpRequest, rights_request: Any, back_url: str) -> HttpResponse:
    """Extending either kind of request by two months (Art. 12(3)): one form, one page."""
    form = f.ExtendForm(posted(request))
    return _form_page(
        request, form=form, success="The time to answer was extended",
        save=lambda: request_extend(actor=request.user, rights_request=rights_request,
                                    today=today(), reason=form.cleaned_data["extension_reason"],
                                    request=request),
        back=redirect(back_url, rights_request.pk), template="dataprotection/extend.html",
        context={"rights_request": rights_request, "back_url": back_url})


@permission_required(HANDLE)
@require_http_methods(["GET", "POST"])
def access_extend(request: HttpRequest, sar_id: int) -> HttpResponse:
    sar = _sar(request, sar_id, "extend a subject access request")
    return _extend_page(request, sar, "dataprotection:access")


@permission_required(HANDLE)
@require_http_methods(["GET", "POST"])
def access_answered(request: HttpRequest, sar_id: int) -> HttpResponse:
    sar = _sar(request, sar_id, "answer a subject access request")
    form = f.AnsweredForm(posted(request), today=today())
    return _form_page(
        request, form=form, success="The answer was recorded",
        save=lambda: subject_access_complete(
            actor=request.user, sar=sar, completed_on=form.cleaned_data["completed_on"],
            note=form.cleaned_data["completion_note"], request=request),
        back=redirect("dataprotection:access", sar.pk), template="dataprotection/answered.html",
        context={"sar": sar})


@permission_required(HANDLE)
@require_GET
def erasure(request: HttpRequest, erasure_id: int) -> HttpResponse:
    found = _erasure(request, erasure_id, "an erasure request")
    return render_page(request, "dataprotection/erasure.html",
                       {"erasure": found, "today": today()})


@permission_required(HANDLE)
@require_http_methods(["GET", "POST"])
def erasure_extend(request: HttpRequest, erasure_id: int) -> HttpResponse:
    found = _erasure(request, erasure_id, "extend an erasure request")
    return _extend_page(request, found, "dataprotection:erasure")


@permission_required(HANDLE)
@require_http_methods(["GET", "POST"])
def erasure_outcome(request: HttpRequest, erasure_id: int) -> HttpResponse:
    found = _erasure(request, erasure_id, "record the outcome of an erasure request")
    form = f.OutcomeForm(posted(request), today=today())
    return _form_page(
        request, form=form, success="The outcome was recorded",
        save=lambda: erasure_decide(
            actor=request.user, erasure=found, request=request,
            **{name: form.cleaned_data[name] for name in ("outcome", "kept_because",
                                                          "decided_on")},
            reason=form.cleaned_data["outcome_reason"]),
        back=redirect("dataprotection:erasure", found.pk),
        template="dataprotection/erasure_outcome.html", context={"erasure": found})
