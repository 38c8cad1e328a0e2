"""Breakdown groups in SQL: each case's group label for one period, as a CTE ``grp``
(case_id, label) over the projection's cases. The labels, bands and placement types come
from the same tables as the Python engine's (measures.live.people)."""

import datetime as dt
from typing import Any, Final

from opensend.measures.live.people import (
    _FIXED_LABELS,
    AGE_BANDS,
    NOT_KNOWN,
    NOT_RECORDED,
    _postcode_localities,
)
from opensend.people.models import Organisation, OrganisationKind
from opensend.statutory.codes import Ethnicity, NeedType, Sex
from opensend.statutory.indicators.placements import PLACEMENTS, placement_of

__all__ = ["SETTINGS_CTE", "group_cte", "group_params", "settings_params"]

SETTINGS_CTE: Final = """settings AS (
    SELECT * FROM unnest(%(setting_ids)s::int[], %(setting_placements)s::text[],
                         %(setting_in_area)s::bool[], %(setting_localities)s::text[])
        AS s(id, placement, in_area, locality))"""

_ENROLLED: Final = """LEFT JOIN (
    SELECT DISTINCT ON (e.child_id) e.child_id, e.setting_id
    FROM people_enrolment e JOIN people_child ec ON ec.id = e.child_id
    WHERE ec.local_authority_id = %(la)s AND e.start <= %(end)s
      AND (e."end" IS NULL OR e."end" >= %(end)s)
    ORDER BY e.child_id, e.start DESC, e.id DESC) en ON en.child_id = c.child_id
LEFT JOIN settings s ON s.id = COALESCE(c.named_setting_id, en.setting_id)"""
_LOOKUP: Final = (
    "LEFT JOIN unnest(%(group_codes)s::text[], %(group_labels)s::text[]) AS l(code, label)"
    " ON l.code = {column}"
)


def _age_label() -> str:
    """The DfE band of the age on the period's last day (Python: relativedelta years)."""
    bands = [
        f"WHEN ch.date_of_birth + interval '{lowest} years' <= %(end)s THEN %(age_{lowest})s"
        for lowest, _label in reversed(AGE_BANDS[1:])
    ]
    return f"CASE {' '.join(bands)} ELSE %(age_0)s END"


_GROUPS: Final[dict[str, tuple[str, str]]] = {  # breakdown -> (joins, label)
    "age": ("", _age_label()),
    "primary_need": (
        "LEFT JOIN people_childneed n ON n.child_id = c.child_id AND n.rank = 1 "
        + _LOOKUP.format(column="n.need"),
        "COALESCE(l.label, %(otherwise)s)",
    ),
    "sex": (_LOOKUP.format(column="ch.sex"), "COALESCE(l.label, %(otherwise)s)"),
    "ethnicity": (_LOOKUP.format(column="ch.ethnicity"), "COALESCE(l.label, %(otherwise)s)"),
    "setting": (
        _ENROLLED + " " + _LOOKUP.format(column="COALESCE(s.placement, 'elsewhere')"),
        "l.label",
    ),
    "locality": (
        _ENROLLED
        + """ LEFT JOIN unnest(%(districts)s::text[], %(district_localities)s::text[])
            AS d(district, locality)
            ON d.district = upper(split_part(btrim(ch.postcode), ' ', 1))""",
        "COALESCE(NULLIF(s.locality, ''), d.locality, %(otherwise)s)",
    ),
}


def group_cte(breakdown: str) -> str:
    joins, label = _GROUPS[breakdown]
    return f"""grp AS (
    SELECT c.case_id, {label} AS label
    FROM measures_casefact c JOIN people_child ch ON ch.id = c.child_id {joins}
    WHERE c.local_authority_id = %(la)s)"""  # noqa: S608 (constant SQL, bound values)


def _lookup(codes: dict[str, str], otherwise: str) -> dict[str, Any]:
    return {
        "group_codes": list(codes),
        "group_labels": list(codes.values()),
        "otherwise": otherwise,
    }


def group_params(breakdown: str, local_authority_id: int) -> dict[str, Any]:
    if breakdown == "age":
        return {f"age_{lowest}": label for lowest, label in AGE_BANDS}
    if breakdown == "primary_need":
        return _lookup({need.value: need.label for need in NeedType}, NOT_RECORDED)
    if breakdown == "sex":
        return _lookup({sex.value: sex.label for sex in Sex}, Sex.UNKNOWN.label)
    if breakdown == "ethnicity":
        return _lookup({code.value: code.group.label for code in Ethnicity}, NOT_RECORDED)
    if breakdown == "setting":
        return _lookup(dict(PLACEMENTS), "")
    districts = _postcode_localities(local_authority_id)
    return {
        "districts": list(districts),
        "district_localities": list(districts.values()),
        "otherwise": NOT_KNOWN,
    }


def settings_params(local_authority_id: int) -> dict[str, Any]:
    """Every setting (an organisation that is not an LA): its placement type by the pure
    ``placement_of``, whether it is in the area, and its locality."""
    settings = Organisation.objects.exclude(kind=OrganisationKind.LOCAL_AUTHORITY).values_list(
        "pk", "kind", "phase", "is_special", "is_independent", "local_authority_id", "locality"
    )
    ids, placements, in_area, localities = [], [], [], []
    for pk, kind, phase, special, independent, area, locality in settings:
        ids.append(pk)
        placements.append(
            placement_of(kind=kind, phase=phase, is_special=special, is_independent=independent)
        )
        in_area.append(area == local_authority_id)
        localities.append(locality)
    return {
        "setting_ids": ids,
        "setting_placements": placements,
        "setting_in_area": in_area,
        "setting_localities": localities,
    }


def fixed_labels(breakdown: str) -> tuple[str, ...] | None:
    return _FIXED_LABELS.get(breakdown)


def as_of_day(as_of: dt.date | None) -> dt.date:
    """``as_of`` None counts everything recorded: a day after any recorded date."""
    return dt.date.max if as_of is None else as_of
