"""Retention of what families contribute (core/retention.py, docs/retention.md).

The rows go with the child's EHC record: they hang off the case, the request and the
draft or the child (CASCADE), which casework/retention.py deletes at the 31st birthday.
The files a family sent (with a request, or in "All about me") are stored uploads that
casework cannot know of, so these record types, due at the same time
(settings.RETENTION_PERIODS) and run just before ehc_record (the run takes record types
by name), delete them and their stored bytes first.
"""

import datetime as dt

from django.db.models import QuerySet

from opensend.contributions.models import AllAboutMeFile, FamilyRequestFile
from opensend.core.retention import DELETE, RecordType, held_ids, register
from opensend.core.today import today
from opensend.core.uploads import uploads_delete


def _files_due(cutoff: dt.date) -> QuerySet[FamilyRequestFile]:
    # A legal hold on the child's EHC record holds these files too.
    held = held_ids("ehc_record", today())
    return FamilyRequestFile.objects.filter(
        family_request__ehc_request__case__child__date_of_birth__lte=cutoff
    ).exclude(family_request__ehc_request__case__child_id__in=held)


def _delete_files(files: QuerySet[FamilyRequestFile]) -> int:
    uploads = list(files.values_list("upload_id", flat=True))
    FamilyRequestFile.objects.filter(upload_id__in=uploads).delete()
    uploads_delete(uploads)
    return len(uploads)


register(
    RecordType(
        name="ehc_contribution_files",
        label="Files a family sent with their request (with the child's EHC record)",
        action=DELETE,
        starts="the date of birth",
        due=_files_due,
        apply=_delete_files,
        hold_field="family_request__ehc_request__case__child_id",
    )
)


def _about_me_files_due(cutoff: dt.date) -> QuerySet[AllAboutMeFile]:
    held = held_ids("ehc_record", today())
    return AllAboutMeFile.objects.filter(version__child__date_of_birth__lte=cutoff).exclude(
        version__child_id__in=held
    )


def _delete_about_me_files(files: QuerySet[AllAboutMeFile]) -> int:
    uploads = list(set(files.values_list("upload_id", flat=True)))
    AllAboutMeFile.objects.filter(upload_id__in=uploads).delete()
    uploads_delete(uploads)
    return len(uploads)


register(
    RecordType(
        name="ehc_about_me_files",
        label="Pictures and recordings in All about me (with the child's EHC record)",
        action=DELETE,
        starts="the date of birth",
        due=_about_me_files_due,
        apply=_delete_about_me_files,
        hold_field="version__child_id",
    )
)
