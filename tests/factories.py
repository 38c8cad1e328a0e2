"""Test data: factory_boy factories for people, and helpers that build cases the way
the application does, THROUGH THE SERVICES (so events, the clock's steps and audit
rows are all there, exactly as a caseworker's clicks would leave them).

    child = ChildFactory(local_authority=la)
    case = case_with_final_plan(child=child, caseworker=cara, named_setting=school)

Every date is an argument with a default worked out from `TODAY` (22 November 2026,
the date the `today` fixture travels to), so a helper never records an event after
the day the clock is asked about.
"""

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from unittest import mock

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory

from opensend.casework.models import (
    AdviceFile,
    AdviceRequest,
    AnnualReview,
    Case,
    ClockException,
    Dispute,
    PanelQuestion,
    PlanVersion,
    VersionKind,
)
from opensend.casework.services.advice import advice_receive, advice_request_send
from opensend.casework.services.assessment import (
    clock_exception_record,
    panel_decision_record,
)
from opensend.casework.services.disputes import dispute_record
from opensend.casework.services.plans import plan_version_issue, plan_version_save
from opensend.casework.services.requests import ehc_request_record
from opensend.core.uploads import upload_store
from opensend.people.models import (
    AdviceService,
    Child,
    ChildNeed,
    Enrolment,
    FamilyMember,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
    UserKind,
    YoungPersonConsent,
)
from opensend.statutory import codes
from opensend.statutory.identifiers import make_nhs_number, make_upn

TODAY = dt.date(2026, 11, 22)
# Every factory-made user has this password (hashing is fast in tests: see conftest).
PASSWORD = "a long enough password for tests 2026"
WEEK = dt.timedelta(weeks=1)


# --- organisations -------------------------------------------------------------------


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.OTHER


class LocalAuthorityFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Borough {n} Council")
    kind = OrganisationKind.LOCAL_AUTHORITY
    la_code = factory.Sequence(lambda n: str(800 + n % 100))
    ons_code = factory.Sequence(lambda n: f"E06{n % 1_000_000:06d}")


class _InAreaFactory(OrganisationFactory):
    local_authority = factory.SubFactory(LocalAuthorityFactory)


class SchoolFactory(_InAreaFactory):
    """A mainstream primary school with a URN (override phase and NC years as needed)."""

    name = factory.Sequence(lambda n: f"School {n} Primary")
    kind = OrganisationKind.SCHOOL
    urn = factory.Sequence(lambda n: str(100000 + n))
    phase = codes.SettingPhase.PRIMARY.value
    first_nc_year = 0
    last_nc_year = 6
    postcode = "NR1 1AA"


class EarlyYearsFactory(_InAreaFactory):
    name = factory.Sequence(lambda n: f"Nursery {n}")
    kind = OrganisationKind.EARLY_YEARS
    urn = factory.Sequence(lambda n: str(500000 + n))
    phase = codes.SettingPhase.EARLY_YEARS.value


class CollegeFactory(_InAreaFactory):
    name = factory.Sequence(lambda n: f"College {n}")
    kind = OrganisationKind.COLLEGE
    ukprn = factory.Sequence(lambda n: str(10_000_000 + n))
    phase = codes.SettingPhase.FURTHER_EDUCATION.value
    first_nc_year = 12
    last_nc_year = 14


class NhsTrustFactory(_InAreaFactory):
    name = factory.Sequence(lambda n: f"Community Health {n} NHS Trust")
    kind = OrganisationKind.NHS_TRUST


class EpServiceFactory(_InAreaFactory):
    name = factory.Sequence(lambda n: f"Educational Psychology Service {n}")
    kind = OrganisationKind.EP_SERVICE


class SocialCareFactory(_InAreaFactory):
    name = factory.Sequence(lambda n: f"Children's Social Care {n}")
    kind = OrganisationKind.SOCIAL_CARE


# --- users and memberships -----------------------------------------------------------


