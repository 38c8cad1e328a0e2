"""Retention of EHC records (core/retention.py, docs/retention.md).

A child's whole record (the child, family, needs, settings, consent, every case with its
events, advice and files, plans and reviews) is deleted when the period counted from the
date of birth ends: by default the 31st birthday, six years (Limitation Act 1980 s2,
s28) after the last day a plan can run (the end of the academic year in which the young
person turns 25, CFA 2014 s46). A legal hold names the child's id.
"""

import datetime as dt

from django.db import connection
from django.db.models import QuerySet

from opensend.casework.models import AdviceFile, Case
from opensend.core.retention import DELETE, RecordType, register
from opensend.core.uploads import uploads_delete
from opensend.people.models import Child, ChildRecordChange


def _ehc_records_due(cutoff: dt.date) -> QuerySet[Child]:
    return Child.objects.filter(date_of_birth__lte=cutoff)


def _delete_ehc_records(children: QuerySet[Child]) -> int:
    ids = list(children.values_list("pk", flat=True))
    cases = Case.objects.filter(child_id__in=ids)
    uploads = list(
        AdviceFile.objects.filter(advice_request__case__in=cases).values_list(
            "upload_id", flat=True
        )
    )
    with connection.cursor() as cursor:
        # A correction refers to the event it corrects (PROTECT in Django): a case's
        # events go in one statement, the foreign keys being checked at commit.
        cursor.execute(
            "DELETE FROM casework_caseevent WHERE case_id IN "
            "(SELECT id FROM casework_case WHERE child_id = ANY(%s))",
            [ids],
        )
    cases.delete()
    ChildRecordChange.objects.filter(child_id__in=ids).delete()  # protects family members
    Child.objects.filter(pk__in=ids).delete()
    uploads_delete(uploads)
    return len(ids)


register(
    RecordType(
        name="ehc_record",
        label="EHC records (the child's whole record)",
        action=DELETE,
        starts="the date of birth",
        due=_ehc_records_due,
        apply=_delete_ehc_records,
    )
)
