"""Retention of what schools record for annual reviews (core/retention.py,
docs/retention.md).

The reviews, their invitations and a school's request for an assessment go with the
child's whole EHC record (casework's "ehc_record" deletes the case, and they cascade with
it), over the same period. The views
and advice received, and the request's evidence, carry files (core.Upload, kept apart from
the rows): the two record types here delete them with their files first. Their names sort
before "ehc_record", and the retention run takes record types in name order, so no file
is left behind.
"""

import datetime as dt

from django.db.models import QuerySet

from opensend.core.retention import DELETE, RecordType, register
from opensend.core.uploads import uploads_delete
from opensend.schools.models import (
    ReviewContribution,
    ReviewContributionFile,
    SchoolRequestFile,
)


def _views_due(cutoff: dt.date) -> QuerySet[ReviewContribution]:
    return ReviewContribution.objects.filter(review__case__child__date_of_birth__lte=cutoff)


def _delete_views(contributions: QuerySet[ReviewContribution]) -> int:
    files = ReviewContributionFile.objects.filter(contribution__in=contributions)
    uploads = list(files.values_list("upload_id", flat=True))
    count, _ = ReviewContribution.objects.filter(pk__in=contributions.values("pk")).delete()
    uploads_delete(uploads)
    return count


register(
    RecordType(
        name="ehc_annual_review_views",
        label="Views and advice received for annual reviews, with their files",
        action=DELETE,
        starts="the date of birth",
        due=_views_due,
        apply=_delete_views,
    )
)


def _request_files_due(cutoff: dt.date) -> QuerySet[SchoolRequestFile]:
    return SchoolRequestFile.objects.filter(request__case__child__date_of_birth__lte=cutoff)


def _delete_request_files(files: QuerySet[SchoolRequestFile]) -> int:
    uploads = list(files.values_list("upload_id", flat=True))
    count, _ = SchoolRequestFile.objects.filter(pk__in=[*files.values_list("pk", flat=True)]
                                                ).delete()
    uploads_delete(uploads)
    return count


register(
    RecordType(
        name="ehc_assessment_request_files",
        label="Files a school sent with its request for an assessment",
        action=DELETE,
        starts="the date of birth",
        due=_request_files_due,
        apply=_delete_request_files,
    )
)
