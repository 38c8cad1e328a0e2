"""The demo area's organisations: Northmoor Council, its settings and its partners.

Schools come in both patterns: first (R-4) / middle (5-8) / high (9-13) in the north of
the area and primary (R-6) / secondary (7-11, some with a sixth form) in the south, with
special schools, early years settings and colleges serving both. The number of schools
and caseworkers grows with the number of children, so a 50,000-child area looks like a
(very large) real one.
"""

import math
import random
from dataclasses import dataclass, field

from opensend.measures.models import AreaComparison
from opensend.nonprod.generator import names
from opensend.nonprod.generator.mix import one_of
from opensend.people.models import (
    Organisation,
    OrganisationKind,
    User,
)

BATCH = 2000


@dataclass
class Persona:
    """A demo sign-in shown in the command's table."""

    role: str
    user: User
    note: str = ""


@dataclass
class Area:
    la: Organisation
    north: dict[str, list[Organisation]]  # pattern role -> schools ("first", "middle", "high")
    south: dict[str, list[Organisation]]  # "primary", "secondary"
    special: list[Organisation]
    early_years: list[Organisation]
    colleges: list[Organisation]
    nhs_trust: Organisation
    icb: Organisation
    social_care: Organisation
    ep_service: Organisation
    forum: Organisation
    caseworkers: list[User]
    caseworker_weights: list[float]
    managers: list[User]
    panel: list[tuple[str, str]]  # (agency, name) of panel members
    personas: dict[str, Persona] = field(default_factory=dict)
    senco_schools: list[Organisation] = field(default_factory=list)

    def schools(self) -> list[Organisation]:
        return [s for group in (*self.north.values(), *self.south.values()) for s in group]


@dataclass(frozen=True)
class SchoolType:
    key: str
    phase: str
    first: int
    last: int
    label: str
    estab_base: int  # DfE establishment numbers: 2xxx primary, 4xxx secondary, 7xxx special


NORTH_TYPES = (
    SchoolType("first", "first", 0, 4, "First School", 2000),
    SchoolType("middle", "middle", 5, 8, "Middle School", 4000),
    SchoolType("high", "high", 9, 13, "High School", 4500),
)
SOUTH_TYPES = (
    SchoolType("primary", "primary", 0, 6, "Primary School", 2500),
    SchoolType("secondary", "secondary", 7, 11, "Academy", 4200),
)
SPECIAL_TYPES = (
    SchoolType("special_primary", "special", -2, 6, "Primary Special School", 7000),
    SchoolType("special_secondary", "special", 7, 14, "Specialist College", 7100),
    SchoolType("special_all", "special", -2, 14, "School", 7200),
)


