"""Writes for family contributions: each one audited, each comment a new row.

A family's request goes through casework's own request service (one way to open a case);
the comments, the meeting request and the preferred setting are refused once the comment
period the clock computes has closed (Reg 13(1))."""

import datetime as dt
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from opensend.casework.models import Case, PlanVersion
from opensend.casework.notifications import council_notify
from opensend.casework.services.requests import ehc_request_record
from opensend.contributions.models import (
    DraftComment,
    FamilyRequest,
    FamilyRequestFile,
    MeetingRequest,
    PreferredSetting,
)
from opensend.contributions.selectors import comment_window
from opensend.core.audit import audit
from opensend.core.formatting import govuk_date
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_store
from opensend.people.models import Child, Organisation, User, UserKind
from opensend.statutory import codes


class CommentPeriodClosed(Exception):
    """The draft's comment period has closed, or no draft is waiting for comments."""


def requested_by(user: User) -> str:
    who = "Young person" if user.kind == UserKind.YOUNG_PERSON else "Parent or carer"
    return f"{who}: {user.full_name}"[:150]


@transaction.atomic
def family_request_make(
    *,
    actor: User,
    child: Child,
    reasons: str,
    needs: str,
    setting: Organisation | None,
    setting_other: str,
    files: Sequence[UploadedFile],
    today: dt.date,
) -> Case:
    """A parent's or young person's request for an EHC needs assessment (CFA 2014 s36(1),
    Reg 3), received today: the 6-week decision clock (Reg 4(1)) starts now, and the case
    waits unallocated in the SEN manager's queue. SEN2 request source 1 (parent or
    young person)."""
    case = ehc_request_record(
        actor=actor,
        child=child,
        received_on=today,
        source=codes.RequestSource.PARENT_OR_YOUNG_PERSON.value,
        today=today,
        requested_by=requested_by(actor),
        requesting_setting=None,
    )
    made = FamilyRequest.objects.create(
        ehc_request=case.request, made_by=actor, reasons=reasons, needs=needs,
        setting=setting, setting_other=setting_other,
    )
    for upload in files:
        FamilyRequestFile.objects.create(
            family_request=made, upload=upload_store(actor=actor, upload=upload)
        )
    council_notify(case=case, key=f"family-request:{made.pk}", today=today,
                        words="The family asked for an EHC needs assessment")
    return case


def _open_draft(case: Case, today: dt.date) -> PlanVersion:
    window = comment_window(case, today)
    if not window.open or window.draft is None:
        closed = f" on {govuk_date(window.closes)}" if window.closes else ""
        raise CommentPeriodClosed(
            f"The time to comment on the draft plan closed{closed}. "
            "Contact your caseworker if you still want to tell us something."
            if window.closes else "There is no draft plan waiting for your comments."
        )
    return window.draft


def _audit(actor: User, case: Case, why: str, detail: dict[str, object]) -> None:
    audit(actor=actor, action=AuditAction.CHANGE, obj=case, child_id=case.child_id, why=why,
          detail=detail)


@transaction.atomic
def draft_comments_add(
    *, actor: User, case: Case, comments: dict[str, str], today: dt.date
) -> list[DraftComment]:
    """The family's comments on sections of the draft plan (Reg 13(1)), one row each."""
    draft = _open_draft(case, today)
    added = [
        DraftComment.objects.create(case=case, plan_version=draft, section=section, text=text,
                                    made_by=actor, made_on=today)
        for section, text in comments.items() if text.strip()
    ]
    if added:
        _audit(actor, case, "comment on the draft plan",
               {"plan_version": draft.number, "sections": [c.section for c in added]})
        council_notify(case=case, key=f"draft-comments:{added[0].pk}", today=today,
                            words="The family commented on the draft EHC plan")
    return added


@transaction.atomic
def meeting_request_make(
    *, actor: User, case: Case, reasons: str, today: dt.date
) -> MeetingRequest:
    """The family asks to meet the council about the draft: within the 15 days they may
    require a meeting with an officer (Reg 13(1)(a)(ii))."""
    draft = _open_draft(case, today)
    made = MeetingRequest.objects.create(case=case, plan_version=draft, reasons=reasons,
                                         made_by=actor, made_on=today)
    _audit(actor, case, "ask for a meeting about the draft plan", {"plan_version": draft.number})
    council_notify(case=case, key=f"meeting-request:{made.pk}", today=today,
                        words="The family asked for a meeting about the draft EHC plan")
    return made


@transaction.atomic
def preferred_setting_name(
    *,
    actor: User,
    case: Case,
    organisation: Organisation | None,
    other_name: str,
    reasons: str,
    today: dt.date,
) -> PreferredSetting:
    """The school or college the family asks the council to name (CFA 2014 s38(2)(b))."""
    draft = _open_draft(case, today)
    made = PreferredSetting.objects.create(
        case=case, plan_version=draft, organisation=organisation, other_name=other_name,
        reasons=reasons, made_by=actor, made_on=today,
    )
    _audit(actor, case, "name a preferred school or college",
           {"plan_version": draft.number, "organisation": getattr(organisation, "pk", None)})
    council_notify(case=case, key=f"preferred-setting:{made.pk}", today=today,
                        words="The family named the school or college they would like")
    return made
