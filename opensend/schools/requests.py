"""A school's request for an EHC needs assessment with the evidence of the graduated
approach (CFA s36(1); Reg 3; Code of Practice 6.44-6.56: assess, plan, do, review).

The request is made through casework's one request service (`ehc_request_record`, source
"education setting", SEN2 code 2), so it lands in the queue with its 6-week clock (Reg
5(1)); the cycles are also written into the request's evidence the caseworker reads."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from opensend.casework.models import Case
from opensend.casework.notifications import council_notify
from opensend.casework.selectors import OPEN_STAGES
from opensend.casework.services.requests import ehc_request_record
from opensend.core.audit import audit
from opensend.core.formatting import govuk_date
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_store
from opensend.people.models import Child, Organisation, User
from opensend.schools.models import GraduatedApproachCycle, SchoolRequest, SchoolRequestFile
from opensend.schools.services import ReviewRefused
from opensend.statutory.codes import RequestSource


@dataclass(frozen=True)
class Cycle:
    started_on: dt.date
    reviewed_on: dt.date
    assessed: str
    planned: str
    provision: str
    cost: int
    outcomes: str


def cycles_evidence(cycles: Sequence[Cycle]) -> str:
    """The cycles as the text of the request's evidence (what the case page shows)."""
    return "\n\n".join(
        f"Cycle {number}: {govuk_date(cycle.started_on)} to {govuk_date(cycle.reviewed_on)}\n"
        f"Assess: {cycle.assessed}\nPlan: {cycle.planned}\n"
        f"Do: {cycle.provision} (cost £{cycle.cost:,})\nReview: {cycle.outcomes}"
        for number, cycle in enumerate(cycles, start=1)
    )


@transaction.atomic
def school_request_make(
    *,
    actor: User,
    child: Child,
    setting: Organisation,
    cycles: Sequence[Cycle],
    child_views: str,
    family_views: str,
    files: Sequence[UploadedFile],
    today: dt.date,
) -> Case:
    if not cycles:
        raise ReviewRefused("Give at least one assess, plan, do, review cycle")
    if Case.objects.filter(child=child, stage__in=OPEN_STAGES).exists():
        raise ReviewRefused("This pupil already has an open request or plan")
    case = ehc_request_record(
        actor=actor, child=child, received_on=today, today=today,
        source=RequestSource.EDUCATION_SETTING.value,
        requested_by=f"{actor.full_name}, SENCO", requesting_setting=setting,
        graduated_approach_evidence=cycles_evidence(cycles), unallocated=True,
    )
    made = SchoolRequest.objects.create(case=case, setting=setting, made_by=actor,
                                        child_views=child_views, family_views=family_views)
    GraduatedApproachCycle.objects.bulk_create(
        GraduatedApproachCycle(request=made, number=number, **cycle.__dict__)
        for number, cycle in enumerate(cycles, start=1)
    )
    for upload in files:
        SchoolRequestFile.objects.create(request=made,
                                         upload=upload_store(actor=actor, upload=upload))
    audit(actor=actor, action=AuditAction.CREATE, obj=made, child_id=child.pk,
          why="school request for assessment")
    # Unallocated, it waits in the SEN managers' queue: they are told, as for a family's
    # request (Reg 4(1): the 6-week decision clock runs from today).
    council_notify(case=case, key=f"school-request:{made.pk}", today=today,
                   words="The school asked for an EHC needs assessment")
    return case
