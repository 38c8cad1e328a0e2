"""The people of Northshire, a local area, as named fixtures (loaded by tests/conftest.py).

Each persona has one role and the relationships that role normally brings:

    cara   Cara the caseworker (EHC coordinator) of Tom's and Yasmin's cases
    sam    Sam the SEN manager of Northshire
    pat    Pat the panel member of Northshire (Lily's case is before the panel)
    sue    Sue the SENCO at Hillside First School, where Tom is on roll
    aled   Aled the health advice giver at Northshire Community Health, asked about Tom
    paula  Paula the parent, with parental responsibility for Tom
    yasmin Yasmin the young person (19), who holds her own record
    ann    Ann the analyst (aggregates only, no child records)
    dev    Dev the directory editor (the Local Offer; no child records)
    ada    Ada the administrator (accounts; no child records)
    priya  Priya, Local Offer provider at Northshire Play Together: edits its listings
           (world: its listing "Splash Club", with a change waiting for approval)

and, for "an unrelated user of each role" (tests/core/test_idor.py), people with the same
roles and no link to Tom:

    colin  Colin, a Northshire caseworker, of Lily's and Ben's cases
    nadia  Nadia, SEN manager of Southshire (another area)
    piers  Piers, panel member of Southshire
    sian   Sian, SENCO at Riverside Academy
    hari   Hari, health advice giver at Southshire Healthcare (not asked about Tom)
    pete   Pete, parent of Ben
    zac    Zac, another young person

`world` builds all of them and the cases, through the services:

    tom_case    Tom: request from Hillside, assessed, advice from health and the EP
                service, draft then final plan naming Hillside, an exception, a review
                meeting and a mediation (stage: plan); health advice for the review
                asked with a file sent
    lily_case   Lily (Colin's): assessed, draft plan naming Oakfield (stage: drafting);
                the EP's advice received with a file
    yasmin_case Yasmin (Cara's): final plan naming Northshire College, a review meeting
    ben_case    Ben (Colin's): request received, awaiting the decision to assess
"""

import datetime as dt
from dataclasses import dataclass, field

import pytest

from opensend.casework.models import (
    AdviceFile,
    AdviceRequest,
    AnnualReview,
    Case,
    ClockException,
    Dispute,
    IssuedDocument,
    PlanVersion,
    SettingConsultation,
)
from opensend.people.models import (
    AdviceService,
    Child,
    FamilyMember,
    Organisation,
    Role,
    User,
)
from opensend.statutory import codes
from tests import factories as f
from tests.factories import TODAY

# The fixtures, for tests/conftest.py to import.
__all__ = [
    "ada",
    "aled",
    "ann",
    "area",
    "ben",
    "cara",
    "colin",
    "dev",
    "hari",
    "lily",
    "nadia",
    "pat",
    "paula",
    "pete",
    "piers",
    "priya",
    "sam",
    "sian",
    "sue",
    "tom",
    "world",
    "yasmin",
    "yasmin_record",
    "zac",
]

# The persona who stands for each role in the route matrix (None: signed out).
ROLE_PERSONAS: dict[str, str | None] = {
    "anonymous": None,
    "parent": "paula",
    "young_person": "yasmin",
    "senco": "sue",
    "advice_giver": "aled",
    "caseworker": "cara",
    "sen_manager": "sam",
    "panel_member": "pat",
    "analyst": "ann",
    "directory_editor": "dev",
    "administrator": "ada",
    "provider": "priya",  # Local Offer editorial (issue 4)
}
ROLES = tuple(ROLE_PERSONAS)
STAFF_ROLES = tuple(role for role in ROLES if role not in {"anonymous", "parent", "young_person"})

# A user of each role with no relationship to Tom or his case.
UNRELATED_PERSONAS: dict[str, str] = {
    "caseworker": "colin",
    "sen_manager": "nadia",
    "panel_member": "piers",
    "senco": "sian",
    "advice_giver": "hari",
    "parent": "pete",
    "young_person": "zac",
    "analyst": "ann",
    "directory_editor": "dev",
    "administrator": "ada",
    "provider": "priya",  # sees no child at all (Local Offer editorial, issue 4)
}


