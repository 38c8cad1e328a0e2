"""Consulting a setting on a draft plan: the one way a document leaves the case to
someone outside it (issue 11, item 6; ADR 0030).

CFA 2014 s39(2) and s40: before naming a school or college the LA consults it. Sending
it the draft plan and advice is a disclosure (SEND Regulations 2014 reg 17(1)), so it
needs the family's consent to share with that setting, or a Reg 17 ground, recorded on
the consent page (people.Consent, scope "share outside the case").
"""

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.urls import reverse

from opensend.casework.models import (
    AdviceFile,
    AdviceFileDirection,
    Case,
    DocumentKind,
    IssuedDocument,
    SettingConsultation,
    Stage,
)
from opensend.casework.notifications import caseworker_emails, first_name, setting_emails
from opensend.casework.sharing_selectors import sharing_basis
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.notifications import Message, notification_create
from opensend.core.uploads import upload_servable
from opensend.people.models import Organisation, OrganisationKind, User
from opensend.people.selectors import is_young_person
from opensend.statutory.consultation import Answer, consultation_due

# CFA 2014 s38(3) lists the schools and post-16 institutions a plan may name.
CONSULTED_KINDS = (OrganisationKind.SCHOOL, OrganisationKind.COLLEGE)


class SharingRefused(ValueError):
    """The consultation cannot go ahead; the message says why, for the caseworker."""


class ConsentMissing(SharingRefused):
    """No consent (or Reg 17 ground) to share with the setting: the page links to the
    consent page, where it is recorded."""


def latest_draft(case: Case) -> IssuedDocument | None:
    """The draft plan as last sent to the family (Reg 13(1)), while the case is at draft."""
    if case.stage != Stage.DRAFTING:
        return None
    return (
        IssuedDocument.objects.filter(case=case, kind=DocumentKind.DRAFT_PLAN)
        .order_by("-issued_on", "-pk")
        .first()
    )


def missing_consent_words(case: Case, organisation: Organisation, today: dt.date) -> str:
    whose = "the young person's" if is_young_person(case.child, today) else "a parent's"
    return (
        f"There is no consent to share {first_name(case.child)}'s draft plan with "
        f"{organisation.name}. Record {whose} consent to sharing the plan outside the case "
        "with this setting (or a Reg 17 ground) on the consent page first."
    )


def _check(case: Case, organisation: Organisation, today: dt.date) -> IssuedDocument:
    draft = latest_draft(case)
    if draft is None:
        raise SharingRefused("A setting is consulted on a draft plan: no draft plan is out.")
    if organisation.kind not in CONSULTED_KINDS:
        raise SharingRefused("Choose a school or college to consult.")
    if not sharing_basis(child=case.child, organisation_id=organisation.pk, today=today).allowed:
        raise ConsentMissing(missing_consent_words(case, organisation, today))
    return draft


def _received_files(case: Case, advice_files: Iterable[AdviceFile]) -> list[AdviceFile]:
    """The chosen advice received on this case that anyone may have: never a file held
    back by the virus scan (opensend.core.uploads.upload_servable)."""
    chosen = [a.pk for a in advice_files]
    received = AdviceFile.objects.filter(
        pk__in=chosen, advice_request__case=case, direction=AdviceFileDirection.RECEIVED
    ).select_related("upload")
    return [a for a in received if upload_servable(a.upload)]


@transaction.atomic
def setting_consult(
    *, actor: User, case: Case, organisation: Organisation, advice_files: Iterable[AdviceFile],
    today: dt.date,
) -> SettingConsultation:
    """Send the draft plan (and the chosen advice) to the setting for its answer within
    15 days; SharingRefused (ConsentMissing) when it may not be sent."""
    draft = _check(case, organisation, today)
    try:
        with transaction.atomic():
            consultation = SettingConsultation.objects.create(
                case=case, organisation=organisation, draft=draft, consulted_on=today,
                due_on=consultation_due(today), consulted_by=actor,
            )
    except IntegrityError:
        raise SharingRefused(f"{organisation.name} was already consulted on this draft.") from None
    files = _received_files(case, advice_files)
    consultation.advice_files.set(files)
    audit(actor=actor, action=AuditAction.CREATE, obj=consultation, child_id=case.child_id,
          why="consult a setting on the draft plan (share outside the case)",
          detail={"organisation": organisation.pk, "draft": draft.pk,
                  "advice_files": [a.pk for a in files]})
    _tell_the_setting(consultation)
    return consultation


def _tell_the_setting(consultation: SettingConsultation) -> None:
    message = Message(
        child_first_name=first_name(consultation.case.child),
        event="The council is consulting your setting on a draft EHC plan",
        link=reverse("casework:consultation", args=[consultation.pk]),
        next_step="Say whether your setting can meet the needs",
        next_step_due=consultation.due_on,
    )
    notification_create(key=f"consultation:{consultation.pk}",
                        recipients=setting_emails(consultation.organisation), message=message)


@transaction.atomic
def consultation_answer(
    *, actor: User, consultation: SettingConsultation, answer: str, reasons: str, today: dt.date
) -> SettingConsultation:
    """The setting's answer, once (CFA 2014 s39(4)): the caseworker is told."""
    updated = SettingConsultation.objects.filter(pk=consultation.pk, answered_on=None).update(
        answer=Answer(answer), reasons=reasons, answered_on=today, answered_by=actor
    )
    if not updated:
        raise SharingRefused("Your setting has already answered this consultation.")
    consultation.refresh_from_db()
    audit(actor=actor, action=AuditAction.CHANGE, obj=consultation,
          child_id=consultation.case.child_id, why="answer a consultation on a draft plan",
          detail={"answer": answer})
    _tell_the_caseworker(consultation, actor)
    return consultation


ANSWER_WORDS = {
    Answer.CAN_MEET: "says it can meet the needs in the draft plan",
    Answer.CANNOT_MEET: "says it cannot meet the needs in the draft plan",
}


def _tell_the_caseworker(consultation: SettingConsultation, actor: User) -> None:
    case = consultation.case
    message = Message(
        child_first_name=first_name(case.child),
        event=f"{consultation.organisation.name} {ANSWER_WORDS[Answer(consultation.answer)]}",
        link=reverse("casework:consult_setting", args=[case.pk]),
        next_step="Decide which setting to name in the final plan",
    )
    notification_create(key=f"consultation-answer:{consultation.pk}",
                        recipients=caseworker_emails(case) - {actor.email.lower()},
                        message=message)
