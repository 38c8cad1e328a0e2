"""A school's annual review of Tom, run by Sue at Hillside, for the schools tests."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.casework.models import Case
from opensend.people.models import User
from opensend.schools import services
from opensend.schools.models import InviteeRole, SchoolReview

PDF = b"%PDF-1.7\n%%EOF\n"


def review_started(
    case: Case,
    sue: User,
    *,
    started_on: dt.date,
    meeting_in_days: int = 21,
    health: str = "",
) -> SchoolReview:
    invitees = services.review_invitees(actor=sue, case=case, health=health, social_care="",
                                        today=started_on)
    return services.school_review_start(
        actor=sue,
        case=case,
        setting=sue.memberships.get().organisation,
        meeting_on=started_on + dt.timedelta(days=meeting_in_days),
        invitees=invitees,
        today=started_on,
    )


def views_received(review: SchoolReview, sue: User, *, on: dt.date) -> None:
    services.review_contribution_record(
        actor=sue,
        review=review,
        role=InviteeRole.FAMILY,
        from_name="Paula Baker",
        received_on=on,
        text="Tom enjoys swimming and wants to read chapter books.",
        files=[SimpleUploadedFile("Tom's drawing.pdf", PDF)],
    )