@dataclass(frozen=True)
class Area:
    northshire: Organisation
    southshire: Organisation
    hillside: Organisation  # first school, Reception to Year 4
    riverside: Organisation  # secondary academy with a sixth form
    oakfield: Organisation  # special school
    college: Organisation
    health: Organisation  # Northshire Community Health NHS Trust
    ep_service: Organisation
    social_care: Organisation
    southshire_health: Organisation


@pytest.fixture
def area(db: None) -> Area:
    northshire = f.LocalAuthorityFactory(
        name="Northshire County Council", la_code="929", ons_code="E10000020"
    )
    southshire = f.LocalAuthorityFactory(
        name="Southshire Council", la_code="931", ons_code="E06000099"
    )
    in_north = {"local_authority": northshire}
    return Area(
        northshire=northshire,
        southshire=southshire,
        hillside=f.SchoolFactory(
            name="Hillside First School",
            urn="121001",
            phase=codes.SettingPhase.FIRST.value,
            first_nc_year=0,
            last_nc_year=4,
            **in_north,
        ),
        riverside=f.SchoolFactory(
            name="Riverside Academy",
            urn="121002",
            phase=codes.SettingPhase.SECONDARY.value,
            first_nc_year=7,
            last_nc_year=13,
            **in_north,
        ),
        oakfield=f.SchoolFactory(
            name="Oakfield Special School",
            urn="121003",
            phase=codes.SettingPhase.SPECIAL.value,
            first_nc_year=0,
            last_nc_year=14,
            is_special=True,
            **in_north,
        ),
        college=f.CollegeFactory(name="Northshire College", ukprn="10004321", **in_north),
        health=f.NhsTrustFactory(name="Northshire Community Health NHS Trust", **in_north),
        ep_service=f.EpServiceFactory(name="Northshire Educational Psychology Service", **in_north),
        social_care=f.SocialCareFactory(name="Northshire Children's Services", **in_north),
        southshire_health=f.NhsTrustFactory(
            name="Southshire Healthcare NHS Trust", local_authority=southshire
        ),
    )


def _staff(
    name: str, email: str, role: str, organisation: Organisation, advice_service: str = ""
) -> User:
    return f.staff_user(
        role, organisation, advice_service=advice_service, full_name=name, email=email
    )


# --- staff ----------------------------------------------------------------------------


@pytest.fixture
def cara(area: Area) -> User:
    """Cara the caseworker (EHC coordinator) at Northshire."""
    return _staff("Cara Clarke", "cara.clarke@northshire.example", Role.CASEWORKER, area.northshire)


@pytest.fixture
def sam(area: Area) -> User:
    """Sam the SEN manager at Northshire."""
    return _staff("Sam Shah", "sam.shah@northshire.example", Role.SEN_MANAGER, area.northshire)


@pytest.fixture
def pat(area: Area) -> User:
    """Pat the panel member at Northshire."""
    return _staff("Pat Patel", "pat.patel@northshire.example", Role.PANEL_MEMBER, area.northshire)


@pytest.fixture
def sue(area: Area) -> User:
    """Sue the SENCO at Hillside First School."""
    return _staff("Sue Stevens", "senco@hillside.example", Role.SENCO, area.hillside)


@pytest.fixture
def aled(area: Area) -> User:
    """Aled the health advice giver at Northshire Community Health NHS Trust."""
    return _staff(
        "Aled Evans",
        "aled.evans@nhs.example",
        Role.ADVICE_GIVER,
        area.health,
        advice_service=AdviceService.HEALTH,
    )


@pytest.fixture
def ann(area: Area) -> User:
    """Ann the analyst at Northshire."""
    return _staff("Ann Archer", "ann.archer@northshire.example", Role.ANALYST, area.northshire)


@pytest.fixture
def dev(area: Area) -> User:
    """Dev the directory editor (the Local Offer)."""
    return _staff(
        "Dev Desai", "dev.desai@northshire.example", Role.DIRECTORY_EDITOR, area.northshire
    )


@pytest.fixture
def ada(area: Area) -> User:
    """Ada the administrator."""
    return _staff("Ada Adams", "ada.adams@northshire.example", Role.ADMINISTRATOR, area.northshire)


@pytest.fixture
def colin(area: Area) -> User:
    """Colin, another Northshire caseworker (Lily's and Ben's cases)."""
    return _staff("Colin Cole", "colin.cole@northshire.example", Role.CASEWORKER, area.northshire)


