"""The setting named in a final plan becomes the child's setting (issue 9).

Called when a final or final amended plan is issued (services/plans.py), in the same
transaction, so the enrolment and the issued plan cannot disagree.
"""

import datetime as dt

from opensend.casework.models import Case, PhaseTransfer, Plan, PlanVersion, VersionKind
from opensend.people.models import Organisation, User
from opensend.people.services import enrolment_start


def _placement_start(case: Case, setting: Organisation, issued_on: dt.date) -> dt.date:
    """The day the child starts at the setting the plan names: the day the plan is
    issued, or the day of a coming phase transfer to that setting (Reg 18: the plan
    names the next setting months before the move)."""
    transfer = (
        PhaseTransfer.objects.filter(case=case, to_setting=setting, transfer_date__gt=issued_on)
        .order_by("transfer_date")
        .first()
    )
    return transfer.transfer_date if transfer else issued_on


def enrolment_from_plan(
    *, actor: User | None, case: Case, plan: Plan, version: PlanVersion
) -> None:
    """The setting named in a final (or final amended) plan becomes the child's setting
    from its start date (CFA s39(5)/s40: the school named must admit the child)."""
    if version.kind not in (VersionKind.FINAL, VersionKind.AMENDED_FINAL):
        return
    setting = Organisation.objects.filter(pk=plan.named_setting_id).first()
    if setting is None or version.issued_on is None:
        return
    enrolment_start(
        actor=actor,
        child=case.child,
        setting=setting,
        start=_placement_start(case, setting, version.issued_on),
    )
