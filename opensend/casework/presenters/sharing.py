"""What the consult screen and the consulted setting's pages show (ADR 0030)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from opensend.casework.models import AdviceFile, AdviceFileDirection, Case, SettingConsultation
from opensend.casework.selectors import case_organisations
from opensend.casework.services.sharing import CONSULTED_KINDS, latest_draft
from opensend.casework.sharing_selectors import consultations_of_case, sharing_basis
from opensend.core.uploads import upload_servable
from opensend.people.models import Organisation
from opensend.statutory.consultation import ANSWER_LABELS, Answer, consultation_overdue


def consultable_settings(case: Case) -> list[Organisation]:
    """The schools and colleges of the local authority's area (CFA 2014 s38(3))."""
    return list(
        Organisation.objects.filter(kind__in=CONSULTED_KINDS,
                                    local_authority_id=case.local_authority_id)
        .order_by("name")
    )


def shareable_advice_files(case: Case) -> list[AdviceFile]:
    """Advice received on the case, scanned clean (a held file is never offered)."""
    files = (
        AdviceFile.objects.filter(advice_request__case=case,
                                  direction=AdviceFileDirection.RECEIVED)
        .select_related("upload", "advice_request")
        .order_by("pk")
    )
    return [f for f in files if upload_servable(f.upload)]


@dataclass(frozen=True)
class SharedFile:
    name: str
    href: str


@dataclass(frozen=True)
class ConsultationRow:
    pk: int
    setting: str
    child_name: str
    local_authority: str
    consulted_on: dt.date
    due_on: dt.date
    overdue: bool
    answer: str
    reasons: str
    answered_on: dt.date | None
    draft_title: str
    draft_href: str
    files: list[SharedFile]
    shared_now: bool


def _answer(consultation: SettingConsultation) -> str:
    return ANSWER_LABELS[Answer(consultation.answer)] if consultation.answer else ""


def consultation_context(consultation: SettingConsultation, today: dt.date,
                         shared_now: bool = True) -> ConsultationRow:
    pk = consultation.pk
    return ConsultationRow(
        pk=pk,
        setting=consultation.organisation.name,
        child_name=consultation.case.child.full_name,
        local_authority=consultation.case.local_authority.name,
        consulted_on=consultation.consulted_on,
        due_on=consultation.due_on,
        overdue=consultation_overdue(consulted_on=consultation.consulted_on,
                                     answered_on=consultation.answered_on, today=today),
        answer=_answer(consultation),
        reasons=consultation.reasons,
        answered_on=consultation.answered_on,
        draft_title=consultation.draft.title,
        draft_href=reverse("casework:consultation_draft", args=[pk]),
        files=[SharedFile(a.upload.original_name,
                          reverse("casework:consultation_file", args=[pk, a.pk]))
               for a in consultation.advice_files.select_related("upload").order_by("pk")],
        shared_now=shared_now,
    )


def consult_context(case: Case, today: dt.date) -> dict[str, Any]:
    """The caseworker's view: the draft to share, and every setting consulted, with its
    answer and whether sharing with it still stands (consent may have been withdrawn)."""
    rows = [
        consultation_context(
            c, today,
            shared_now=sharing_basis(child=case.child, organisation_id=c.organisation_id,
                                     today=today).allowed,
        )
        for c in consultations_of_case(case.pk)
    ]
    return {"draft": latest_draft(case), "consulted": rows,
            "consent_href": reverse("casework:consent", args=[case.pk])}


def consent_recipients(case: Case, asked: str) -> list[Organisation]:
    """Who a consent on the case can name: the organisations on the case, and the school
    or college about to be consulted (`asked`: its id, from the consult screen's link or
    the consent form's own answer), which is not on the case yet."""
    organisations = case_organisations(case)
    if asked.isdigit() and all(org.pk != int(asked) for org in organisations):
        organisations += [s for s in consultable_settings(case) if s.pk == int(asked)]
        organisations += [s for s in consulted_settings(case) if s.pk == int(asked)]
    return sorted(set(organisations), key=lambda org: org.name)


def consulted_settings(case: Case) -> list[Organisation]:
    """The settings already consulted on the case (so a consent can be withdrawn)."""
    ids = SettingConsultation.objects.filter(case=case).values("organisation_id")
    return list(Organisation.objects.filter(pk__in=ids))
