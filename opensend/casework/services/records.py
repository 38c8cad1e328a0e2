"""Complete records (issue 9): the child's details, the people with parental
responsibility, and where the child is placed when no setting with a URN is named (the
setting a final plan names becomes an enrolment: services/placements.py).

Each change made from a case page is taken under the case's optimistic lock, like every
other casework write, so two people editing the same case never overwrite each other;
people/services.py records the change itself as an append-only ChildRecordChange with
its audit row.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from opensend.casework.models import Case, Plan
from opensend.casework.services.common import case_change_finish, case_lock
from opensend.casework.services.plans import PlanStateError
from opensend.people.models import ChildRecordChange, FamilyMember, User
from opensend.people.services import (
    child_details_change,
    family_member_add,
    family_member_change,
)


@transaction.atomic
def child_details_record(
    *,
    actor: User,
    case: Case,
    details: dict[str, Any],
    primary_need: str = "",
    secondary_need: str = "",
    today: dt.date,
    expected_version: int | None,
) -> ChildRecordChange | None:
    """Change the details of the case's child (validated by the form)."""
    case_lock(case=case, expected_version=expected_version)
    change = child_details_change(
        actor=actor,
        child=case.child,
        details=details,
        primary_need=primary_need,
        secondary_need=secondary_need,
    )
    case_change_finish(
        case=case,
        actor=actor,
        today=today,
        why="change the child's details",
        detail={"record_change": change.pk if change else None},
    )
    return change


@transaction.atomic
def family_member_record(
    *,
    actor: User,
    case: Case,
    member: FamilyMember | None,
    today: dt.date,
    expected_version: int | None,
    **fields: Any,
) -> FamilyMember:
    """Add a person with parental responsibility to the case's child (member None), or
    change what is recorded about one."""
    case_lock(case=case, expected_version=expected_version)
    if member is None:
        member = family_member_add(actor=actor, child=case.child, **fields)
        why = "add a person with parental responsibility"
    else:
        family_member_change(actor=actor, member=member, **fields)
        why = "change a person with parental responsibility"
    case_change_finish(
        case=case, actor=actor, today=today, why=why, detail={"family_member": member.pk}
    )
    return member


def names_identified_setting(plan: Plan) -> bool:
    """The plan names a setting with a URN or UKPRN (SEN2 PlanDetail), so no setting
    code is needed: SEN2 A04 fails a placement that has both."""
    setting = plan.named_setting
    return setting is not None and bool(setting.urn or setting.ukprn)


@transaction.atomic
def plan_setting_code_record(
    *, actor: User, case: Case, setting_code: str, today: dt.date, expected_version: int | None
) -> Plan:
    """Where the child is placed when the plan names no setting with a URN or UKPRN
    (SEN2 setting codes: EHE, NEET, OLA...)."""
    case_lock(case=case, expected_version=expected_version)
    plan = Plan.objects.select_related("named_setting").filter(case=case).first()
    if plan is None:
        raise PlanStateError("There is no plan yet: write the plan first.")
    if names_identified_setting(plan):
        raise PlanStateError(
            f"The plan names {plan.named_setting.name}, which has a URN or UKPRN: "  # type: ignore[union-attr]
            "a setting code is only for a placement without one."
        )
    Plan.objects.filter(pk=plan.pk).update(setting_code=setting_code)
    plan.setting_code = setting_code
    case_change_finish(
        case=case,
        actor=actor,
        today=today,
        why="record the setting code",
        detail={"setting_code": setting_code},
    )
    return plan
