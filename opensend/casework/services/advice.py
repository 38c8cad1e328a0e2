"""Advice for an EHC needs assessment (Reg 6-8): asking several advisers at once with a
message and files, the advice received with its files, chasing, and pulling the advice
into the plan.

Every write here takes the case's optimistic lock (services/common.py) like every other
casework write, records its event and audits the change.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F

from opensend.casework.advice_givers import can_give
from opensend.casework.models import (
    AdviceFile,
    AdviceFileDirection,
    AdviceRequest,
    Case,
    EventKind,
    Plan,
    PlanVersion,
    VersionKind,
)
from opensend.casework.notifications import advice_remind
from opensend.casework.plan_sections import SECTION_BY_CODE
from opensend.casework.services.common import case_change_finish, case_event_record, case_lock
from opensend.casework.services.plans import plan_version_save, working_version
from opensend.core.formatting import govuk_date
from opensend.core.uploads import upload_store
from opensend.people.models import AdviceService, Organisation, User
from opensend.statutory.clock import advice_due


class AdviceError(Exception):
    """What was asked cannot be done with this advice request (shown on the form)."""


@dataclass(frozen=True)
class Adviser:
    """Who is asked for which kind of advice (Reg 6(1))."""

    service: str
    organisation: Organisation


def _attach(advice: Sequence[AdviceRequest], uploads: Sequence[object], direction: str) -> None:
    AdviceFile.objects.bulk_create(
        AdviceFile(advice_request=request, upload=upload, direction=direction)
        for request in advice
        for upload in uploads
    )


def _ask(case: Case, actor: User, adviser: Adviser, on: dt.date, message: str) -> AdviceRequest:
    if not can_give(adviser.organisation, adviser.service):
        kind = AdviceService(adviser.service).label.lower()
        raise AdviceError(f"{adviser.organisation.name} cannot give {kind} advice")
    advice = AdviceRequest.objects.create(
        case=case,
        service=adviser.service,
        organisation=adviser.organisation,
        requested_on=on,
        due_on=advice_due(on),  # 6 weeks (Reg 8(1))
        message=message,
    )
    case_event_record(
        case=case,
        event=EventKind.ADVICE_REQUESTED,
        occurred_on=on,
        actor=actor,
        source=adviser.service,
        advice_request=advice.pk,
        organisation=adviser.organisation.name,
    )
    return advice


@transaction.atomic
def advice_requests_send(
    *,
    actor: User,
    case: Case,
    advisers: Sequence[Adviser],
    requested_on: dt.date,
    message: str,
    attachments: Sequence[UploadedFile],
    today: dt.date,
    expected_version: int | None,
) -> list[AdviceRequest]:
    """Ask several advisers at once, each due 6 weeks later (Reg 8(1)); the message and
    the files (stored once) go with every request."""
    if not advisers:
        raise AdviceError("Choose at least one adviser to ask")
    case_lock(case=case, expected_version=expected_version)
    asked = [_ask(case, actor, adviser, requested_on, message) for adviser in advisers]
    _attach(asked, [upload_store(actor=actor, upload=f) for f in attachments],
            AdviceFileDirection.SENT)
    case_change_finish(
        case=case,
        actor=actor,
        today=today,
        why="request advice",
        detail={"advice_requests": [a.pk for a in asked], "files": len(attachments)},
    )
    return asked


def advice_request_send(
    *,
    actor: User,
    case: Case,
    service: str,
    organisation: Organisation,
    requested_on: dt.date,
    today: dt.date,
    expected_version: int | None,
) -> AdviceRequest:
    """Ask one adviser, with no message or files."""
    return advice_requests_send(
        actor=actor,
        case=case,
        advisers=[Adviser(service, organisation)],
        requested_on=requested_on,
        message="",
        attachments=(),
        today=today,
        expected_version=expected_version,
    )[0]


@transaction.atomic
def advice_receive(
    *,
    actor: User,
    advice: AdviceRequest,
    received_on: dt.date,
    summary: str,
    files: Sequence[UploadedFile] = (),
    today: dt.date,
    expected_version: int | None,
) -> AdviceRequest:
    """Record the advice received (Reg 8(1)), its summary and the files that came with it."""
    case = advice.case
    case_lock(case=case, expected_version=expected_version)
    if AdviceRequest.objects.filter(pk=advice.pk, received_on__isnull=False).exists():
        raise AdviceError("This advice has already been recorded as received")
    AdviceRequest.objects.filter(pk=advice.pk).update(received_on=received_on, summary=summary)
    advice.received_on, advice.summary = received_on, summary
    _attach([advice], [upload_store(actor=actor, upload=f) for f in files],
            AdviceFileDirection.RECEIVED)
    case_event_record(
        case=case,
        event=EventKind.ADVICE_RECEIVED,
        occurred_on=received_on,
        actor=actor,
        source=advice.service,
        advice_request=advice.pk,
    )
    case_change_finish(case=case, actor=actor, today=today, why="record advice received",
                       detail={"advice_request": advice.pk, "files": len(files)})
    return advice


@transaction.atomic
def advice_files_add(
    *, actor: User, advice: AdviceRequest, files: Sequence[UploadedFile], today: dt.date
) -> list[AdviceFile]:
    """More files received from the adviser after the advice (a new version of it:
    opensend/advice), kept with the request like the first ones."""
    uploads = [upload_store(actor=actor, upload=f) for f in files]
    _attach([advice], uploads, AdviceFileDirection.RECEIVED)
    case_change_finish(case=advice.case, actor=actor, today=today, why="add advice files",
                       detail={"advice_request": advice.pk, "files": len(files)})
    return list(advice.files.filter(upload__in=uploads))


@transaction.atomic
def advice_chase(
    *, actor: User, advice: AdviceRequest, today: dt.date, expected_version: int | None
) -> AdviceRequest:
    """Record that someone chased the adviser, and send the adviser's organisation a
    reminder (opensend.core.notifications; once per chase, after the change commits)."""
    case_lock(case=advice.case, expected_version=expected_version)
    AdviceRequest.objects.filter(pk=advice.pk).update(
        last_chased_on=today, times_chased=F("times_chased") + 1
    )
    advice.refresh_from_db(fields=["last_chased_on", "times_chased"])
    case_event_record(
        case=advice.case,
        event=EventKind.ADVICE_CHASED,
        occurred_on=today,
        actor=actor,
        advice_request=advice.pk,
        source=advice.service,
    )
    advice_remind(
        advice=advice,
        key=f"chase:{advice.times_chased}",
        words="The council is chasing your advice for an EHC needs assessment",
    )
    case_change_finish(case=advice.case, actor=actor, today=today, why="chase advice")
    return advice


def advice_quote(advice: AdviceRequest) -> str:
    """The advice's summary as it goes into the plan, saying where it came from."""
    kind = AdviceService(advice.service).label
    source = f"{kind} advice from {advice.organisation.name}"
    received = govuk_date(advice.received_on) if advice.received_on else ""
    return f"{source} (received {received}):\n{advice.summary.strip()}"


