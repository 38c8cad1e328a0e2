"""Consulting a setting on a draft plan (CFA 2014 s39(2), s40): the caseworker's consult
screen, and the consulted SENCO's list, page, answer and downloads (ADR 0030).

The SENCO's pages are a 404 as soon as the family's consent to share with the setting is
withdrawn (casework/sharing_selectors.py reads it on every request)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from opensend.casework import issued_files
from opensend.casework.forms.sharing import ConsultationAnswerForm, ConsultForm
from opensend.casework.models import Case
from opensend.casework.presenters.sharing import (
    consult_context,
    consultable_settings,
    consultation_context,
    shareable_advice_files,
)
from opensend.casework.services.sharing import (
    ConsentMissing,
    SharingRefused,
    consultation_answer,
    setting_consult,
)
from opensend.casework.sharing_selectors import (
    consultation_draft_for_download,
    consultation_file_for_download,
    consultation_for,
    consultations_for_setting,
)
from opensend.casework.views.actions_common import action_case
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import upload_response


@permission_required("casework.consult_setting")
@require_http_methods(["GET", "POST"])
def consult_setting(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "consult a setting on the draft plan")
    form = ConsultForm(posted(request), settings=consultable_settings(case),
                       advice_files=shareable_advice_files(case))
    consent_missing = False
    if request.method == "POST" and form.is_valid():
        try:
            made = setting_consult(actor=request.user, case=case, today=today(),
                                   **form.service_arguments())
        except SharingRefused as refusal:
            form.add_error("organisation", str(refusal))
            consent_missing = isinstance(refusal, ConsentMissing)
        else:
            messages.success(request, f"{made.organisation.name} was sent the draft plan")
            return redirect("casework:consult_setting", case.pk)
    return _consult_page(request, case, form, consent_missing)


def _consult_page(request: HttpRequest, case: Case, form: ConsultForm,
                  consent_missing: bool) -> HttpResponse:
    context = consult_context(case, today())
    chosen = form.data.get("organisation", "") if form.is_bound else ""
    return render_page(request, "casework/consult_setting.html",
                       {**context, "case": case, "form": form, "consent_missing": consent_missing,
                        "chosen_setting": chosen})


@permission_required("casework.answer_consultation")
@require_GET
def consultations(request: HttpRequest) -> HttpResponse:
    shown = consultations_for_setting(user=request.user, today=today(), request=request)
    return render_page(request, "casework/consultations.html",
                       {"consultations": [consultation_context(c, today()) for c in shown]})


@permission_required("casework.answer_consultation")
@require_http_methods(["GET", "POST"])
def consultation(request: HttpRequest, consultation_id: int) -> HttpResponse:
    found = consultation_for(user=request.user, consultation_id=consultation_id, today=today(),
                             why="consultation on a draft plan", request=request)
    form = ConsultationAnswerForm(posted(request))
    if request.method == "POST" and not found.answered_on and form.is_valid():
        try:
            consultation_answer(actor=request.user, consultation=found,
                                answer=form.answer_value(),
                                reasons=form.cleaned_data["reasons"], today=today())
        except SharingRefused as refusal:
            form.add_error("answer", str(refusal))
        else:
            messages.success(request, "Your answer was sent to the council")
            return redirect("casework:consultation", found.pk)
    return render_page(request, "casework/consultation.html",
                       {"consultation": consultation_context(found, today()), "form": form})


@permission_required("casework.answer_consultation")
@require_GET
def consultation_draft(request: HttpRequest, consultation_id: int) -> HttpResponse:
    found = consultation_draft_for_download(user=request.user, consultation_id=consultation_id,
                                            today=today(), request=request)
    response = HttpResponse(issued_files.stored_bytes(found.draft, "pdf"),
                            content_type=issued_files.CONTENT_TYPES["pdf"])
    filename = issued_files.document_filename(found.draft, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@permission_required("casework.answer_consultation")
@require_GET
def consultation_file(request: HttpRequest, consultation_id: int, shared_file_id: int
                      ) -> HttpResponse:
    shared = consultation_file_for_download(user=request.user, consultation_id=consultation_id,
                                            file_id=shared_file_id, today=today(),
                                            request=request)
    return upload_response(shared.upload)