@pytest.fixture
def nadia(area: Area) -> User:
    """Nadia, SEN manager of Southshire."""
    return _staff(
        "Nadia Novak", "nadia.novak@southshire.example", Role.SEN_MANAGER, area.southshire
    )


@pytest.fixture
def piers(area: Area) -> User:
    """Piers, panel member of Southshire."""
    return _staff("Piers Pike", "piers.pike@southshire.example", Role.PANEL_MEMBER, area.southshire)


@pytest.fixture
def sian(area: Area) -> User:
    """Sian, SENCO at Riverside Academy."""
    return _staff("Sian Smith", "senco@riverside.example", Role.SENCO, area.riverside)


@pytest.fixture
def hari(area: Area) -> User:
    """Hari, health advice giver at Southshire Healthcare (never asked about Tom)."""
    return _staff(
        "Hari Hughes",
        "hari.hughes@nhs.example",
        Role.ADVICE_GIVER,
        area.southshire_health,
        advice_service=AdviceService.HEALTH,
    )


# --- Local Offer editorial (issue 4) --------------------------------------------------


@pytest.fixture
def priya(area: Area) -> User:
    """Priya, Local Offer provider at Northshire Play Together, which runs Splash Club.

    Her organisation (people) and the directory organisation she may edit (ProviderLink)
    are created here, with the listing and a change she sent that waits for approval.
    """
    from opensend.directory import models as directory
    from opensend.directory.editorial.services import baseline_ensure

    organisation = f.OrganisationFactory(name="Northshire Play Together")
    user = _staff("Priya Rao", "priya.rao@playtogether.example", Role.PROVIDER, organisation)
    provider = directory.Organization.objects.create(
        name="Northshire Play Together", description="Play and leisure for disabled children."
    )
    directory.ProviderLink.objects.create(user=user, organization=provider)
    listing = directory.Service.objects.create(
        organization=provider,
        name="Splash Club",
        description="Swimming for autistic children.",
        minimum_age=5,
        maximum_age=11,
        assured_date=TODAY - dt.timedelta(days=100),
    )
    version = baseline_ensure(listing)
    directory.Revision.objects.create(
        service=listing,
        base_version=version,
        submitted_by=user,
        proposed={"name": "Splash Club", "description": "Swimming sessions for autistic children."},
    )
    return user


# --- children and families --------------------------------------------------------------


@pytest.fixture
def tom(area: Area) -> Child:
    """Tom Baker, 8, autistic, on roll at Hillside First School since Reception."""
    child = f.ChildFactory(
        local_authority=area.northshire,
        legal_forename="Thomas",
        preferred_name="Tom",
        legal_surname="Baker",
        date_of_birth=dt.date(2018, 3, 10),
        sex=codes.Sex.MALE.value,
    )
    f.ChildNeedFactory(child=child, need=codes.NeedType.ASD.value, rank=1)
    f.ChildNeedFactory(child=child, need=codes.NeedType.SLCN.value, rank=2)
    f.EnrolmentFactory(child=child, setting=area.hillside, start=dt.date(2022, 9, 1))
    return child


@pytest.fixture
def paula(tom: Child) -> User:
    """Paula the parent: Tom's mother, with parental responsibility."""
    user = f.ParentUserFactory(full_name="Paula Baker", email="paula.baker@example.net")
    return f.parent_of(tom, user=user, relationship="Mother")


@pytest.fixture
def yasmin_record(area: Area) -> Child:
    """Yasmin's own record: 20, a young person since June 2022, at Northshire College."""
    child = f.ChildFactory(
        local_authority=area.northshire,
        legal_forename="Yasmin",
        legal_surname="Hussain",
        date_of_birth=dt.date(2006, 4, 2),
        sex=codes.Sex.FEMALE.value,
    )
    f.ChildNeedFactory(child=child, need=codes.NeedType.SPLD.value, rank=1)
    f.EnrolmentFactory(child=child, setting=area.college, start=dt.date(2024, 9, 2))
    return child


@pytest.fixture
def yasmin(yasmin_record: Child) -> User:
    """Yasmin the young person, signed up to see her own record."""
    user = f.YoungPersonUserFactory(full_name="Yasmin Hussain", email="yasmin@example.net")
    yasmin_record.young_person_user = user
    yasmin_record.save(update_fields=["young_person_user"])
    return user