class AreaBuilder:
    """Builds and saves the organisations (a few hundred rows at most)."""

    def __init__(self, rng: random.Random, *, children: int) -> None:
        self.rng = rng
        self.children = children
        self.urn = 980000
        self.estab: dict[int, int] = {}

    # -- organisations ------------------------------------------------------------------

    def _org(self, name: str, kind: str, la: Organisation | None, **fields: object) -> Organisation:
        return Organisation(name=name, kind=kind, local_authority=la, **fields)

    def _school(
        self,
        la: Organisation,
        kind: SchoolType,
        locality: str,
        district: int,
        org_kind: str = OrganisationKind.SCHOOL,
        **extra: object,
    ) -> Organisation:
        self.urn += 1
        number = self.estab.get(kind.estab_base, kind.estab_base) + 1
        self.estab[kind.estab_base] = number
        flavour = one_of(self.rng, names.SCHOOL_FLAVOURS)
        school = self._org(
            f"{locality} {flavour}{kind.label}",
            org_kind,
            la,
            urn=str(self.urn),
            phase=kind.phase,
            first_nc_year=kind.first,
            last_nc_year=kind.last,
            postcode=names.postcode(self.rng, district),
            locality=locality,
            **extra,
        )
        school.estab_number = number  # type: ignore[attr-defined]  # for UPNs, not stored
        school.district = district  # type: ignore[attr-defined]
        return school

    def _count(self, share: float, per_setting: int, minimum: int) -> int:
        return max(minimum, math.ceil(self.children * share / per_setting))

    def _unique_names(self, schools: list[Organisation]) -> None:
        seen: dict[str, int] = {}
        for school in schools:
            seen[school.name] = seen.get(school.name, 0) + 1
            if seen[school.name] > 1:
                school.name = f"{school.name} ({seen[school.name]})"

    def _pattern(
        self,
        la: Organisation,
        types: tuple[SchoolType, ...],
        localities: tuple[str, ...],
        counts: list[int],
        district_base: int,
    ) -> dict[str, list[Organisation]]:
        schools: dict[str, list[Organisation]] = {}
        for kind, count in zip(types, counts, strict=True):
            schools[kind.key] = []
            for index in range(count):
                locality_index = index % len(localities)
                extra = {}
                if kind.key == "secondary" and index % 2 == 0:  # some with a sixth form
                    extra = {"last_nc_year": 13}
                school = self._school(
                    la, kind, localities[locality_index], district_base + locality_index
                )
                for key, value in extra.items():
                    setattr(school, key, value)
                schools[kind.key].append(school)
        return schools

    def _comparison(self, la: Organisation) -> None:
        """Measures (issue 3, api): the published figures shown beside the demo's own."""
        AreaComparison.objects.create(
            local_authority=la,
            compares_as=names.COMPARES_AS,
            region_code=names.REGION_CODE,
            neighbours_of=names.COMPARES_AS,
            note=f"{names.AREA} is fictional: the published figures shown for it are "
            f"{names.COMPARES_AS_NAME}'s ({names.COMPARES_AS}), with its region and its "
            "statistical neighbours.",
        )

    def organisations(self) -> Area:
        la = Organisation(
            name=names.LA_NAME,
            kind=OrganisationKind.LOCAL_AUTHORITY,
            la_code=names.LA_CODE,
            ons_code=names.ONS_CODE,
            postcode="NM1 1AA",
            locality=names.AREA,
        )
        la.save()
        self._comparison(la)
        north_children = self.children * 0.35
        south_children = self.children * 0.65
        north = self._pattern(
            la,
            NORTH_TYPES,
            names.NORTH_LOCALITIES,
            [
                max(3, math.ceil(north_children * 0.20 / 12)),
                max(2, math.ceil(north_children * 0.16 / 30)),
                max(1, math.ceil(north_children * 0.16 / 45)),
            ],
            10,
        )
        south = self._pattern(
            la,
            SOUTH_TYPES,
            names.SOUTH_LOCALITIES,
            [
                max(4, math.ceil(south_children * 0.26 / 14)),
                max(2, math.ceil(south_children * 0.20 / 45)),
            ],
            1,
        )
        special: list[Organisation] = []
        count = self._count(0.31, 150, 3)
        for index in range(count):
            kind = SPECIAL_TYPES[index % len(SPECIAL_TYPES)]
            locality = one_of(self.rng, names.NORTH_LOCALITIES + names.SOUTH_LOCALITIES)
            special.append(self._school(la, kind, locality, 1 + index % 19, is_special=True))
        special.append(
            self._school(
                la,
                SchoolType("independent", "special", 5, 14, "Independent Specialist School", 7500),
                "Hawkshaw",
                14,
                is_special=True,
                is_independent=True,
            )
        )
        early_years = [
            self._school(
                la,
                SchoolType("ey", "early_years", -4, -1, "Nursery", 1000),
                one_of(self.rng, names.SOUTH_LOCALITIES + names.NORTH_LOCALITIES),
                1 + index % 19,
                org_kind=OrganisationKind.EARLY_YEARS,
            )
            for index in range(self._count(0.05, 15, 3))
        ]
        colleges = [
            self._school(
                la,
                SchoolType("fe", "further_education", 12, 21, "College", 8000),
                "Northmoor",
                1,
                org_kind=OrganisationKind.COLLEGE,
                ukprn="10098701",
            )
        ]
        if self.children >= 2000:
            colleges.append(
                self._school(
                    la,
                    SchoolType("sfc", "post16", 12, 13, "Sixth Form College", 8100),
                    "Cawdon",
                    4,
                    org_kind=OrganisationKind.COLLEGE,
                    ukprn="10098702",
                )
            )
        colleges[0].name = "Northmoor College of Further Education"
        partners = {
            "nhs_trust": self._org(
                "Northmoor and Fellside Community Health NHS Trust",
                OrganisationKind.NHS_TRUST,
                la,
                postcode="NM2 4HQ",
            ),
            "icb": self._org("Northmoor and Dales Integrated Care Board", OrganisationKind.ICB, la),
            "social_care": self._org(
                "Northmoor Children with Disabilities Team", OrganisationKind.SOCIAL_CARE, la
            ),
            "ep_service": self._org(
                "Northmoor Educational Psychology Service", OrganisationKind.EP_SERVICE, la
            ),
            "forum": self._org(
                "Northmoor Parent Carer Forum", OrganisationKind.PARENT_CARER_FORUM, la
            ),
        }
        all_schools = [s for group in (*north.values(), *south.values()) for s in group]
        self._unique_names(all_schools + special + early_years)
        Organisation.objects.bulk_create(
            [*all_schools, *special, *early_years, *colleges, *partners.values()], batch_size=BATCH
        )
        return Area(
            la=la,
            north=north,
            south=south,
            special=special,
            early_years=early_years,
            colleges=colleges,
            caseworkers=[],
            caseworker_weights=[],
            managers=[],
            panel=[],
            **partners,
        )
