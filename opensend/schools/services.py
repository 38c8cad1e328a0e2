"""Writes for the annual review the school runs (SEND Regulations 2014, Reg 20; CFA s44).

The dates come from opensend.statutory.review_meeting; the LA's side (the meeting and the
report reaching the authority, its decision) goes through casework/services/reviews.py,
so the caseworker's queue and the clock see them. Invitations go through the one
notification service (opensend.core.notifications)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse

from opensend.casework.models import Case, Stage
from opensend.casework.notifications import family_emails, first_name
from opensend.casework.services.reviews import review_meeting_record, review_report_record
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.notifications import Message, notification_create
from opensend.core.uploads import upload_store
from opensend.people.models import Organisation, User
from opensend.schools.models import (
    InviteeRole,
    ReviewContribution,
    ReviewContributionFile,
    ReviewInvitation,
    SchoolReview,
)
from opensend.statutory import review_meeting as rules


class ReviewRefused(Exception):
    """The review cannot take this step now; the message says why (and the regulation)."""


@dataclass(frozen=True)
class Invitee:
    role: str
    name: str
    email: str


def _changed(actor: User, review: SchoolReview, why: str) -> None:
    audit(actor=actor, action=AuditAction.CHANGE, obj=review, child_id=review.case.child_id,
          why=why)


def review_invitees(
    *, actor: User, case: Case, health: str, social_care: str, today: dt.date
) -> list[Invitee]:
    """Reg 20(2): (a) the parent or young person, (b) the school, (c) the LA's SEN officer,
    (d) health and (e) social care when an address is given (as relevant)."""
    family = sorted(family_emails(case.child, today))  # only those who may see it today
    worker = case.caseworker
    invitees = [Invitee(InviteeRole.FAMILY, "The family", email) for email in family]
    invitees.append(Invitee(InviteeRole.SCHOOL, actor.full_name, actor.email))
    if worker is not None:
        invitees.append(Invitee(InviteeRole.LA_SEN, worker.full_name, worker.email))
    for role, email in ((InviteeRole.HEALTH, health), (InviteeRole.SOCIAL_CARE, social_care)):
        if email:
            invitees.append(Invitee(role, InviteeRole(role).label, email))
    return invitees


@transaction.atomic
def school_review_start(
    *,
    actor: User,
    case: Case,
    setting: Organisation,
    meeting_on: dt.date,
    invitees: Sequence[Invitee],
    today: dt.date,
) -> SchoolReview:
    """Set the meeting date and invite the people Reg 20(2) names, each invitation
    recorded and sent (the school's own representative is the one starting it)."""
    if case.stage != Stage.PLAN:
        raise ReviewRefused("Only a pupil with an EHC plan in force has an annual review")
    if case.school_reviews.filter(report_submitted_on__isnull=True).exists():
        raise ReviewRefused("This pupil's annual review has already started")
    if meeting_on < today:
        raise ReviewRefused("The meeting date must be today or in the future")
    review = SchoolReview.objects.create(
        case=case, setting=setting, started_by=actor, started_on=today, meeting_on=meeting_on
    )
    for invitee in invitees:
        invitation = ReviewInvitation.objects.create(
            review=review, role=invitee.role, name=invitee.name, email=invitee.email,
            invited_on=today,
        )
        if invitee.email.lower() != actor.email.lower():
            _invite(review, invitation)
    audit(actor=actor, action=AuditAction.CREATE, obj=review, child_id=case.child_id,
          why="start annual review")
    return review


def _invite(review: SchoolReview, invitation: ReviewInvitation) -> None:
    family = invitation.role == InviteeRole.FAMILY
    link = reverse("family:case" if family else "casework:case", args=[review.case_id])
    notification_create(
        key=f"school-review:{review.pk}:invitation:{invitation.pk}",
        recipients=[invitation.email],
        message=Message(
            child_first_name=first_name(review.case.child),
            event="You are invited to the annual review meeting",
            link=link,
            next_step="Send your views and advice to the school; the meeting is on the date "
            "shown",
            next_step_due=review.meeting_on,
        ),
    )


@transaction.atomic
def review_contribution_record(
    *,
    actor: User,
    review: SchoolReview,
    role: str,
    from_name: str,
    received_on: dt.date,
    text: str,
    files: Sequence[UploadedFile],
) -> ReviewContribution:
    """Views, advice or information received for the review (Reg 20(3)(a)), with files
    through the one upload gate (opensend/core/uploads.py)."""
    if review.held_on is not None:
        raise ReviewRefused("The meeting has been recorded: views now go in the report")
    contribution = ReviewContribution.objects.create(
        review=review, role=role, from_name=from_name, received_on=received_on, text=text,
        recorded_by=actor,
    )
    for upload in files:
        stored = upload_store(actor=actor, upload=upload)
        ReviewContributionFile.objects.create(contribution=contribution, upload=stored)
    _changed(actor, review, "record views for annual review")
    return contribution


@transaction.atomic
def review_circulate(
    *, actor: User, review: SchoolReview, circulated_on: dt.date
) -> int:
    """Reg 20(3)(b): send what was received to everyone invited; returns how many
    contributions went out now (each keeps the day it was circulated)."""
    waiting = review.contributions.filter(circulated_on__isnull=True)
    if not waiting.exists():
        raise ReviewRefused("There are no new views or advice to circulate")
    count = waiting.update(circulated_on=circulated_on)
    review.circulated_on = circulated_on
    review.save(update_fields=["circulated_on"])
    _changed(actor, review, "circulate views and advice")
    return count


@transaction.atomic
def review_meeting_hold(
    *,
    actor: User,
    review: SchoolReview,
    held_on: dt.date,
    attended_by: str,
    views: str,
    late_reason: str,
    today: dt.date,
) -> SchoolReview:
    """Record the meeting; refused before circulation + 14 days unless the reason for the
    late circulation is given (Reg 20(3)(b), (4)). The LA's record of the meeting starts
    its clock: report in 2 weeks (Reg 20(7)), decision in 4 (Reg 20(10))."""
    if review.held_on is not None:
        raise ReviewRefused("The meeting has already been recorded")
    check = rules.meeting_check(held_on=held_on, circulated_on=review.circulated_on,
                                late_reason=late_reason, today=today)
    if not check.allowed:
        raise ReviewRefused(check.refusal)
    review.annual_review = review_meeting_record(
        actor=actor, case=review.case, meeting_on=held_on, notes=views, today=today,
        expected_version=None,
    )
    review.held_on, review.attended_by, review.meeting_views = held_on, attended_by, views
    review.late_circulation_reason = late_reason.strip() if check.late_circulation else ""
    review.save()
    _changed(actor, review, "record annual review meeting")
    return review


@transaction.atomic
def review_report_submit(
    *, actor: User, review: SchoolReview, report: str, today: dt.date
) -> rules.ReportTiming:
    """Send the report to the LA (Reg 20(7): within 2 weeks of the meeting; a late one is
    accepted and marked late). The LA's review records it, so the caseworker's queue
    shows the decision due (Reg 20(10)) and the caseworker is told."""
    if review.held_on is None or review.annual_review is None:
        raise ReviewRefused("Record the meeting before sending its report")
    if review.report_submitted_on is not None:
        raise ReviewRefused("The report has already been sent")
    review.report, review.report_submitted_on = report, today
    review.save(update_fields=["report", "report_submitted_on"])
    review_report_record(actor=actor, review=review.annual_review, received_on=today,
                         today=today, expected_version=None)
    _changed(actor, review, "send annual review report")
    return rules.report_timing(held_on=review.held_on, submitted_on=today)