class UserFactory(DjangoModelFactory):
    """A staff user with no role (add a MembershipFactory, or use `staff_user`)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    kind = UserKind.STAFF
    password = factory.django.Password(PASSWORD)


class ParentUserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"parent{n}@example.net")
    kind = UserKind.PARENT


class YoungPersonUserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"young.person{n}@example.net")
    kind = UserKind.YOUNG_PERSON


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(LocalAuthorityFactory)
    role = Role.CASEWORKER
    advice_service = ""


def staff_user(
    role: str, organisation: Organisation, *, advice_service: str = "", **fields: object
) -> User:
    """A staff user with one role at one organisation."""
    user = UserFactory(**fields)
    MembershipFactory(
        user=user, organisation=organisation, role=role, advice_service=advice_service
    )
    return user


# --- children and families ------------------------------------------------------------


def _upn(child: "factory.builder.Resolver") -> str:
    la_code = int(child.local_authority.la_code or 929)
    serial = child.serial
    return make_upn(la_code, 2000 + serial // 1000 % 8000, 2019, serial % 1000)


class ChildFactory(DjangoModelFactory):
    class Meta:
        model = Child
        exclude = ("serial",)

    serial = factory.Sequence(lambda n: n)
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    legal_forename = factory.Sequence(lambda n: f"Alex{n}")
    legal_surname = factory.Sequence(lambda n: f"Example{n}")
    date_of_birth = dt.date(2018, 5, 14)
    sex = codes.Sex.FEMALE.value
    ethnicity = codes.Ethnicity.WBRI.value
    postcode = "NR2 3AB"
    upn = factory.LazyAttribute(_upn)
    nhs_number = factory.LazyAttribute(lambda child: make_nhs_number(str(child.serial % 10**6)))


class ChildNeedFactory(DjangoModelFactory):
    class Meta:
        model = ChildNeed

    child = factory.SubFactory(ChildFactory)
    need = codes.NeedType.ASD.value
    rank = 1


class EnrolmentFactory(DjangoModelFactory):
    """On roll from September 2022, still on roll (end=None)."""

    class Meta:
        model = Enrolment

    child = factory.SubFactory(ChildFactory)
    setting = factory.SubFactory(
        SchoolFactory, local_authority=factory.SelfAttribute("..child.local_authority")
    )
    start = dt.date(2022, 9, 1)
    end = None


class FamilyMemberFactory(DjangoModelFactory):
    """A parent with parental responsibility; pass user=... to give them an account."""

    class Meta:
        model = FamilyMember

    child = factory.SubFactory(ChildFactory)
    name = factory.Sequence(lambda n: f"Parent {n}")
    relationship = "Mother"
    holds_parental_responsibility = True
    user = None
    email = factory.Sequence(lambda n: f"family{n}@example.net")


class YoungPersonConsentFactory(DjangoModelFactory):
    """The young person's consent for a family member to keep seeing their record."""

    class Meta:
        model = YoungPersonConsent

    child = factory.SubFactory(ChildFactory)
    family_member = factory.SubFactory(FamilyMemberFactory, child=factory.SelfAttribute("..child"))
    given_on = dt.date(2024, 9, 1)
    withdrawn_on = None
    recorded_by = None


def parent_of(child: Child, *, user: User | None = None, **fields: object) -> User:
    """A parent account holding parental responsibility for `child`."""
    user = user or ParentUserFactory()
    FamilyMemberFactory(child=child, user=user, name=user.full_name, **fields)
    return user


# --- cases, built through the services ------------------------------------------------


def _actor_for(case_or_child: Case | Child, caseworker: User | None) -> User:
    if caseworker is not None:
        return caseworker
    area = case_or_child.local_authority
    return staff_user(Role.CASEWORKER, area)


def _fresh(case: Case) -> Case:
    return Case.objects.select_related("child").get(pk=case.pk)


def case_with_request(
    *,
    child: Child | None = None,
    caseworker: User | None = None,
    received_on: dt.date | None = None,
    today: dt.date = TODAY,
    source: str = codes.RequestSource.EDUCATION_SETTING.value,
    requesting_setting: Organisation | None = None,
) -> Case:
    """A request for an EHC needs assessment, awaiting the decision whether to assess."""
    child = child or ChildFactory()
    actor = _actor_for(child, caseworker)
    case = ehc_request_record(
        actor=actor,
        child=child,
        received_on=received_on or today - 2 * WEEK,
        source=source,
        today=today,
        requesting_setting=requesting_setting,
        requested_by=requesting_setting.name if requesting_setting else "",
        graduated_approach_evidence="Two cycles of assess, plan, do, review.",
        caseworker=actor,
    )
    return _fresh(case)


