"""The young person decides which parent keeps access to their EHC record (issue 11,
item 1; CFA 2014 s80 and s83(2); SEND Regs 2014 reg 17).

Each decision is a new people.ParentAccessDecision row (append-only) and is audited; the
people.YoungPersonConsent row that visible_children reads is given or withdrawn at once,
so the parent's next request follows the decision.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import (
    Child,
    FamilyMember,
    ParentAccessDecision,
    User,
    YoungPersonConsent,
)
from opensend.people.rules import standing_consents
from opensend.statutory.family_rights import may_decide_parent_access


@dataclass(frozen=True)
class ParentAccess:
    member: FamilyMember
    has_access: bool
    decided_on: dt.date | None


def own_record(user: User) -> Child | None:
    return Child.objects.filter(young_person_user=user).first()


def parents_of(child: Child, today: dt.date) -> list[ParentAccess]:
    """Each person with parental responsibility, whether they see the record today and
    when the young person last decided about them."""
    standing = set(
        standing_consents(today).filter(child=child).values_list("family_member_id", flat=True)
    )
    last = {
        decision.family_member_id: decision.decided_on
        for decision in ParentAccessDecision.objects.filter(child=child).order_by("decided_at")
    }
    members = FamilyMember.objects.filter(child=child, holds_parental_responsibility=True)
    return [
        ParentAccess(member=m, has_access=m.pk in standing, decided_on=last.get(m.pk))
        for m in members.order_by("name", "pk")
    ]


def parent_access_decide(
    *, young_person: User, member_id: int, keeps_access: bool, today: dt.date,
    request: object = None,
) -> bool:
    """Record the young person's decision about one parent; False when they may not
    decide (not their own record, not yet a young person, not their parent)."""
    child = own_record(young_person)
    if child is None or not may_decide_parent_access(
        own_record=True, date_of_birth=child.date_of_birth, today=today
    ):
        return False
    member = FamilyMember.objects.filter(
        pk=member_id, child=child, holds_parental_responsibility=True
    ).first()
    if member is None:
        return False
    with transaction.atomic():
        _consent_follow(child, member, keeps_access, young_person, today)
        decision = ParentAccessDecision.objects.create(
            child=child, family_member=member, keeps_access=keeps_access,
            decided_on=today, decided_by=young_person,
        )
        audit(actor=young_person, action=AuditAction.CHANGE, obj=decision, child_id=child.pk,
              why="young person decided a parent's access", request=request,
              detail={"family_member": member.pk, "keeps_access": keeps_access})
    return True


def _consent_follow(
    child: Child, member: FamilyMember, keeps_access: bool, by: User, today: dt.date
) -> None:
    standing = standing_consents(today).filter(child=child, family_member=member)
    if keeps_access and not standing.exists():
        YoungPersonConsent.objects.create(
            child=child, family_member=member, given_on=today, recorded_by=by
        )
    elif not keeps_access:
        standing.update(withdrawn_on=today)
