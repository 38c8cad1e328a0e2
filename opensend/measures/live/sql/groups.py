"""Breakdown groups in SQL: each case's group in every breakdown asked for, for one period,
as a CTE ``grp`` (case_id and one column per breakdown) over the projection's cases.

The fixed groups of the child (sex, ethnicity group, primary need) and the date of birth
and postcode district are stored on the case fact (facts/rows.py, by the same functions
as the Python engine's measures.live.people), so grouping by them needs no join; the age
band is worked out for the period's last day, and the setting (named by the plan, else the
enrolment on that day) and the locality are joined from the settings, which are few.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

from opensend.measures.live.people import (
    _FIXED_LABELS,
    AGE_BANDS,
    NOT_KNOWN,
    _postcode_localities,
)
from opensend.people.models import Organisation, OrganisationKind
from opensend.statutory.indicators.placements import PLACEMENTS, placement_of

__all__ = ["SETTINGS_CTE", "group_column", "group_cte", "group_params", "settings_params"]

SETTINGS_CTE: Final = """settings AS (
    SELECT * FROM unnest(%(setting_ids)s::int[], %(setting_placements)s::text[],
                         %(setting_in_area)s::bool[], %(setting_localities)s::text[])
        AS s(id, placement, in_area, locality))"""

# The setting on the period's last day of the cases whose plan names none (the latest
# enrolment started by then and not ended before it), and that setting.
_ENROLLED: Final = """LEFT JOIN (
    SELECT DISTINCT ON (e.child_id) e.child_id, e.setting_id
    FROM people_enrolment e
    WHERE e.child_id IN (SELECT child_id FROM measures_casefact
                         WHERE local_authority_id = %(la)s AND named_setting_id IS NULL)
      AND e.start <= %(end)s AND (e."end" IS NULL OR e."end" >= %(end)s)
    ORDER BY e.child_id, e.start DESC, e.id DESC) en
    ON c.named_setting_id IS NULL AND en.child_id = c.child_id
LEFT JOIN settings s ON s.id = COALESCE(c.named_setting_id, en.setting_id)"""
_PLACEMENT: Final = """LEFT JOIN unnest(%(placement_codes)s::text[], %(placement_labels)s::text[])
    AS pl(code, label) ON pl.code = COALESCE(s.placement, 'elsewhere')"""
_DISTRICT: Final = """LEFT JOIN unnest(%(districts)s::text[], %(district_localities)s::text[])
    AS d(district, locality) ON d.district = c.postcode_district"""


def _age_label() -> str:
    """The DfE band of the age on the period's last day (Python: relativedelta years)."""
    bands = [
        f"WHEN c.date_of_birth + interval '{lowest} years' <= %(end)s THEN %(age_{lowest})s"
        for lowest, _label in reversed(AGE_BANDS[1:])
    ]
    return f"CASE {' '.join(bands)} ELSE %(age_0)s END"


# breakdown -> its column of grp (the SQL of its label)
_LABELS: Final[dict[str, str]] = {
    "age": _age_label(),
    "primary_need": "c.need_group",
    "sex": "c.sex_group",
    "ethnicity": "c.ethnicity_group",
    "setting": "pl.label",
    "locality": "COALESCE(NULLIF(s.locality, ''), d.locality, %(not_known)s)",
}
_NEEDS_SETTING: Final = {"setting", "locality"}


def group_column(breakdown: str) -> str:
    """The column of ``grp`` holding the breakdown's group label."""
    return f"g_{breakdown}"


def group_cte(breakdowns: Sequence[str]) -> str:
    """``grp``: every case of the area with its group in each of ``breakdowns``; the
    enrolments and settings are joined only when a breakdown needs them."""
    columns = ", ".join(f"{_LABELS[key]} AS {group_column(key)}" for key in breakdowns)
    joins = []
    if _NEEDS_SETTING & set(breakdowns):
        joins.append(_ENROLLED)
    if "setting" in breakdowns:
        joins.append(_PLACEMENT)
    if "locality" in breakdowns:
        joins.append(_DISTRICT)
    return f"""grp AS MATERIALIZED (
    SELECT c.case_id, {columns}
    FROM measures_casefact c {" ".join(joins)}
    WHERE c.local_authority_id = %(la)s)"""  # noqa: S608 (constant SQL, bound values)


def group_params(breakdowns: Sequence[str], local_authority_id: int) -> dict[str, Any]:
    params: dict[str, Any] = {f"age_{lowest}": label for lowest, label in AGE_BANDS}
    params |= {"placement_codes": list(PLACEMENTS), "placement_labels": list(PLACEMENTS.values())}
    params["not_known"] = NOT_KNOWN
    districts = _postcode_localities(local_authority_id) if "locality" in breakdowns else {}
    params |= {"districts": list(districts), "district_localities": list(districts.values())}
    return params


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
