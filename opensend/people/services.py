"""Writes to people: atomic, named `<entity>_<action>`, keyword-only, audited."""

import datetime as dt

from django.db import transaction

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import Child, ChildNeed, Organisation, User


@transaction.atomic
def child_create(
    *, actor: User, local_authority: Organisation, legal_forename: str, legal_surname: str,
    date_of_birth: dt.date, sex: str, upn: str = "", postcode: str = "", primary_need: str = "",
    preferred_name: str = "",
) -> Child:
    """Record a child newly known to the SEND service, with their primary need if known."""
    child = Child.objects.create(
        local_authority=local_authority, legal_forename=legal_forename,
        legal_surname=legal_surname, preferred_name=preferred_name, date_of_birth=date_of_birth,
        sex=sex, upn=upn, postcode=postcode)
    if primary_need:
        ChildNeed.objects.create(child=child, need=primary_need, rank=1)
    audit(actor=actor, action=AuditAction.CREATE, obj=child, child_id=child.pk,
          why="record a new child")
    return child
