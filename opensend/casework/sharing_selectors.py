"""Reads for sharing outside the case (issue 11, item 6; ADR 0030).

A consulted setting does not see the case (people/rules.py visible_children is not
widened: that would open the whole record). It sees only its consultations, and each only
while the family's consent to share with it, or a Reg 17 ground, stands: the basis is
read afresh on every request, so a withdrawal applies at the setting's next page view or
download, which is a 404 (like any record the user has no relation to) with the refusal
audited.
"""

import datetime as dt

from django.http import Http404

from opensend.casework.models import AdviceFile, SettingConsultation
from opensend.core.audit import audit, audit_list
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_held_why, upload_servable
from opensend.people.models import Child, Role, User
from opensend.people.selectors import disclosure_basis_for
from opensend.statutory.disclosure import Basis, ConsentScope

MISSING = "missing: consent or Reg 17 ground to share outside the case"


def sharing_basis(*, child: Child, organisation_id: int, today: dt.date) -> Basis:
    """The consent or Reg 17 ground to share the child's plan with the organisation
    (SEND Regulations 2014 reg 17(1); CFA 2014 s80 says whose consent counts)."""
    return disclosure_basis_for(
        child=child, scope=ConsentScope.SHARE_OUTSIDE_CASE, organisation_ids=[organisation_id],
        today=today,
    )


def _settings_of(user: User) -> list[int]:
    return list(
        user.memberships.filter(role=Role.SENCO).values_list("organisation_id", flat=True)
    )


def _addressed_to(user: User) -> "list[SettingConsultation]":
    return list(
        SettingConsultation.objects.filter(organisation_id__in=_settings_of(user))
        .select_related("case__child", "case__local_authority", "organisation", "draft")
        .order_by("-consulted_on", "-pk")
    )


def _shared_now(consultation: SettingConsultation, today: dt.date) -> bool:
    return sharing_basis(
        child=consultation.case.child, organisation_id=consultation.organisation_id, today=today
    ).allowed


def consultations_for_setting(
    *, user: User, today: dt.date, request: object = None
) -> list[SettingConsultation]:
    """The consultations sent to the user's settings whose sharing basis stands today."""
    shown = [c for c in _addressed_to(user) if _shared_now(c, today)]
    audit_list(actor=user, child_ids=[c.case.child_id for c in shown],
               why="consultations on draft plans", request=request)
    return shown


def _refuse(user: User, consultation_id: int, why: str, request: object) -> Http404:
    audit(actor=user, action=AuditAction.DENIED, why=why, request=request,
          detail={"consultation": consultation_id})
    return Http404()


def consultation_for(
    *, user: User, consultation_id: int, today: dt.date, why: str, request: object = None,
    read_audited: bool = True,
) -> SettingConsultation:
    """A consultation sent to one of the user's settings, while sharing with it stands;
    404 otherwise (the refusal audited, saying when the consent is what is missing)."""
    found = next((c for c in _addressed_to(user) if c.pk == consultation_id), None)
    if found is None:
        raise _refuse(user, consultation_id, why, request)
    if not _shared_now(found, today):
        raise _refuse(user, consultation_id, f"{why}: {MISSING}", request)
    if read_audited:
        audit(actor=user, action=AuditAction.READ, obj=found, child_id=found.case.child_id,
              why=why, request=request, detail={"consultation": found.pk})
    return found


def consultation_draft_for_download(
    *, user: User, consultation_id: int, today: dt.date, request: object = None
) -> SettingConsultation:
    """The consultation whose draft (the stored bytes as sent) is downloaded, audited."""
    found = consultation_for(user=user, consultation_id=consultation_id, today=today,
                             why="download a draft plan shared for consultation",
                             request=request, read_audited=False)
    audit(actor=user, action=AuditAction.DOWNLOAD, obj=found.draft, child_id=found.case.child_id,
          why="download a draft plan shared for consultation", request=request,
          detail={"consultation": found.pk, "issued_document": found.draft_id, "format": "pdf"})
    return found


def consultation_file_for_download(
    *, user: User, consultation_id: int, file_id: int, today: dt.date, request: object = None
) -> AdviceFile:
    """An advice file shared with the consultation, audited; 404 for any other file, or
    while the virus scan holds it back (opensend.core.uploads.upload_servable)."""
    why = "download advice shared for consultation"
    found = consultation_for(user=user, consultation_id=consultation_id, today=today, why=why,
                             request=request, read_audited=False)
    shared = found.advice_files.select_related("upload").filter(pk=file_id).first()
    if shared is None or not upload_servable(shared.upload, user):
        held = "" if shared is None else f": {upload_held_why(shared.upload)}"
        raise _refuse(user, consultation_id, f"{why}{held}", request)
    audit(actor=user, action=AuditAction.DOWNLOAD, obj=shared.upload,
          child_id=found.case.child_id, why=why, request=request,
          detail={"consultation": found.pk, "advice_file": shared.pk,
                  "sha256": shared.upload.sha256})
    return shared


def consultations_of_case(case_id: int) -> list[SettingConsultation]:
    """The settings consulted on a case, for its caseworker (the case already checked)."""
    return list(
        SettingConsultation.objects.filter(case_id=case_id)
        .select_related("organisation", "answered_by", "draft", "case__child",
                        "case__local_authority")
        .prefetch_related("advice_files__upload")
        .order_by("-consulted_on", "-pk")
    )