def panel_decide(
    case: Case,
    *,
    question: str = PanelQuestion.ASSESS,
    agreed: bool = True,
    met_on: dt.date,
    today: dt.date = TODAY,
    actor: User | None = None,
    reasons: str = "The evidence shows the child may need a plan.",
) -> Case:
    panel_decision_record(
        actor=actor or case.caseworker,
        case=case,
        met_on=met_on,
        question=question,
        agreed=agreed,
        reasons=reasons,
        attendance=[("education", "Head of SEN"), ("health", "Designated Clinical Officer")],
        today=today,
        expected_version=case.version,
    )
    return _fresh(case)


def advice_ask(
    case: Case,
    *,
    organisation: Organisation,
    service: str = AdviceService.HEALTH,
    requested_on: dt.date,
    today: dt.date = TODAY,
) -> AdviceRequest:
    advice = advice_request_send(
        actor=case.caseworker,
        case=case,
        service=service,
        organisation=organisation,
        requested_on=requested_on,
        today=today,
        expected_version=_fresh(case).version,
    )
    return advice


def advice_file_add(
    advice: AdviceRequest,
    *,
    name: str = "advice.pdf",
    content: bytes = b"%PDF-1.7\n%%EOF\n",
    direction: str = "sent",
) -> AdviceFile:
    """A file sent with (or received for) an advice request, stored through the upload
    gate (opensend/core/uploads.py)."""
    upload = upload_store(
        actor=advice.case.caseworker or UserFactory(), upload=SimpleUploadedFile(name, content)
    )
    return AdviceFile.objects.create(advice_request=advice, upload=upload, direction=direction)


def case_assessing(
    *,
    child: Child | None = None,
    caseworker: User | None = None,
    received_on: dt.date | None = None,
    today: dt.date = TODAY,
    advice_from: Sequence[tuple[str, Organisation]] = (),
    advice_received: bool = False,
    requesting_setting: Organisation | None = None,
    advice_outstanding: Sequence[tuple[str, Organisation]] = (),
) -> Case:
    """A case the panel agreed to assess, with advice asked of each (service, organisation);
    ``advice_outstanding``: asked too, and never received."""
    received_on = received_on or today - 10 * WEEK
    case = case_with_request(
        child=child,
        caseworker=caseworker,
        received_on=received_on,
        today=today,
        requesting_setting=requesting_setting,
    )
    decided = received_on + 5 * WEEK
    case = panel_decide(case, met_on=decided, today=today)
    for service, organisation in advice_from:
        advice = advice_ask(
            case,
            organisation=organisation,
            service=service,
            requested_on=decided + dt.timedelta(days=1),
            today=today,
        )
        if advice_received:
            advice_receive(
                actor=case.caseworker,
                advice=advice,
                received_on=decided + 4 * WEEK,
                summary="Advice on needs and provision.",
                today=today,
                expected_version=None,
            )
    for service, organisation in advice_outstanding:
        advice_ask(
            case,
            organisation=organisation,
            service=service,
            requested_on=decided + dt.timedelta(days=1),
            today=today,
        )
    return _fresh(case)


@contextlib.contextmanager
def issued_files_stood_in() -> Iterator[None]:
    """Issue plans and letters with small stand-in files instead of rendering them.

    For fixtures that build a whole area for every test (the route matrix and IDOR
    worlds): they check who may open each route, not what a document says, and WeasyPrint
    would make each world seconds slower. What the files say, and that they never change,
    is tests/casework/test_issued_documents.py's to check, with real rendering.
    """
    from opensend.casework import documents, letters

    def stand_in(what: str) -> Callable[[object], bytes]:
        return lambda source: f"%PDF-1.7\n% stand-in {what} {id(source)}\n".encode()

    with (
        mock.patch.object(documents, "plan_pdf", stand_in("plan pdf")),
        mock.patch.object(documents, "plan_docx", stand_in("plan docx")),
        mock.patch.object(letters, "letter_pdf", stand_in("letter pdf")),
        mock.patch.object(letters, "letter_docx", stand_in("letter docx")),
    ):
        yield


