"""Breakdowns: which group each case's child falls in, for one period.

BREAKDOWNS lists the breakdowns in display order; ``groups_of`` answers, for every case
of the area, its group label in one breakdown, from one query on cases (child, primary
need, the plan's named setting) and one on current enrolments.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from dateutil.relativedelta import relativedelta
from django.db.models import FilteredRelation, Q

from opensend.casework.models import Case
from opensend.measures.live.fetch import tuples
from opensend.people.models import Enrolment, Organisation, OrganisationKind
from opensend.statutory.codes import Ethnicity, EthnicityGroup, NeedType, Sex
from opensend.statutory.indicators import Period
from opensend.statutory.indicators.placements import PLACEMENTS, placement_of

__all__ = [
    "AGE_BANDS",
    "BREAKDOWNS",
    "NOT_KNOWN",
    "NOT_RECORDED",
    "fixed_groups",
    "groups_from",
    "groups_of",
    "labels_of",
    "people_of",
    "postcode_district",
]

BREAKDOWNS: Final[dict[str, str]] = {
    "age": "Age",
    "primary_need": "Primary need",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "setting": "Setting type",
    "locality": "Locality",
}
# The DfE's SEN2 age bands (age on the last day of the period).
AGE_BANDS: Final = (
    (0, "Under 5"),
    (5, "5 to 10"),
    (11, "11 to 15"),
    (16, "16 to 19"),
    (20, "20 to 25"),
)
NOT_RECORDED: Final = "Not recorded"
NOT_KNOWN: Final = "Not known"
_FIXED_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "age": tuple(label for _, label in AGE_BANDS),
    "primary_need": (*(need.label for need in NeedType), NOT_RECORDED),
    "sex": tuple(sex.label for sex in Sex),
    "ethnicity": (*(group.label for group in EthnicityGroup), NOT_RECORDED),
    "setting": tuple(PLACEMENTS.values()),
}


@dataclass(frozen=True)
class Person:
    """What a breakdown reads about one case's child."""

    born: dt.date
    sex: str
    ethnicity: str
    need: str | None
    placement: str
    locality: str


def age_band(born: dt.date, on: dt.date) -> str:
    age = relativedelta(on, born).years
    label = AGE_BANDS[0][1]
    for lowest, band in AGE_BANDS:
        if age >= lowest:
            label = band
    return label


def _ethnicity(code: str) -> str:
    try:
        return Ethnicity(code).group.label
    except ValueError:
        return NOT_RECORDED


def _need(code: str | None) -> str:
    try:
        return NeedType(code or "").label
    except ValueError:
        return NOT_RECORDED


def _sex(code: str) -> str:
    try:
        return Sex(code).label
    except ValueError:
        return Sex.UNKNOWN.label


def postcode_district(postcode: str) -> str:
    """The outward code of a postcode, the key of ``_postcode_localities``."""
    return postcode.split()[0].upper() if postcode.strip() else ""


def fixed_groups(sex: str, ethnicity: str, need: str | None) -> tuple[str, str, str]:
    """The child's sex, ethnicity group and primary need groups, as the breakdowns label
    them (the measures' projection stores them on the case fact)."""
    return _sex(sex), _ethnicity(ethnicity), _need(need)


GROUPERS: Final[dict[str, Callable[[Person, Period], str]]] = {
    "age": lambda person, period: age_band(person.born, period.end),
    "primary_need": lambda person, period: _need(person.need),
    "sex": lambda person, period: _sex(person.sex),
    "ethnicity": lambda person, period: _ethnicity(person.ethnicity),
    "setting": lambda person, period: PLACEMENTS[person.placement],
    "locality": lambda person, period: person.locality or NOT_KNOWN,
}

# No setting named and none on roll: placed elsewhere, locality from the child's postcode.
NO_SETTING = ("elsewhere", "")


def _settings() -> dict[int, tuple[str, str]]:
    """Every setting -> (placement type, locality): looked up, not joined on every case."""
    settings = Organisation.objects.exclude(kind=OrganisationKind.LOCAL_AUTHORITY).values_list(
        "pk", "kind", "phase", "is_special", "is_independent", "locality"
    )
    return {
        pk: (
            placement_of(kind=kind, phase=phase, is_special=special, is_independent=independent),
            locality,
        )
        for pk, kind, phase, special, independent, locality in settings
    }


def _enrolled_settings(local_authority_id: int, day: dt.date) -> dict[int, int]:
    """Each child's setting on ``day`` (the latest started)."""
    enrolments = (
        Enrolment.objects.filter(child__local_authority_id=local_authority_id, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .order_by("child_id", "start")
        .values_list("child_id", "setting_id")
    )
    return dict(enrolments)


def _postcode_localities(local_authority_id: int) -> dict[str, str]:
    """Postcode district (outward code) -> the locality most of the area's settings
    there belong to: a child's own locality when no setting is known."""
    votes: dict[str, Counter[str]] = {}
    organisations = Organisation.objects.filter(
        local_authority_id=local_authority_id, locality__gt="", postcode__gt=""
    ).values_list("postcode", "locality")
    for postcode, locality in organisations:
        votes.setdefault(postcode.split()[0].upper(), Counter())[locality] += 1
    return {district: count.most_common(1)[0][0] for district, count in votes.items()}


def people_of(local_authority_id: int, day: dt.date) -> dict[int, Person]:
    """Every case of the area -> its child's attributes on ``day``."""
    settings = _settings()
    enrolled = _enrolled_settings(local_authority_id, day)
    districts = _postcode_localities(local_authority_id)
    cases = (
        Case.objects.filter(local_authority_id=local_authority_id)
        .annotate(primary=FilteredRelation("child__needs", condition=Q(child__needs__rank=1)))
        .values_list(
            "id",
            "child_id",
            "child__date_of_birth",
            "child__sex",
            "child__ethnicity",
            "child__postcode",
            "primary__need",
            "plan__named_setting_id",
        )
    )
    people = {}
    for case_id, child_id, born, sex, ethnicity, postcode, need, named in tuples(cases):
        setting = named if named is not None else enrolled.get(child_id)
        placement, locality = NO_SETTING if setting is None else settings[setting]
        district = postcode_district(postcode or "")
        people[case_id] = Person(
            born=born,
            sex=sex,
            ethnicity=ethnicity,
            need=need,
            placement=placement,
            locality=locality or districts.get(district, ""),
        )
    return people


def groups_of(local_authority_id: int, breakdown: str, period: Period) -> dict[int, str]:
    """Case id -> its group label in ``breakdown`` for ``period``."""
    return groups_from(people_of(local_authority_id, period.end), breakdown, period)


def groups_from(people: dict[int, Person], breakdown: str, period: Period) -> dict[int, str]:
    """``groups_of`` on people already fetched (one fetch serves every breakdown)."""
    grouper = GROUPERS[breakdown]
    return {case_id: grouper(person, period) for case_id, person in people.items()}


def labels_of(breakdown: str, groups: dict[int, str]) -> list[str]:
    """The breakdown's groups in display order: every fixed group (so tables line up),
    or for locality the localities found, A to Z, then Not known."""
    fixed = _FIXED_LABELS.get(breakdown)
    if fixed is not None:
        return list(fixed)
    found = set(groups.values())
    return [*sorted(found - {NOT_KNOWN}), *([NOT_KNOWN] if NOT_KNOWN in found else [])]
