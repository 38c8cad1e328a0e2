"""Recording an EHC needs assessment request (CFA s36) and allocating the case."""

import datetime as dt

from django.db import transaction

from opensend.casework.models import Case, EhcRequest, EventKind, Stage
from opensend.casework.services.common import case_change_finish, case_event_record, case_lock
from opensend.people.models import Child, Organisation, User
from opensend.people.rules import is_staff


@transaction.atomic
def ehc_request_record(
    *,
    actor: User,
    child: Child,
    received_on: dt.date,
    source: str,
    today: dt.date,
    requested_by: str = "",
    requesting_setting: Organisation | None = None,
    graduated_approach_evidence: str = "",
    caseworker: User | None = None,
    unallocated: bool = False,
) -> Case:
    """Open a case for a request. The 6-week decision clock starts on `received_on`.

    Staff who record a request become its caseworker unless they name one. A request made
    from outside the council stays unallocated, in the SEN managers' queue, until a
    caseworker is chosen: a school's (``unallocated``) or one a parent or young person
    makes themselves (opensend.contributions)."""
    allocated = caseworker or (None if unallocated or not is_staff(actor) else actor)
    case = Case.objects.create(
        child=child,
        local_authority=child.local_authority,
        caseworker=allocated,
        stage=Stage.REQUESTED,
        opened_on=received_on,
    )
    EhcRequest.objects.create(
        case=case,
        received_on=received_on,
        source=source,
        requested_by=requested_by,
        requesting_setting=requesting_setting,
        graduated_approach_evidence=graduated_approach_evidence,
    )
    case_event_record(
        case=case,
        event=EventKind.REQUEST_RECEIVED,
        occurred_on=received_on,
        actor=actor,
        request_source=source,
    )
    if allocated is not None:
        case_event_record(
            case=case,
            event=EventKind.CASEWORKER_ALLOCATED,
            occurred_on=today,
            actor=actor,
            caseworker=case.caseworker_id,
        )
    case_change_finish(case=case, actor=actor, today=today, why="record EHC request")
    return case


@transaction.atomic
def case_allocate(
    *, actor: User, case: Case, caseworker: User, today: dt.date, expected_version: int | None
) -> Case:
    case_lock(case=case, expected_version=expected_version)
    Case.objects.filter(pk=case.pk).update(caseworker=caseworker)
    case.caseworker = caseworker
    case_event_record(
        case=case,
        event=EventKind.CASEWORKER_ALLOCATED,
        occurred_on=today,
        actor=actor,
        caseworker=caseworker.pk,
    )
    case_change_finish(case=case, actor=actor, today=today, why="allocate caseworker")
    return case
