"""Reads for family contributions, always scoped to the requesting user through
people/rules.py visible_children (by way of casework's case_get)."""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404

from opensend.casework.clock import clock_for
from opensend.casework.models import Case, CaseEvent, PlanVersion, VersionKind
from opensend.casework.selectors import OPEN_STAGES, case_get, cases_visible
from opensend.contributions.about_me import removable
from opensend.contributions.models import (
    AllAboutMeFile,
    DraftComment,
    FamilyRequest,
    FamilyRequestFile,
    MeetingRequest,
    PreferredSetting,
)
from opensend.core.audit import audit, audit_list
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_held_why, upload_servable
from opensend.people.models import Child, Organisation, OrganisationKind, User
from opensend.people.rules import visible_children
from opensend.statutory.clock import ClockError

COMMENT_WINDOW = "draft_comments_close"
SETTING_KINDS = (OrganisationKind.SCHOOL, OrganisationKind.COLLEGE, OrganisationKind.EARLY_YEARS)


@dataclass(frozen=True)
class CommentWindow:
    """The period the family has to comment on the draft (Reg 13(1)): at least 15 days
    beginning with the day the draft is served, as the statutory clock computes it."""

    draft: PlanVersion | None
    closes: dt.date | None
    open: bool


def requestable_children(*, user: User, today: dt.date, request: object = None) -> list[Child]:
    """The children the family may ask about: those they may see (a parent only with
    parental responsibility) with no case still open (a new request would duplicate it)."""
    children = list(
        visible_children(user, today)
        .exclude(cases__stage__in=OPEN_STAGES)
        .order_by("date_of_birth", "pk")
    )
    audit_list(actor=user, child_ids=[c.pk for c in children], why="request an assessment",
               request=request)
    return children


def requestable_child(*, user: User, child_id: int, today: dt.date) -> Child | None:
    return (
        visible_children(user, today)
        .exclude(cases__stage__in=OPEN_STAGES)
        .filter(pk=child_id)
        .first()
    )


def setting_choices() -> list[Organisation]:
    """Schools, colleges and early years settings the family can pick as the child's."""
    return list(Organisation.objects.filter(kind__in=SETTING_KINDS).order_by("name"))


def comment_window(case: Case, today: dt.date) -> CommentWindow:
    try:
        clock = clock_for(case, CaseEvent.objects.filter(case=case), today)
    except ClockError:
        return CommentWindow(draft=None, closes=None, open=False)
    step = next((s for s in clock.steps if s.step == COMMENT_WINDOW), None)
    draft = (
        PlanVersion.objects.filter(
            plan__case=case, kind=VersionKind.DRAFT, issued_on__isnull=False
        )
        .order_by("-number")
        .first()
    )
    if step is None or draft is None:
        return CommentWindow(draft=draft, closes=None, open=False)
    return CommentWindow(draft=draft, closes=step.due, open=step.status == "open")


def family_case(*, user: User, case_id: int, today: dt.date, why: str, request: object) -> Case:
    return case_get(user=user, case_id=case_id, today=today, why=why, request=request)


def draft_comments(version: PlanVersion | None) -> list[DraftComment]:
    if version is None:
        return []
    return list(DraftComment.objects.filter(plan_version=version).select_related("made_by"))


def comments_by_section(case: Case) -> dict[str, list[DraftComment]]:
    """The family's comments on the case's latest issued draft, by section code."""
    draft = (
        PlanVersion.objects.filter(plan__case=case, kind=VersionKind.DRAFT,
                                   issued_on__isnull=False)
        .order_by("-number").first()
    )
    grouped: dict[str, list[DraftComment]] = {}
    for comment in draft_comments(draft):
        grouped.setdefault(comment.section, []).append(comment)
    return grouped


def preferred_setting(case: Case) -> PreferredSetting | None:
    return PreferredSetting.objects.filter(case=case).select_related("organisation").first()


def meeting_requests(case: Case) -> list[MeetingRequest]:
    return list(MeetingRequest.objects.filter(case=case).order_by("created_at"))


def family_request(case: Case) -> FamilyRequest | None:
    return (
        FamilyRequest.objects.filter(ehc_request__case=case)
        .select_related("setting").prefetch_related("files__upload").first()
    )


def request_file_for(
    *, user: User, file_id: int, today: dt.date, request: object
) -> FamilyRequestFile:
    """A file the family sent with their request, on a case the user may see, with the
    download audited; 404 (the refusal audited) otherwise, or while the virus scan holds
    it back (core/uploads.py upload_servable)."""
    cases = cases_visible(user, today)
    found = (
        FamilyRequestFile.objects.filter(pk=file_id, family_request__ehc_request__case__in=cases)
        .select_related("upload", "family_request__ehc_request__case")
        .first()
    )
    if found is None or not upload_servable(found.upload, user):
        why = "family request file" + ("" if found is None else
                                       f" {upload_held_why(found.upload)}")
        audit(actor=user, action=AuditAction.DENIED, why=why, request=request,
              detail={"family_request_file": file_id})
        raise Http404
    audit(actor=user, action=AuditAction.DOWNLOAD, obj=found.upload,
          child_id=found.family_request.ehc_request.case.child_id,
          why="download family request file", detail={"sha256": found.upload.sha256},
          request=request)
    return found


def about_me_child(*, user: User, child_id: int, today: dt.date, request: object) -> Child:
    """A child the family may see, or 404 with the refusal audited."""
    child = visible_children(user, today).filter(pk=child_id).first()
    if child is None:
        audit(actor=user, action=AuditAction.DENIED, why="All about me", request=request,
              detail={"child": child_id})
        raise Http404
    audit(actor=user, action=AuditAction.READ, obj=child, child_id=child.pk,
          why="All about me", request=request)
    return child


def about_me_file_for(
    *, user: User, file_id: int, today: dt.date, request: object
) -> AllAboutMeFile:
    """A picture or recording in "All about me" of a child the user may see (audited)."""
    found = (
        AllAboutMeFile.objects.filter(pk=file_id,
                                      version__child__in=visible_children(user, today))
        .select_related("upload", "version").first()
    )
    if found is None or not upload_servable(found.upload, user):
        audit(actor=user, action=AuditAction.DENIED, why="All about me file", request=request,
              detail={"all_about_me_file": file_id})
        raise Http404
    audit(actor=user, action=AuditAction.DOWNLOAD, obj=found.upload,
          child_id=found.version.child_id, why="download All about me file", request=request)
    return found


def about_me_file_to_remove(
    *, user: User, file_id: int, today: dt.date, request: object
) -> AllAboutMeFile:
    """A file in the latest "All about me" of a child the family member may see, which
    they added and no plan has used (about_me.removable); 404 otherwise, audited."""
    found = (
        AllAboutMeFile.objects.filter(pk=file_id,
                                      version__child__in=visible_children(user, today))
        .select_related("upload", "version").first()
    )
    if found is None or not removable(found, user):
        audit(actor=user, action=AuditAction.DENIED, why="remove All about me file",
              request=request, detail={"all_about_me_file": file_id})
        raise Http404
    return found
