"""Reads of a child's record on the case page (issue 9): the child's details and needs,
the people with parental responsibility, the changes made to the record, and the plan's
placement.

Every function takes a `case` that came from selectors.case_get, which has checked that
the user may see it and audited the read; nothing here widens what a user may see.
"""

from dataclasses import dataclass

from django.http import Http404

from opensend.casework.models import Case, Plan
from opensend.people.models import ChildRecordChange, FamilyMember


def family_member_for(case: Case, member_id: int) -> FamilyMember:
    """A family member of the case's child, or 404."""
    member = FamilyMember.objects.filter(child_id=case.child_id, pk=member_id).first()
    if member is None:
        raise Http404
    return member


def child_needs(case: Case) -> dict[str, str]:
    """The child's primary and secondary needs (SEN2 ranks 1 and 2), "" when not recorded."""
    ranked = dict(case.child.needs.values_list("rank", "need"))
    return {"primary_need": ranked.get(1, ""), "secondary_need": ranked.get(2, "")}


def case_plan(case: Case) -> Plan | None:
    return Plan.objects.filter(case=case).select_related("named_setting").first()


@dataclass(frozen=True)
class ChildRecord:
    family: list[FamilyMember]
    changes: list[ChildRecordChange]
    needs: dict[str, str]
    plan: Plan | None


def child_record(case: Case) -> ChildRecord:
    """What the case page shows of the child's record (4 queries)."""
    family = FamilyMember.objects.filter(child_id=case.child_id)
    changes = ChildRecordChange.objects.filter(child_id=case.child_id)
    return ChildRecord(
        family=list(family.order_by("-holds_parental_responsibility", "pk")),
        changes=list(changes.select_related("changed_by", "family_member").order_by(
            "changed_at", "pk")),
        needs=child_needs(case),
        plan=case_plan(case),
    )
