"""Build the inspection lists' rows from the database, as they stand on a given day.

List 1: every child or young person whose EHC plan is in place on the day (the final
plan was issued on or before it and it has not ceased).
List 2, SEN support: OpenSEND has no "SEN support" flag, because a school records SEN
support in its own system and the school census (SEN provision "K"). OpenSEND counts a
child as on SEN support when it knows their special educational needs (at least one
ranked need), they are on roll at a setting on the day, and no EHC plan of theirs is in
place. That covers the children known to the SEND service (for example a request that was
refused or is being assessed), not every child on SEN support in the area's schools:
docs/inspection-lists.md says so and how to complete the list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Max, Q, QuerySet

from opensend.casework.models import AnnualReview, Plan, PlanVersion, VersionKind
from opensend.measures.returns.inspection.columns import InspectionRow
from opensend.people.models import Child, ChildNeed, Enrolment, Organisation
from opensend.statutory import codes, school_year

__all__ = ["list1_rows", "list2_rows", "setting_type"]

_ISSUED_KINDS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)


def setting_type(setting: Organisation) -> str:
    independent = " (independent)" if setting.is_independent else ""
    if setting.is_special:
        return f"Special{independent}"
    if setting.kind == "college" or setting.phase in ("post16", "further_education"):
        return f"Post-16{independent}"
    if setting.kind == "early_years" or setting.phase == "early_years":
        return f"Early years{independent}"
    return f"Mainstream{independent}"


def _needs(children: QuerySet[Child]) -> dict[int, list[str]]:
    needs: dict[int, list[str]] = defaultdict(list)
    for child_id, need in (
        ChildNeed.objects.filter(child__in=children)
        .order_by("child_id", "rank")
        .values_list("child_id", "need")
    ):
        needs[child_id].append(need)
    return needs


def _setting_fields(setting: Organisation | None) -> dict[str, str]:
    if setting is None:
        return {}
    phase = codes.SettingPhase(setting.phase).label if setting.phase else ""
    return {
        "setting_name": setting.name,
        "setting_urn": setting.urn,
        "setting_ukprn": setting.ukprn,
        "setting_phase": phase,
        "setting_type": setting_type(setting),
    }


def _row(child: Child, needs: list[str], on: dt.date, **fields: object) -> InspectionRow:
    return InspectionRow(
        child_id=child.pk,
        surname=child.legal_surname,
        forename=child.legal_forename,
        upn=child.upn,
        uln=child.uln,
        date_of_birth=child.date_of_birth,
        age=school_year.age_on(child.date_of_birth, on),
        nc_year=school_year.nc_year(child.date_of_birth, on),
        sex=child.sex,
        ethnicity=child.ethnicity,
        postcode=child.postcode,
        primary_need=needs[0] if needs else "",
        secondary_need=needs[1] if len(needs) > 1 else "",
        **fields,  # type: ignore[arg-type]
    )


def plans_in_place(children: QuerySet[Child], on: dt.date) -> QuerySet[Plan]:
    return Plan.objects.filter(case__child__in=children, first_issued_on__lte=on).filter(
        Q(ceased_on__isnull=True) | Q(ceased_on__gt=on)
    )


def list1_rows(children: QuerySet[Child], on: dt.date) -> list[InspectionRow]:
    plans = list(
        plans_in_place(children, on)
        .select_related("case__child", "named_setting")
        .order_by("case__child__legal_surname", "case__child__legal_forename", "pk")
    )
    updated = dict(
        PlanVersion.objects.filter(plan__in=[p.pk for p in plans], kind__in=_ISSUED_KINDS)
        .filter(issued_on__lte=on)
        .values("plan_id")
        .annotate(last=Max("issued_on"))
        .values_list("plan_id", "last")
    )
    reviewed = dict(
        AnnualReview.objects.filter(case__in=[p.case_id for p in plans], meeting_on__lte=on)
        .values("case_id")
        .annotate(last=Max("meeting_on"))
        .values_list("case_id", "last")
    )
    needs = _needs(children)
    return [
        _row(
            plan.case.child,
            needs.get(plan.case.child_id, []),
            on,
            plan_first_issued=plan.first_issued_on,
            plan_last_updated=updated.get(plan.pk),
            last_annual_review=reviewed.get(plan.case_id),
            setting_code="" if plan.named_setting else plan.setting_code,
            **_setting_fields(plan.named_setting),
        )
        for plan in plans
    ]


def list2_rows(children: QuerySet[Child], on: dt.date) -> list[InspectionRow]:
    with_plan = plans_in_place(children, on).values("case__child_id")
    on_roll = (
        Enrolment.objects.filter(child__in=children, start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .exclude(child_id__in=with_plan)
        .filter(child__needs__isnull=False)
        .distinct()
        .select_related("child", "setting")
        .order_by("child__legal_surname", "child__legal_forename", "child_id", "-start", "pk")
    )
    needs = _needs(children)
    rows: dict[int, InspectionRow] = {}
    for enrolment in on_roll:
        if enrolment.child_id not in rows:  # the latest spell is the main setting
            rows[enrolment.child_id] = _row(
                enrolment.child,
                needs.get(enrolment.child_id, []),
                on,
                **_setting_fields(enrolment.setting),
            )
    return list(rows.values())
