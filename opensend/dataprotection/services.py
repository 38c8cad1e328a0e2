"""Writing requests under the data subject's rights. Each write is atomic and audited;
the due dates come from the pure opensend.statutory.data_rights (UK GDPR Art. 12(3))."""

import datetime as dt
from typing import Any

from django.db import transaction

from opensend.core.audit import audit
from opensend.core.models import AuditAction, AuditEvent
from opensend.dataprotection.export.package import ExportFile, export_build
from opensend.dataprotection.models import (
    ErasureOutcome,
    ErasureRequest,
    RightsRequest,
    SubjectAccessRequest,
)
from opensend.people.models import Child, FamilyMember, User
from opensend.statutory.data_rights import extension_allowed, response_due


class RequestRefused(ValueError):
    """A change the request's state does not allow: the message says why."""


def _created(actor: User, found: RightsRequest, request: object) -> None:
    audit(actor=actor, action=AuditAction.CREATE, obj=found, child_id=found.child_id,
          why=f"log a {found._meta.verbose_name}", request=request,
          detail={"subject_kind": found.subject_kind, "received_on": str(found.received_on),
                  "due_on": str(found.due_on)})


def _request_fields(*, child: Child, family_member: FamilyMember | None, received_on: dt.date,
                    identity_verified_on: dt.date, **fields: Any) -> dict[str, Any]:
    due = response_due(received_on=received_on, identity_confirmed_on=identity_verified_on)
    return {"child": child, "family_member": family_member, "received_on": received_on,
            "identity_verified_on": identity_verified_on, "due_on": due.due, **fields}


@transaction.atomic
def subject_access_record(*, actor: User, request: object = None, **fields: Any
                          ) -> SubjectAccessRequest:
    """Log a subject access request (Art. 15): due one month after it (or the proof of
    identity) was received."""
    found = SubjectAccessRequest.objects.create(recorded_by=actor, **_request_fields(**fields))
    _created(actor, found, request)
    return found


@transaction.atomic
def erasure_record(*, actor: User, request: object = None, **fields: Any) -> ErasureRequest:
    """Log an erasure request (Art. 17), due like any request under Art. 12(3)."""
    found = ErasureRequest.objects.create(recorded_by=actor, **_request_fields(**fields))
    _created(actor, found, request)
    return found


def _answered(found: RightsRequest) -> bool:
    return bool(getattr(found, "completed_on", None) or getattr(found, "decided_on", None))


@transaction.atomic
def request_extend[R: RightsRequest](*, actor: User, rights_request: R, reason: str, today: dt.date,
                   request: object = None) -> R:
    """Extend by two further months for a complex request, with the reason the person is
    told (Art. 12(3)), only within the first month."""
    found = type(rights_request).objects.select_for_update().get(pk=rights_request.pk)
    if _answered(found):
        raise RequestRefused("This request has already been answered.")
    if found.extended_on is not None:
        raise RequestRefused("This request has already been extended.")
    if not extension_allowed(received_on=found.received_on,
                             identity_confirmed_on=found.identity_verified_on, on=today):
        raise RequestRefused("An extension must be told to the person within the first "
                             f"month, which ended on {found.due_on:%-d %B %Y}.")
    was_due = found.due_on
    found.due_on = response_due(received_on=found.received_on,
                                identity_confirmed_on=found.identity_verified_on,
                                extended=True).due
    found.extended_on, found.extension_reason = today, reason
    found.save(update_fields=["due_on", "extended_on", "extension_reason"])
    audit(actor=actor, action=AuditAction.CHANGE, obj=found, child_id=found.child_id,
          why="extend the time to answer", request=request,
          detail={"extended": True, "due_on": str(found.due_on), "was_due_on": str(was_due)})
    return found


def subject_access_exports(sar: SubjectAccessRequest) -> list[AuditEvent]:
    """The times the export was made, from the audit log: who and when."""
    return list(AuditEvent.objects.filter(
        action=AuditAction.EXPORT, object_type=SubjectAccessRequest.__name__,
        object_id=str(sar.pk)).select_related("actor").order_by("-at"))


def subject_access_export(*, actor: User, sar: SubjectAccessRequest, now: dt.datetime,
                          request: object = None) -> ExportFile:
    """Build the export and audit it: what was exported (records per table, no names),
    its size and its SHA-256, so the copy sent can be matched to the log."""
    export = export_build(sar, generated_at=now)
    audit(actor=actor, action=AuditAction.EXPORT, obj=sar, child_id=sar.child_id,
          why="subject access export", request=request,
          detail={"bytes": export.size, "sha256": export.sha256, "records": export.counts})
    return export


@transaction.atomic
def subject_access_complete(*, actor: User, sar: SubjectAccessRequest, completed_on: dt.date,
                            note: str, request: object = None) -> SubjectAccessRequest:
    """Record that the person was answered: when, and how the copy was given."""
    found = SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)
    if found.completed_on is not None:
        raise RequestRefused("This request has already been answered.")
    if not subject_access_exports(found):
        raise RequestRefused("Export the information before recording the answer.")
    if completed_on < found.received_on:
        raise RequestRefused("The answer cannot be before the request was received.")
    found.completed_on, found.completion_note = completed_on, note
    found.save(update_fields=["completed_on", "completion_note"])
    audit(actor=actor, action=AuditAction.CHANGE, obj=found, child_id=found.child_id,
          why="record the answer to a subject access request", request=request,
          detail={"completed_on": str(completed_on), "late": completed_on > found.due_on})
    return found


@transaction.atomic
def erasure_decide(*, actor: User, erasure: ErasureRequest, outcome: str, kept_because: str,
                   reason: str, decided_on: dt.date, request: object = None) -> ErasureRequest:
    """Record the outcome: what was erased, and for anything kept its Art. 17(3) ground
    (an EHC record the SEND Regulations 2014 require the council to keep, a tribunal
    appeal...)."""
    found = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
    if found.decided_on is not None:
        raise RequestRefused("The outcome of this request has already been recorded.")
    if decided_on < found.received_on:
        raise RequestRefused("The decision cannot be before the request was received.")
    found.outcome, found.outcome_reason, found.decided_on = outcome, reason, decided_on
    found.kept_because = "" if outcome == ErasureOutcome.ERASED else kept_because
    found.save(update_fields=["outcome", "kept_because", "outcome_reason", "decided_on"])
    audit(actor=actor, action=AuditAction.CHANGE, obj=found, child_id=found.child_id,
          why="record the outcome of an erasure request", request=request,
          detail={"outcome": outcome, "kept_because": found.kept_because,
                  "decided_on": str(decided_on), "late": decided_on > found.due_on})
    return found
