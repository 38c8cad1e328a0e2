"""Draft and final plans (Reg 11-14) and amended plans after a review (Reg 22).

Every version is kept. A version is editable until it is issued; issuing it fixes it,
records the statutory event and keeps the exact PDF and Word files sent (issued.py). What
a version is issued as (draft, final...) is chosen when it is issued, not while it is
edited. A new working version starts as a copy of the last.
"""

import copy
import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max

from opensend.casework.models import (
    Case,
    EventKind,
    Plan,
    PlanVersion,
    Stage,
    VersionKind,
)
from opensend.casework.plan_sections import empty_sections
from opensend.casework.services.common import (
    case_change_finish,
    case_event_record,
    case_lock,
    case_stage_set,
)
from opensend.casework.services.issued import plan_version_files_store
from opensend.casework.services.placements import enrolment_from_plan
from opensend.people.models import Organisation, User

_ISSUE_EVENT = {
    VersionKind.DRAFT: EventKind.DRAFT_PLAN_ISSUED,
    VersionKind.FINAL: EventKind.FINAL_PLAN_ISSUED,
    VersionKind.PROPOSED_AMENDMENT: EventKind.AMENDMENT_PROPOSED,
    VersionKind.AMENDED_FINAL: EventKind.AMENDED_PLAN_ISSUED,
}


class PlanStateError(Exception):
    """The plan is not in a state where this can be done."""


def working_version(plan: Plan) -> PlanVersion | None:
    return plan.versions.filter(issued_on__isnull=True).order_by("-number").first()


def _next_number(plan: Plan) -> int:
    return (plan.versions.aggregate(top=Max("number"))["top"] or 0) + 1


def _start_version(plan: Plan, kind: str, actor: User) -> PlanVersion:
    last = plan.versions.order_by("-number").first()
    sections = copy.deepcopy(last.sections) if last else empty_sections()
    return PlanVersion.objects.create(
        plan=plan, number=_next_number(plan), kind=kind, sections=sections, created_by=actor
    )


@transaction.atomic
def plan_version_save(
    *,
    actor: User,
    case: Case,
    kind: str,
    sections: dict[str, Any],
    today: dt.date,
    expected_version: int | None,
) -> PlanVersion:
    """Save sections of the working version (creating it, and the plan, when needed).

    Only the sections given change: each section of the editor saves as you go. The
    setting in section I is named in the plan (Plan.named_setting) only when a final
    plan is issued: a draft names none (CFA 2014 s38(5)).
    """
    case_lock(case=case, expected_version=expected_version)
    plan, _ = Plan.objects.get_or_create(case=case)
    version = working_version(plan)
    if version is None:
        version = _start_version(plan, kind, actor)
    # An unissued version keeps its text when it becomes another kind (a draft being
    # turned into the final plan): nothing typed is thrown away.
    version.kind = kind
    version.sections = {**version.sections, **sections}
    version.save(update_fields=["kind", "sections"])
    case_change_finish(
        case=case,
        actor=actor,
        today=today,
        why=f"edit {kind} plan",
        detail={"plan_version": version.number},
    )
    return version


# The Plan fields a final plan's issue may set (SEN2 items; casework forms PlanIssueForm).
PROVISION_FIELDS = frozenset({
    "transferred_from_la", "sen_unit", "resourced_provision", "residential",
    "work_based_learning", "personal_budget", "organised_arrangement", "direct_payment",
})


@transaction.atomic
def plan_version_issue(
    *,
    actor: User,
    case: Case,
    issued_on: dt.date,
    today: dt.date,
    expected_version: int | None,
    kind: str | None = None,
    provision: dict[str, Any] | None = None,
) -> PlanVersion:
    """Issue the working version as `kind` (or the kind it was saved as): fix it, record
    the statutory event and keep the files sent. ``provision`` (for a final or amended
    final plan) records what the plan provides besides the named setting, as SEN2
    reports it."""
    case_lock(case=case, expected_version=expected_version)
    plan = Plan.objects.select_for_update().get(case=case)
    version = working_version(plan)
    if version is None:
        raise PlanStateError("There is no unissued version of the plan to issue.")
    version.kind = kind or version.kind
    version.issued_on = issued_on
    PlanVersion.objects.filter(pk=version.pk).update(issued_on=issued_on, kind=version.kind)
    case_event_record(
        case=case,
        event=_ISSUE_EVENT[VersionKind(version.kind)],
        occurred_on=issued_on,
        actor=actor,
        plan_version=version.number,
    )
    _after_issue(case, plan, version, actor)
    if provision is not None and version.kind in (VersionKind.FINAL, VersionKind.AMENDED_FINAL):
        _provision_set(plan, provision)
    plan_version_files_store(version=version, actor=actor)
    case_change_finish(
        case=case,
        actor=actor,
        today=today,
        why=f"issue {version.kind} plan",
        detail={"plan_version": version.number},
    )
    return version


def _after_issue(case: Case, plan: Plan, version: PlanVersion, actor: User) -> None:
    if version.kind == VersionKind.DRAFT:
        case_stage_set(case, Stage.DRAFTING)
    elif version.kind == VersionKind.FINAL:
        case_stage_set(case, Stage.PLAN)
        if plan.first_issued_on is None:
            Plan.objects.filter(pk=plan.pk).update(first_issued_on=version.issued_on)
    if version.kind in (VersionKind.FINAL, VersionKind.AMENDED_FINAL):
        _name_setting(case, plan, version, actor)


def _name_setting(case: Case, plan: Plan, version: PlanVersion, actor: User) -> None:
    """The setting section I of an issued final plan names becomes the plan's setting,
    and the child's setting from its start date (services/placements.py)."""
    setting_id = (version.sections.get("I") or {}).get("setting_id")
    named = Organisation.objects.filter(pk=setting_id).first() if setting_id else None
    Plan.objects.filter(pk=plan.pk).update(named_setting=named)
    plan.named_setting = named
    enrolment_from_plan(actor=actor, case=case, plan=plan, version=version)


def _provision_set(plan: Plan, provision: dict[str, Any]) -> None:
    unknown = set(provision) - PROVISION_FIELDS
    if unknown:
        raise ValueError(f"not plan provision fields: {sorted(unknown)}")
    values = dict(provision)
    # A direct payment or an organised arrangement is a personal budget (CFA s49).
    values["personal_budget"] = bool(
        values.get("personal_budget")
        or values.get("organised_arrangement")
        or values.get("direct_payment")
    )
    Plan.objects.filter(pk=plan.pk).update(**values)