def plan_target_kind(plan: Plan, working: PlanVersion | None) -> str:
    """The kind of the version the advice goes into: the one being written, else a new
    draft (no plan issued yet) or proposed amendments (after the final plan, Reg 22)."""
    if working is not None:
        return working.kind
    if plan.first_issued_on is None:
        return VersionKind.DRAFT
    return VersionKind.PROPOSED_AMENDMENT


@transaction.atomic
def plan_advice_pull(
    *,
    actor: User,
    advice: AdviceRequest,
    section: str,
    today: dt.date,
    expected_version: int | None,
) -> PlanVersion:
    """Copy the advice's summary into a text section of the working version of the plan
    (started from the last version when none is being written)."""
    if advice.received_on is None or not advice.summary.strip():
        raise AdviceError("This advice has not been received yet: record it first")
    if SECTION_BY_CODE[section].shape != "text":
        raise AdviceError("Choose a section written as text")
    case = advice.case
    plan, _ = Plan.objects.get_or_create(case=case)
    working = working_version(plan)
    source = working or plan.versions.order_by("-number").first()
    current = str(source.sections.get(section, "")) if source else ""
    quote = advice_quote(advice)
    if quote in current:
        raise AdviceError(f"This advice is already in section {section} of the plan")
    text = f"{current.rstrip()}\n\n{quote}" if current.strip() else quote
    return plan_version_save(
        actor=actor,
        case=case,
        kind=plan_target_kind(plan, working),
        sections={section: text},
        today=today,
        expected_version=expected_version,
    )