def plan_sections(named_setting: Organisation | None = None) -> dict[str, object]:
    """Sections for a plan version: a short but complete golden thread."""
    sections: dict[str, object] = {
        "A": "Likes trains and drawing; wants to make friends.",
        "B": [{"need": "ASD", "description": "Finds changes of routine hard."}],
        "E": [{"outcome": "Joins in a small-group activity every day", "by": "July 2027"}],
        "F": [
            {
                "need": "ASD",
                "provision": "Visual timetable and a daily check-in",
                "amount": "15 minutes a day",
                "delivered_by": "Teaching assistant",
            }
        ],
    }
    if named_setting is not None:
        sections["I"] = {"setting_id": named_setting.pk, "setting_name": named_setting.name}
    return sections


def plan_issue(
    case: Case,
    *,
    kind: str,
    issued_on: dt.date,
    today: dt.date = TODAY,
    named_setting: Organisation | None = None,
) -> PlanVersion:
    """Save a working version of `kind` and issue it."""
    plan_version_save(
        actor=case.caseworker,
        case=case,
        kind=kind,
        sections=plan_sections(named_setting),
        today=today,
        expected_version=_fresh(case).version,
    )
    return plan_version_issue(
        actor=case.caseworker,
        case=case,
        issued_on=issued_on,
        today=today,
        expected_version=_fresh(case).version,
        kind=kind,
    )


def case_with_draft_plan(
    *,
    child: Child | None = None,
    caseworker: User | None = None,
    received_on: dt.date | None = None,
    today: dt.date = TODAY,
    advice_from: Sequence[tuple[str, Organisation]] = (),
    named_setting: Organisation | None = None,
    advice_outstanding: Sequence[tuple[str, Organisation]] = (),
) -> Case:
    """Assessed, the panel agreed to issue, and a draft plan was issued (stage: drafting).
    Advice still outstanding is overdue by then (Reg 8(1)), so the draft may go ahead."""
    received_on = received_on or today - 17 * WEEK
    case = case_assessing(
        child=child,
        caseworker=caseworker,
        received_on=received_on,
        today=today,
        advice_from=advice_from,
        advice_received=True,
        advice_outstanding=advice_outstanding,
    )
    case = panel_decide(
        case, question=PanelQuestion.ISSUE, met_on=received_on + 11 * WEEK, today=today
    )
    plan_issue(
        case,
        kind=VersionKind.DRAFT,
        issued_on=received_on + 12 * WEEK,
        today=today,
        named_setting=named_setting,
    )
    return _fresh(case)


def case_with_final_plan(
    *,
    child: Child | None = None,
    caseworker: User | None = None,
    received_on: dt.date | None = None,
    today: dt.date = TODAY,
    advice_from: Sequence[tuple[str, Organisation]] = (),
    named_setting: Organisation | None = None,
    advice_outstanding: Sequence[tuple[str, Organisation]] = (),
) -> Case:
    """A final plan issued within 20 weeks of the request (stage: plan)."""
    received_on = received_on or today - 30 * WEEK
    case = case_with_draft_plan(
        child=child,
        caseworker=caseworker,
        received_on=received_on,
        today=today,
        advice_from=advice_from,
        named_setting=named_setting,
        advice_outstanding=advice_outstanding,
    )
    plan_issue(
        case,
        kind=VersionKind.FINAL,
        issued_on=received_on + 18 * WEEK,
        today=today,
        named_setting=named_setting,
    )
    return _fresh(case)


def review_meeting(
    case: Case, *, meeting_on: dt.date | None = None, today: dt.date = TODAY
) -> AnnualReview:
    from opensend.casework.services.reviews import review_meeting_record

    return review_meeting_record(
        actor=case.caseworker,
        case=case,
        meeting_on=meeting_on or today - WEEK,
        notes="Good progress; keep the provision.",
        today=today,
        expected_version=_fresh(case).version,
    )


def clock_exception(
    case: Case,
    *,
    start: dt.date,
    end: dt.date,
    reason: str = "personal_circumstances",
    today: dt.date = TODAY,
) -> ClockException:
    return clock_exception_record(
        actor=case.caseworker,
        case=case,
        reason=reason,
        start=start,
        end=end,
        note="Family abroad for a bereavement.",
        today=today,
        expected_version=_fresh(case).version,
    )


def dispute(
    case: Case,
    *,
    kind: str = "mediation",
    decision: str = "contents",
    started_on: dt.date | None = None,
    today: dt.date = TODAY,
) -> Dispute:
    return dispute_record(
        actor=case.caseworker,
        case=case,
        kind=kind,
        decision=decision,
        started_on=started_on or today - WEEK,
        today=today,
        expected_version=_fresh(case).version,
    )