@pytest.fixture
def lily(area: Area) -> Child:
    """Lily Moss, 10, at Oakfield Special School."""
    child = f.ChildFactory(
        local_authority=area.northshire,
        legal_forename="Lily",
        legal_surname="Moss",
        date_of_birth=dt.date(2016, 1, 20),
    )
    f.EnrolmentFactory(child=child, setting=area.oakfield, start=dt.date(2021, 9, 1))
    return child


@pytest.fixture
def ben(area: Area) -> Child:
    """Ben Carter, 6, not on the roll of any setting we know of."""
    return f.ChildFactory(
        local_authority=area.northshire,
        legal_forename="Benjamin",
        preferred_name="Ben",
        legal_surname="Carter",
        date_of_birth=dt.date(2020, 6, 1),
        sex=codes.Sex.MALE.value,
    )


@pytest.fixture
def pete(ben: Child) -> User:
    """Pete, Ben's father (another child's parent)."""
    user = f.ParentUserFactory(full_name="Pete Carter", email="pete.carter@example.net")
    return f.parent_of(ben, user=user, relationship="Father")


@pytest.fixture
def zac(area: Area) -> User:
    """Zac, another young person, with his own record in Southshire."""
    user = f.YoungPersonUserFactory(full_name="Zac Zimmer", email="zac@example.net")
    f.ChildFactory(
        local_authority=area.southshire,
        legal_forename="Zac",
        legal_surname="Zimmer",
        date_of_birth=dt.date(2005, 11, 2),
        young_person_user=user,
        sex=codes.Sex.MALE.value,
    )
    return user


# --- the whole area, with cases ----------------------------------------------------------


@dataclass
class Bundle:
    """A case and the records hanging off it, for routes that take their ids."""

    case: Case
    child: Child
    advice: AdviceRequest | None = None
    advice_file: AdviceFile | None = None  # advice (issue 9, item 5)
    review: AnnualReview | None = None
    plan_version: PlanVersion | None = None
    exception: ClockException | None = None
    dispute: Dispute | None = None
    family_member: FamilyMember | None = None
    issued_document: IssuedDocument | None = None
    consultation: SettingConsultation | None = None  # sharing outside the case (issue 11)


@dataclass
class World:
    area: Area
    people: dict[str, User]
    tom: Bundle
    lily: Bundle
    yasmin: Bundle
    ben: Bundle
    cases: list[Case] = field(default_factory=list)

    def persona(self, role: str) -> User | None:
        name = ROLE_PERSONAS[role]
        return None if name is None else self.people[name]

    def unrelated(self, role: str) -> User:
        return self.people[UNRELATED_PERSONAS[role]]

    def related(self, role: str) -> Bundle:
        """The records the persona standing for `role` is related to."""
        if role == "young_person":
            return self.yasmin
        if role == "panel_member":  # panels see cases awaiting or in assessment
            return self.lily
        return self.tom


def _bundle(case: Case, **records: object) -> Bundle:
    """The case (fresh from the database), its latest plan version and advice request."""
    records.setdefault(
        "plan_version", PlanVersion.objects.filter(plan__case=case).order_by("-number").first()
    )
    records.setdefault("advice", AdviceRequest.objects.filter(case=case).order_by("pk").last())
    records.setdefault(
        "family_member", FamilyMember.objects.filter(child=case.child_id).order_by("pk").first()
    )
    records.setdefault(
        "advice_file", AdviceFile.objects.filter(advice_request__case=case).order_by("pk").last()
    )
    records.setdefault(
        "issued_document", IssuedDocument.objects.filter(case=case).order_by("pk").last()
    )
    case = Case.objects.select_related("child").get(pk=case.pk)
    return Bundle(case=case, child=case.child, **records)  # type: ignore[arg-type]


@pytest.fixture
def world(
    today: dt.date,
    area: Area,
    cara: User,
    sam: User,
    pat: User,
    sue: User,
    aled: User,
    paula: User,
    yasmin: User,
    ann: User,
    dev: User,
    ada: User,
    colin: User,
    nadia: User,
    piers: User,
    sian: User,
    hari: User,
    pete: User,
    zac: User,
    priya: User,
    tom: Child,
    lily: Child,
    yasmin_record: Child,
    ben: Child,
) -> World:
    people = {
        "cara": cara,
        "sam": sam,
        "pat": pat,
        "sue": sue,
        "aled": aled,
        "paula": paula,
        "yasmin": yasmin,
        "ann": ann,
        "dev": dev,
        "ada": ada,
        "colin": colin,
        "nadia": nadia,
        "piers": piers,
        "sian": sian,
        "hari": hari,
        "pete": pete,
        "zac": zac,
        "priya": priya,
    }
    with f.issued_files_stood_in():  # this world is about who may open what
        return _build_world(area, people, today, tom, lily, yasmin_record, ben, cara, colin)


