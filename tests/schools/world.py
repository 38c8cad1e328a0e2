"""The school's records the route matrix and the IDOR test open (issue 11 item 3): a
review of the bundle's case, and a file of views received for it, made on first use."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.core.uploads import upload_store
from opensend.people.models import Enrolment
from opensend.schools.models import (
    InviteeRole,
    ReviewContribution,
    ReviewContributionFile,
    SchoolReview,
)
from tests.factories import TODAY
from tests.schools.helpers import PDF


def school_review_of(bundle: object) -> SchoolReview:
    case = bundle.case  # type: ignore[attr-defined]
    enrolment = Enrolment.objects.filter(child_id=case.child_id).order_by("-start").first()
    setting = enrolment.setting if enrolment else case.child.local_authority
    review, _ = SchoolReview.objects.get_or_create(
        case=case,
        defaults={
            "setting": setting,
            "started_by": case.caseworker,
            "started_on": TODAY,
            "meeting_on": TODAY + dt.timedelta(weeks=3),
        },
    )
    return review


def contribution_file_of(bundle: object) -> ReviewContributionFile:
    review = school_review_of(bundle)
    found = ReviewContributionFile.objects.filter(contribution__review=review).first()
    if found is not None:
        return found
    contribution = ReviewContribution.objects.create(
        review=review,
        role=InviteeRole.FAMILY,
        from_name="The family",
        received_on=TODAY,
        text="Our views",
        recorded_by=review.started_by,
    )
    upload = upload_store(actor=review.started_by, upload=SimpleUploadedFile("views.pdf", PDF))
    return ReviewContributionFile.objects.create(contribution=contribution, upload=upload)
