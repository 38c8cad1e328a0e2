"""Drill-down: the cases behind a live figure, for staff allowed to see them.

Only the local authority's own casework staff (SEN manager, caseworker) may drill down,
and each sees only the cases of children they may see anyway
(``people.rules.visible_children``): a caseworker their own cases, a SEN manager every
case of the area. Every list is written to the audit log with the children it showed;
a refusal is a 404 (never a 403) and is audited too.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from django.http import Http404
from django.utils import timezone

from opensend.casework.models import Case
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.permissions import has_perm
from opensend.measures.live.figures import kinds_read as _kinds_read
from opensend.measures.live.figures import measure_rows, split_rows
from opensend.measures.live.people import BREAKDOWNS, groups_of
from opensend.measures.live.sql.engine import case_ids_behind
from opensend.people.models import User
from opensend.people.rules import visible_children
from opensend.statutory.indicators import INDICATORS, MeasureRows, Period

__all__ = ["CaseBehind", "DrillDownRefused", "cases_behind"]

Part = Literal["numerator", "denominator"]


class DrillDownRefused(Http404):
    """Not casework staff of that area, or no such indicator, breakdown or group."""


@dataclass(frozen=True)
class CaseBehind:
    case_id: int
    child_id: int
    child_name: str
    stage: str  # Case.stage


def _refuse(user: User, detail: dict[str, object], request: object) -> DrillDownRefused:
    audit(
        actor=user,
        action=AuditAction.DENIED,
        why="indicator drill-down",
        detail=detail,
        request=request,
    )
    return DrillDownRefused("no such figure for this user")


def _refs(
    local_authority_id: int,
    code: str,
    period: Period,
    breakdown: str | None,
    group: str | None,
    part: Part,
) -> set[int]:
    rows = measure_rows(
        local_authority_id=local_authority_id, period=period, kinds=_kinds_read(code)
    )
    if breakdown is not None and group is not None:
        groups = groups_of(local_authority_id, breakdown, period)
        rows = split_rows(rows, groups).get(group, MeasureRows())
    value = INDICATORS[code].formula(rows, period)
    behind = value.numerator_rows if part == "numerator" else value.denominator_rows
    return {ref for row in behind if isinstance(ref := getattr(row, "ref", None), int)}


def cases_behind(
    *,
    user: User,
    local_authority_id: int,
    code: str,
    period: Period,
    group: str | None = None,
    breakdown: str | None = None,
    part: Part = "numerator",
    today: dt.date | None = None,
    request: object = None,
) -> list[CaseBehind]:
    """The cases counted in ``part`` of the figure, those ``user`` may see, by case id."""
    detail: dict[str, object] = {
        "indicator": code,
        "period": [period.start.isoformat(), period.end.isoformat()],
        "breakdown": breakdown or "",
        "group": group or "",
        "part": part,
    }
    valid = (
        code in INDICATORS
        and part in ("numerator", "denominator")
        and (breakdown is None or breakdown in BREAKDOWNS)
        and (group is None or breakdown is not None)
    )
    if not valid or not has_perm(user, "measures.list_cases_behind", local_authority_id):
        raise _refuse(user, detail, request)
    refs = case_ids_behind(  # the same projection the figure was counted from
        local_authority_id=local_authority_id,
        code=code,
        period=period,
        part=part,
        breakdown=breakdown,
        group=group,
    )
    seen = visible_children(user, today or timezone.localdate())
    cases = (
        Case.objects.filter(pk__in=refs, local_authority_id=local_authority_id, child__in=seen)
        .order_by("pk")
        .values_list(
            "pk",
            "child_id",
            "child__preferred_name",
            "child__legal_forename",
            "child__legal_surname",
            "stage",
        )
    )
    behind = [
        CaseBehind(case_id, child_id, f"{preferred or forename} {surname}", stage)
        for case_id, child_id, preferred, forename, surname, stage in cases
    ]
    detail["children"] = sorted({case.child_id for case in behind})
    detail["cases"] = [case.case_id for case in behind]
    audit(
        actor=user,
        action=AuditAction.LIST,
        why="indicator drill-down",
        detail=detail,
        request=request,
    )
    return behind
