"""Children and young people of the demo area, with their needs, settings and families.

Each child gets valid synthetic identifiers (UPN from make_upn, ULN from 16, an NHS test
number in the 999 range), needs ranked from the national primary-need mix, and an
enrolment at a setting that fits their National Curriculum year and the school pattern of
the part of the area they live in.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from opensend.nonprod.generator import mix, names
from opensend.nonprod.generator.accounts import AccountBuilder
from opensend.nonprod.generator.area import Area
from opensend.people.models import (
    Child,
    ChildNeed,
    Enrolment,
    FamilyMember,
    Organisation,
    User,
    UserKind,
    YoungPersonConsent,
)
from opensend.statutory import school_year
from opensend.statutory.identifiers import make_nhs_number, make_uln, make_upn

UPN_UNKNOWN_UNDER_6 = "UN1"  # CBDS: child under 6 not yet given a UPN (*check*)


@dataclass
class ChildSpec:
    """Fixed choices for a showcase child (the demo parent's, a young person...)."""

    age: int
    part: str = "south"
    category: str = ""  # mainstream / special / further_education / elsewhere
    setting: Organisation | None = None
    primary_need: str = ""
    parent_email: str = ""
    young_person_email: str = ""
    consent: bool = False


@dataclass
class ChildDraft:
    child: Child
    needs: list[str]
    age: int
    nc: int
    part: str
    category: str
    setting: Organisation | None
    setting_code: str
    setting_start: dt.date | None
    previous_setting: Organisation | None
    caseworker: User
    enrolments: list[Enrolment] = field(default_factory=list)
    family: list[FamilyMember] = field(default_factory=list)
    consents: list[YoungPersonConsent] = field(default_factory=list)

    def need_rows(self) -> list[ChildNeed]:
        return [
            ChildNeed(child=self.child, need=need, rank=rank)
            for rank, need in enumerate(self.needs, start=1)
        ]


def _anniversary(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return dt.date(day.year + years, 3, 1)


class ChildFactory:
    def __init__(
        self, rng: random.Random, area: Area, accounts: AccountBuilder, today: dt.date
    ) -> None:
        self.rng = rng
        self.area = area
        self.accounts = accounts
        self.today = today
        self.year_start = school_year.school_year_start(today)
        self.upn_serials: dict[tuple[int, int], int] = {}
        self.nhs_used: set[str] = set()
        self.uln_used: set[str] = set()
        self.nhs_seed = 1
        self.uln_serial = 10_000_000

    # -- identity -------------------------------------------------------------------------

    def _date_of_birth(self, age: int) -> dt.date:
        birthday = _anniversary(self.today, -age)
        return birthday - dt.timedelta(days=self.rng.randrange(365))

    def _needs(self, primary: str) -> list[str]:
        needs = [primary or mix.pick(self.rng, mix.PRIMARY_NEED)]
        for _ in range(self.rng.choices((0, 1, 2), weights=(45, 40, 15))[0]):
            other = mix.pick(self.rng, mix.PRIMARY_NEED)
            if other not in needs:
                needs.append(other)
        return needs

    def _nhs_number(self) -> str:
        # make_nhs_number moves to the next seed when one cannot take a check digit, so
        # seeds only ever go forward and a repeat is skipped.
        number = make_nhs_number(str(self.nhs_seed % 10**6))
        while number in self.nhs_used:
            self.nhs_seed += 1
            number = make_nhs_number(str(self.nhs_seed % 10**6))
        self.nhs_seed += 1
        self.nhs_used.add(number)
        return number

    def _uln(self) -> str:
        uln = make_uln(self.uln_serial)
        while uln in self.uln_used:
            self.uln_serial += 1
            uln = make_uln(self.uln_serial)
        self.uln_serial += 1
        self.uln_used.add(uln)
        return uln

    def _upn(self, part: str, nc: int, first_school: Organisation | None) -> str:
        """UPN issued when the child started Reception, by their first school."""
        entry_year = self.year_start.year - nc
        entry_schools = self.area.north["first"] if part == "north" else self.area.south["primary"]
        school = (
            first_school if first_school in entry_schools else mix.one_of(self.rng, entry_schools)
        )
        start = entry_schools.index(school)
        for offset in range(len(entry_schools) * 4):
            candidate = entry_schools[(start + offset) % len(entry_schools)]
            code = candidate.estab_number + 1000 * (offset // len(entry_schools))
            key = (code, entry_year % 100)
            serial = self.upn_serials.get(key, 0)
            if serial <= 999:
                self.upn_serials[key] = serial + 1
                return make_upn(int(names.LA_CODE), code, entry_year, serial)
        raise RuntimeError("ran out of UPN serials")

    # -- settings -------------------------------------------------------------------------

    def _covering(self, schools: list[Organisation], nc: int) -> list[Organisation]:
        return [s for s in schools if s.first_nc_year <= nc <= s.last_nc_year]

    def _mainstream(self, part: str, nc: int) -> Organisation | None:
        pattern = self.area.north if part == "north" else self.area.south
        schools = self._covering([s for group in pattern.values() for s in group], nc)
        return mix.one_of(self.rng, schools) if schools else None

    def _category(self, nc: int, need: str) -> str:
        if nc < 0:
            return "mainstream" if self.rng.random() < 0.85 else "elsewhere"
        if nc <= 11:
            weights = dict(mix.SCHOOL_AGE_SETTING)
            weights["special"] *= mix.SPECIAL_TILT[need]
            return mix.pick(self.rng, weights)
        category = mix.pick(self.rng, mix.POST16_SETTING)
        if (category == "special" and nc > 14) or (category == "mainstream" and nc > 13):
            return "further_education"
        return category

    def _setting(self, category: str, part: str, nc: int) -> tuple[Organisation | None, str]:
        if category == "elsewhere":
            codes = mix.ELSEWHERE_POST16 if nc >= 12 else mix.ELSEWHERE_SCHOOL_AGE
            return None, ("NIEO" if nc < 0 else mix.pick(self.rng, codes))
        if nc < 0:
            return mix.one_of(self.rng, self.area.early_years), ""
        if category == "special":
            schools = self._covering(self.area.special, nc)
            if schools:
                return mix.one_of(self.rng, schools), ""
        if category == "mainstream":
            school = self._mainstream(part, nc)
            if school is not None:
                return school, ""
        colleges = self._covering(self.area.colleges, nc)
        return mix.one_of(self.rng, colleges or self.area.colleges[:1]), ""

    def _enrolments(self, draft: ChildDraft) -> None:
        setting, nc, part = draft.setting, draft.nc, draft.part
        if setting is None:
            if nc >= 1 and self.rng.random() < 0.7:  # left a school some time ago
                previous = self._mainstream(part, min(nc - 1, 11))
                if previous is not None:
                    left = self.year_start.year - self.rng.randint(0, 2)
                    start = dt.date(left - self.rng.randint(1, 3), 9, 3)
                    draft.enrolments.append(
                        Enrolment(
                            child=draft.child,
                            setting=previous,
                            start=start,
                            end=dt.date(left, 7, 20),
                        )
                    )
                    draft.previous_setting = previous
            return
        first = max(setting.first_nc_year, nc - 6)
        if setting.is_special or setting.kind == "college":
            entry = self.rng.randint(max(first, nc - 4), nc)
        elif setting.phase == "early_years":
            entry = self.rng.randint(max(first, nc - 1), nc)
        else:
            entry = first if self.rng.random() < 0.85 else self.rng.randint(first, nc)
        start = dt.date(self.year_start.year - (nc - entry), 9, self.rng.randint(1, 7))
        draft.setting_start = start
        draft.enrolments.append(Enrolment(child=draft.child, setting=setting, start=start))
        if entry >= 1:
            previous = self._mainstream(part, min(entry - 1, 11))
            if previous is not None and previous is not setting:
                began = dt.date(start.year - self.rng.randint(1, 3), 9, 3)
                draft.enrolments.append(
                    Enrolment(
                        child=draft.child,
                        setting=previous,
                        start=began,
                        end=dt.date(start.year, 7, 20),
                    )
                )
                draft.previous_setting = previous

    # -- family ---------------------------------------------------------------------------

    def _family(self, draft: ChildDraft, spec: ChildSpec | None) -> None:
        child = draft.child
        first = mix.pick(
            self.rng, {"Mother": 70, "Father": 20, "Special guardian": 4, "Foster carer": 6}
        )
        members = [first]
        if self.rng.random() < 0.6:
            members.append(
                mix.pick(
                    self.rng, {"Father": 60, "Mother": 15, "Grandparent": 15, "Step-parent": 10}
                )
            )
        holds_pr = {"Mother", "Father", "Special guardian"}
        for index, relationship in enumerate(members):
            forename = mix.one_of(self.rng, names.ADULTS)
            surname = (
                child.legal_surname
                if self.rng.random() < 0.8
                else mix.one_of(self.rng, names.SURNAMES)
            )
            draft.family.append(
                FamilyMember(
                    child=child,
                    name=f"{forename} {surname}",
                    relationship=relationship,
                    holds_parental_responsibility=relationship in holds_pr or index == 0,
                    phone=f"07700 900{self.rng.randrange(1000):03d}",
                    address=f"{self.rng.randint(1, 120)} {mix.one_of(self.rng, names.SURNAMES)} "
                    f"Road, {child.postcode}",
                )
            )
        wants_account = self.rng.random() < 0.08
        if spec is not None:
            wants_account = bool(spec.parent_email) or spec.consent
        if wants_account:
            self._parent_account(draft, spec.parent_email if spec else "")

    def _parent_account(self, draft: ChildDraft, email: str) -> None:
        parent = draft.family[0]
        if parent.user is None:
            user = self.accounts.user(UserKind.PARENT, name=parent.name, email=email)
            parent.user, parent.email = user, user.email

    def _young_person(self, draft: ChildDraft, spec: ChildSpec | None) -> None:
        child = draft.child
        became = school_year.young_person_from(child.date_of_birth)
        if became > self.today:
            return
        wants = self.rng.random() < 0.10 if spec is None else bool(spec.young_person_email)
        if not wants:
            return
        name = f"{child.legal_forename} {child.legal_surname}"
        user = self.accounts.user(
            UserKind.YOUNG_PERSON, name=name, email=spec.young_person_email if spec else ""
        )
        child.young_person_user = user
        consent = self.rng.random() < 0.5 if spec is None else spec.consent
        if consent:
            self._parent_account(draft, "")
            given = min(self.today, became + dt.timedelta(days=self.rng.randint(0, 60)))
            draft.consents.append(
                YoungPersonConsent(
                    child=child,
                    family_member=draft.family[0],
                    given_on=given,
                    recorded_by=draft.caseworker,
                )
            )

    # -- the child ------------------------------------------------------------------------

    def child(self, caseworker: User, spec: ChildSpec | None = None) -> ChildDraft:
        rng = self.rng
        age = spec.age if spec else mix.pick_int(rng, mix.AGE_WEIGHTS)
        part = spec.part if spec else ("north" if rng.random() < 0.35 else "south")
        sex = mix.pick(rng, mix.SEX)
        forename, surname = names.person_name(rng, sex)
        dob = self._date_of_birth(age)
        localities = names.NORTH_LOCALITIES if part == "north" else names.SOUTH_LOCALITIES
        district = (10 if part == "north" else 1) + rng.randrange(len(localities))
        child = Child(
            local_authority=self.area.la,
            legal_forename=forename,
            legal_surname=surname,
            date_of_birth=dob,
            sex=sex,
            ethnicity=mix.pick(rng, mix.ETHNICITY),
            postcode=names.postcode(rng, district),
            nhs_number=self._nhs_number(),
        )
        if rng.random() < 0.05:
            child.preferred_name = forename[:3] if len(forename) > 4 else ""
        needs = self._needs(spec.primary_need if spec else "")
        nc = school_year.nc_year(dob, self.today)
        category = spec.category if spec and spec.category else self._category(nc, needs[0])
        setting, code = (
            (spec.setting, "") if spec and spec.setting else self._setting(category, part, nc)
        )
        draft = ChildDraft(
            child=child,
            needs=needs,
            age=age,
            nc=nc,
            part=part,
            category=category,
            setting=setting,
            setting_code=code,
            setting_start=None,
            previous_setting=None,
            caseworker=caseworker,
        )
        self._enrolments(draft)
        if nc >= 0:
            first_school = draft.previous_setting or setting
            child.upn = self._upn(part, nc, first_school)
        else:
            child.upn_unknown_reason = UPN_UNKNOWN_UNDER_6
        if age >= 16:
            child.uln = self._uln()
        self._family(draft, spec)
        self._young_person(draft, spec)
        return draft
