"""Mediation (CFA s52-57; Reg 33) and appeals to the First-tier Tribunal (CFA s51)."""

import datetime as dt

from django.db import transaction

from opensend.casework.models import Case, Dispute, DisputeKind, EventKind
from opensend.casework.services.common import case_change_finish, case_event_record, case_lock
from opensend.people.models import User


@transaction.atomic
def dispute_record(
    *,
    actor: User,
    case: Case,
    kind: str,
    decision: str,
    started_on: dt.date,
    today: dt.date,
    expected_version: int | None,
    certificate_on: dt.date | None = None,
) -> Dispute:
    case_lock(case=case, expected_version=expected_version)
    dispute = Dispute.objects.create(case=case, kind=kind, decision=decision, started_on=started_on)
    event = (
        EventKind.MEDIATION_RECORDED
        if kind == DisputeKind.MEDIATION
        else EventKind.TRIBUNAL_RECORDED
    )
    case_event_record(
        case=case,
        event=event,
        occurred_on=started_on,
        actor=actor,
        decision=decision,
        dispute=dispute.pk,
    )
    if certificate_on is not None:  # the appeal window may run from the certificate
        case_event_record(
            case=case,
            event=EventKind.MEDIATION_CERTIFICATE,
            occurred_on=certificate_on,
            actor=actor,
        )
    case_change_finish(case=case, actor=actor, today=today, why=f"record {kind}")
    return dispute


@transaction.atomic
def dispute_conclude(
    *,
    actor: User,
    dispute: Dispute,
    concluded_on: dt.date,
    outcome: str,
    today: dt.date,
    expected_version: int | None = None,
) -> Dispute:
    """Record how mediation or an appeal ended (the measures read `outcome`'s words)."""
    case_lock(case=dispute.case, expected_version=expected_version)
    Dispute.objects.filter(pk=dispute.pk).update(concluded_on=concluded_on, outcome=outcome)
    dispute.refresh_from_db()
    case_change_finish(
        case=dispute.case,
        actor=actor,
        today=today,
        why=f"conclude {dispute.kind}",
        detail={"dispute": dispute.pk, "outcome": outcome},
    )
    return dispute
