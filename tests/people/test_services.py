"""Writes to people: recording a child new to the service."""

import datetime as dt

from opensend.core.models import AuditAction, AuditEvent
from opensend.people.services import child_create


def test_child_create_records_the_child_their_primary_need_and_an_audit_row(cara, area):
    child = child_create(
        actor=cara,
        local_authority=area.northshire,
        legal_forename="Maya",
        legal_surname="Okafor",
        date_of_birth=dt.date(2019, 4, 3),
        sex="F",
        postcode="NR1 2AB",
        primary_need="SLCN",
    )

    assert (child.local_authority, child.full_name, child.upn) == (
        area.northshire,
        "Maya Okafor",
        "",
    )
    assert list(child.needs.values_list("need", "rank")) == [("SLCN", 1)]
    audit = AuditEvent.objects.get(action=AuditAction.CREATE)
    assert (audit.actor, audit.child_id, audit.object_type) == (cara, child.pk, "Child")
    assert "SLCN" not in str(audit.detail)  # no health details in the audit trail


def test_child_create_without_a_primary_need(cara, area):
    child = child_create(
        actor=cara,
        local_authority=area.northshire,
        legal_forename="Sam",
        legal_surname="Lee",
        date_of_birth=dt.date(2021, 1, 1),
        sex="U",
    )
    assert not child.needs.exists()