def _build_world(
    area: Area,
    people: dict[str, User],
    today: dt.date,
    tom: Child,
    lily: Child,
    yasmin_record: Child,
    ben: Child,
    cara: User,
    colin: User,
) -> World:
    # Health advice asked during the assessment and never received (overdue by the time
    # the draft went out, Reg 8(1)): Aled's link to Tom. Advice can no longer be asked on
    # a case whose final plan is issued (order rule advice-during-assessment, Reg 6(1)).
    tom_case = f.case_with_final_plan(
        child=tom,
        caseworker=cara,
        today=today,
        named_setting=area.hillside,
        advice_from=[(AdviceService.PSYCHOLOGY, area.ep_service)],
        advice_outstanding=[(AdviceService.HEALTH, area.health)],
    )
    review_advice = tom_case.advice_requests.get(organisation=area.health)
    f.advice_file_add(review_advice, name="Tom - questions for health.pdf")
    exception = f.clock_exception(
        tom_case,
        start=tom_case.opened_on + 6 * f.WEEK,
        end=tom_case.opened_on + 8 * f.WEEK,
        today=today,
    )
    review = f.review_meeting(tom_case, today=today)
    mediation = f.dispute(tom_case, today=today)
    tom_advice_file = AdviceFile.objects.filter(advice_request__case=tom_case).last()
    consultation = _tom_consultation(tom_case, area, cara, today)
    lily_case = f.case_with_draft_plan(
        child=lily,
        caseworker=colin,
        today=today,
        named_setting=area.oakfield,
        advice_from=[(AdviceService.PSYCHOLOGY, area.ep_service)],
    )
    f.advice_file_add(lily_case.advice_requests.get(), name="EP report.pdf", direction="received")
    yasmin_case = f.case_with_final_plan(
        child=yasmin_record,
        caseworker=cara,
        today=today,
        named_setting=area.college,
        advice_from=[(AdviceService.SOCIAL_CARE, area.social_care)],
    )
    yasmin_review = f.review_meeting(yasmin_case, today=today)
    ben_case = f.case_with_request(child=ben, caseworker=colin, today=today)
    return World(
        area=area,
        people=people,
        tom=_bundle(
            tom_case, advice=review_advice, review=review, exception=exception, dispute=mediation,
            advice_file=tom_advice_file, consultation=consultation,
        ),
        lily=_bundle(lily_case),
        yasmin=_bundle(yasmin_case, review=yasmin_review),
        ben=_bundle(ben_case),
        cases=[tom_case, lily_case, yasmin_case, ben_case],
    )


# --- sharing outside the case (issue 11, item 6) ------------------------------------------


def _tom_consultation(
    tom_case: Case, area: Area, cara: User, today: dt.date
) -> SettingConsultation:
    """While Tom's draft was out, Hillside was consulted before being named (CFA 2014
    s39(2)), with Paula's consent to share with it, and sent the EP's report. Not yet
    answered. Sian's Riverside was not consulted: her school is the unrelated one."""
    from opensend.people.services import consent_record
    from opensend.statutory.consultation import consultation_due

    consent_record(actor=cara, child=tom_case.child, scope="share_outside_case",
                   decision="given", given_by="parent", organisation=area.hillside,
                   decided_on=today, today=today)
    draft = IssuedDocument.objects.get(case=tom_case, kind="draft_plan")
    report = f.advice_file_add(tom_case.advice_requests.get(organisation=area.ep_service),
                               name="Tom - EP report.pdf", direction="received")
    consultation = SettingConsultation.objects.create(
        case=tom_case, organisation=area.hillside, draft=draft, consulted_on=draft.issued_on,
        due_on=consultation_due(draft.issued_on), consulted_by=cara,
    )
    consultation.advice_files.set([report])
    return consultation
