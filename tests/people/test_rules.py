"""The permission model (opensend/people/rules.py): who sees which child, and who not.

One row per relationship: the row builds the relationship (through the services, as the
application would), then asks `visible_children`, the single rule every list and every
single record uses. A second test checks that lists and single records agree for every
persona: the children a user can list are exactly those whose record opens for them.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.http import Http404

from opensend.casework.models import Case
from opensend.casework.selectors import case_get, cases_visible, child_get
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import AdviceService, Child, Role, User
from opensend.people.rules import advice_addressed_q, visible_children
from opensend.statutory.school_year import young_person_from
from tests import factories as f
from tests.factories import TODAY, WEEK
from tests.personas import ROLE_PERSONAS, UNRELATED_PERSONAS, Area, World

DAY = dt.timedelta(days=1)
# Born 31 August 2010: a child until the end of June 2026, then a young person.
TURNS_YP = dt.date(2010, 8, 31)


@dataclass(frozen=True)
class Row:
    who: str
    relationship: str
    build: Callable[[Area], tuple[User, Child]]
    sees: bool
    on: dt.date = TODAY

    def __str__(self) -> str:
        return f"{self.who}: {self.relationship}"


def child_in(area: Area, **fields: object) -> Child:
    return f.ChildFactory(local_authority=area.northshire, **fields)


def staff(role: str, organisation, **fields: object) -> User:
    return f.staff_user(role, organisation, **fields)


# --- LA staff ---------------------------------------------------------------------------


def caseworker_allocated(area: Area) -> tuple[User, Child]:
    cara = staff(Role.CASEWORKER, area.northshire)
    return cara, f.case_with_request(child=child_in(area), caseworker=cara).child


def caseworker_of_another_case(area: Area) -> tuple[User, Child]:
    cara = staff(Role.CASEWORKER, area.northshire)
    f.case_with_request(child=child_in(area), caseworker=cara)
    return cara, f.case_with_request(child=child_in(area)).child


def caseworker_child_without_case(area: Area) -> tuple[User, Child]:
    return staff(Role.CASEWORKER, area.northshire), child_in(area)


def caseworker_reallocated(area: Area) -> tuple[User, Child]:
    from opensend.casework.services.requests import case_allocate

    cara, colin = staff(Role.CASEWORKER, area.northshire), staff(Role.CASEWORKER, area.northshire)
    case = f.case_with_request(child=child_in(area), caseworker=cara)
    case_allocate(
        actor=cara, case=case, caseworker=colin, today=TODAY, expected_version=case.version
    )
    return cara, case.child


def manager_own_area(area: Area) -> tuple[User, Child]:
    return staff(Role.SEN_MANAGER, area.northshire), child_in(area)


def manager_other_area(area: Area) -> tuple[User, Child]:
    return staff(Role.SEN_MANAGER, area.southshire), child_in(area)


def panel(
    stage_builder: Callable[..., Case], other_area: bool = False, **options: object
) -> Callable[[Area], tuple[User, Child]]:
    def build(area: Area) -> tuple[User, Child]:
        member = staff(Role.PANEL_MEMBER, area.southshire if other_area else area.northshire)
        return member, stage_builder(child=child_in(area), **options).child

    return build


def refused_assessment(*, child: Child) -> Case:
    case = f.case_with_request(child=child, received_on=TODAY - 7 * WEEK)
    return f.panel_decide(case, agreed=False, met_on=TODAY - 2 * WEEK)


# --- settings, advice givers ----------------------------------------------------------


def senco_enrolled(start: dt.date, end: dt.date | None) -> Callable[[Area], tuple[User, Child]]:
    def build(area: Area) -> tuple[User, Child]:
        child = child_in(area)
        f.EnrolmentFactory(child=child, setting=area.hillside, start=start, end=end)
        return staff(Role.SENCO, area.hillside), child

    return build


def senco_other_school(area: Area) -> tuple[User, Child]:
    child = child_in(area)
    f.EnrolmentFactory(child=child, setting=area.riverside)
    return staff(Role.SENCO, area.hillside), child


def senco_child_moved_school(area: Area) -> tuple[User, Child]:
    """Left Hillside last summer, now at Riverside: the old enrolment does not count."""
    child = child_in(area)
    f.EnrolmentFactory(
        child=child, setting=area.hillside, start=dt.date(2020, 9, 1), end=dt.date(2026, 7, 22)
    )
    f.EnrolmentFactory(child=child, setting=area.riverside, start=dt.date(2026, 9, 3))
    return staff(Role.SENCO, area.hillside), child


def senco_named_in_plan(area: Area) -> tuple[User, Child]:
    case = f.case_with_final_plan(child=child_in(area), named_setting=area.oakfield)
    return staff(Role.SENCO, area.oakfield), case.child


def senco_asked_for_advice(area: Area) -> tuple[User, Child]:
    case = f.case_assessing(
        child=child_in(area), advice_from=[(AdviceService.EDUCATION, area.riverside)]
    )
    return staff(Role.SENCO, area.riverside), case.child


def advice_giver(asked: bool) -> Callable[[Area], tuple[User, Child]]:
    def build(area: Area) -> tuple[User, Child]:
        case = f.case_assessing(
            child=child_in(area), advice_from=[(AdviceService.HEALTH, area.health)]
        )
        trust = area.health if asked else area.southshire_health
        return staff(Role.ADVICE_GIVER, trust, advice_service=AdviceService.HEALTH), case.child

    return build


def no_child_records(role: str) -> Callable[[Area], tuple[User, Child]]:
    def build(area: Area) -> tuple[User, Child]:
        case = f.case_with_final_plan(child=child_in(area), named_setting=area.hillside)
        return staff(role, area.northshire), case.child

    return build


def inactive_caseworker(area: Area) -> tuple[User, Child]:
    cara, child = caseworker_allocated(area)
    cara.is_active = False
    cara.save(update_fields=["is_active"])
    return cara, child


# --- families -------------------------------------------------------------------------


def parent(
    *,
    responsibility: bool = True,
    date_of_birth: dt.date = dt.date(2018, 5, 14),
    consent: tuple[dt.date, dt.date | None] | None = None,
) -> Callable[[Area], tuple[User, Child]]:
    def build(area: Area) -> tuple[User, Child]:
        child = child_in(area, date_of_birth=date_of_birth)
        user = f.ParentUserFactory()
        member = f.FamilyMemberFactory(
            child=child, user=user, holds_parental_responsibility=responsibility
        )
        if consent is not None:
            given_on, withdrawn_on = consent
            f.YoungPersonConsentFactory(
                child=child, family_member=member, given_on=given_on, withdrawn_on=withdrawn_on
            )
        return user, child

    return build


def another_childs_parent(area: Area) -> tuple[User, Child]:
    user, _ = parent()(area)
    return user, child_in(area)


def consent_for_another_child(area: Area) -> tuple[User, Child]:
    """Consent recorded on a sibling's record does not open this young person's."""
    user, _sibling = parent(date_of_birth=dt.date(2004, 1, 1), consent=(TODAY - WEEK, None))(area)
    child = child_in(area, date_of_birth=dt.date(2006, 2, 2))
    f.FamilyMemberFactory(child=child, user=user)
    return user, child


def own_record(area: Area) -> tuple[User, Child]:
    user = f.YoungPersonUserFactory()
    return user, child_in(area, date_of_birth=dt.date(2006, 4, 2), young_person_user=user)


def someone_elses_record(area: Area) -> tuple[User, Child]:
    user, _ = own_record(area)
    return user, child_in(area, date_of_birth=dt.date(2005, 4, 2))


ADULT = dt.date(2006, 4, 2)  # a young person since June 2022
ROWS = [
    Row("caseworker", "allocated the child's case", caseworker_allocated, True),
    Row("caseworker", "another caseworker's case", caseworker_of_another_case, False),
    Row("caseworker", "a child in the area with no case", caseworker_child_without_case, False),
    Row("caseworker", "the case was reallocated to a colleague", caseworker_reallocated, False),
    Row("caseworker", "allocated, but the account is disabled", inactive_caseworker, False),
    Row("sen_manager", "a child of their local authority", manager_own_area, True),
    Row("sen_manager", "a child of another local authority", manager_other_area, False),
    Row(
        "panel_member", "request awaiting the decision to assess", panel(f.case_with_request), True
    ),
    Row("panel_member", "being assessed", panel(f.case_assessing), True),
    Row("panel_member", "draft plan", panel(f.case_with_draft_plan), True),
    Row("panel_member", "final plan issued", panel(f.case_with_final_plan), False),
    Row("panel_member", "assessment refused", panel(refused_assessment), False),
    Row("panel_member", "another area's request", panel(f.case_with_request, True), False),
    Row("senco", "on roll today", senco_enrolled(dt.date(2022, 9, 1), None), True),
    Row("senco", "the enrolment ends today", senco_enrolled(dt.date(2022, 9, 1), TODAY), True),
    Row(
        "senco",
        "the enrolment ended yesterday",
        senco_enrolled(dt.date(2022, 9, 1), TODAY - DAY),
        False,
    ),
    Row("senco", "the enrolment starts tomorrow", senco_enrolled(TODAY + DAY, None), False),
    Row("senco", "on roll at another school", senco_other_school, False),
    Row("senco", "moved on to another school", senco_child_moved_school, False),
    Row("senco", "the plan names their school", senco_named_in_plan, True),
    Row("senco", "the case asked their school for advice", senco_asked_for_advice, True),
    # an adviser reaches the child only through the advice request (ADR 0035)
    Row("advice_giver", "their organisation was asked for advice", advice_giver(True), False),
    Row("advice_giver", "another organisation was asked", advice_giver(False), False),
    Row("analyst", "a child with a plan in their area", no_child_records(Role.ANALYST), False),
    Row(
        "directory_editor",
        "a child with a plan in their area",
        no_child_records(Role.DIRECTORY_EDITOR),
        False,
    ),
    # Local Offer editorial (issue 4): provider staff see directory listings, no child.
    Row("provider", "a child with a plan in their area", no_child_records(Role.PROVIDER), False),
    Row(
        "administrator",
        "a child with a plan in their area",
        no_child_records(Role.ADMINISTRATOR),
        False,
    ),
    Row("parent", "holds parental responsibility", parent(), True),
    Row(
        "parent",
        "a family member without parental responsibility",
        parent(responsibility=False),
        False,
    ),
    Row("parent", "another child's parent", another_childs_parent, False),
    Row(
        "parent",
        "the last day before the child becomes a young person",
        parent(date_of_birth=TURNS_YP),
        True,
        young_person_from(TURNS_YP) - DAY,
    ),
    Row(
        "parent",
        "the first day as a young person, no consent",
        parent(date_of_birth=TURNS_YP),
        False,
        young_person_from(TURNS_YP),
    ),
    Row("parent", "young person, no consent", parent(date_of_birth=ADULT), False),
    Row(
        "parent",
        "young person, consent given",
        parent(date_of_birth=ADULT, consent=(dt.date(2024, 9, 1), None)),
        True,
    ),
    Row(
        "parent",
        "young person, consent given today",
        parent(date_of_birth=ADULT, consent=(TODAY, None)),
        True,
    ),
    Row(
        "parent",
        "young person, consent withdrawn",
        parent(date_of_birth=ADULT, consent=(dt.date(2024, 9, 1), TODAY - WEEK)),
        False,
    ),
    Row(
        "parent",
        "young person, consent withdrawn today",
        parent(date_of_birth=ADULT, consent=(dt.date(2024, 9, 1), TODAY)),
        False,
    ),
    Row(
        "parent",
        "young person, consent withdrawn from next week",
        parent(date_of_birth=ADULT, consent=(dt.date(2024, 9, 1), TODAY + WEEK)),
        True,
    ),
    Row(
        "parent",
        "young person, consent given from a future date",
        parent(date_of_birth=ADULT, consent=(TODAY + WEEK, None)),
        False,
    ),
    Row(
        "parent",
        "young person, consent given but no parental responsibility",
        parent(responsibility=False, date_of_birth=ADULT, consent=(dt.date(2024, 9, 1), None)),
        False,
    ),
    Row(
        "parent",
        "young person, consent recorded on a sibling's record",
        consent_for_another_child,
        False,
    ),
    Row("young_person", "their own record", own_record, True),
    Row("young_person", "someone else's record", someone_elses_record, False),
]


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_who_sees_the_child(row: Row, area: Area, today: dt.date) -> None:
    user, child = row.build(area)
    user.refresh_from_db()  # roles are cached on the instance
    listed = visible_children(user, row.on).filter(pk=child.pk).exists()
    assert listed is row.sees, f"{row}: visible_children says {listed}"
    # A single record agrees with the list (and refusals are audited).
    opens = _opens(lambda: child_get(user=user, child_id=child.pk, today=row.on, why="test"))
    assert opens is row.sees, f"{row}: child_get {'opens' if opens else 'refuses'} the record"
    for case in Case.objects.filter(child=child):
        opens = _opens(lambda c=case: case_get(user=user, case_id=c.pk, today=row.on, why="t"))
        assert opens is row.sees, f"{row}: case_get {'opens' if opens else 'refuses'} {case}"


def _opens(read: Callable[[], object]) -> bool:
    try:
        read()
    except Http404:
        return False
    return True


def test_every_role_has_rows() -> None:
    covered = {row.who for row in ROWS}
    assert covered >= set(ROLE_PERSONAS) - {"anonymous"}, set(ROLE_PERSONAS) - covered


def test_visible_children_lists_each_child_once(area: Area, today: dt.date) -> None:
    """Several relationships to one child (two cases, two enrolments) list it once."""
    sue = staff(Role.SENCO, area.hillside)
    child = child_in(area)
    f.EnrolmentFactory(child=child, setting=area.hillside, start=dt.date(2022, 9, 1))
    f.EnrolmentFactory(
        child=child, setting=area.hillside, start=dt.date(2020, 9, 1), end=dt.date(2021, 7, 20)
    )
    f.case_with_final_plan(child=child, named_setting=area.hillside)
    assert list(visible_children(sue, today)) == [child]


def test_signed_out_users_see_no_one(area: Area, today: dt.date) -> None:
    from django.contrib.auth.models import AnonymousUser

    child_in(area)
    assert not visible_children(AnonymousUser(), today).exists()


@pytest.mark.parametrize("role", sorted(set(ROLE_PERSONAS) - {"anonymous"}))
def test_lists_and_single_records_agree(role: str, world: World, today: dt.date) -> None:
    """For the persona of each role, and the unrelated one: what the lists show is exactly
    what opens one record at a time, for children and for cases."""
    users = [world.persona(role)]
    if role in UNRELATED_PERSONAS:
        users.append(world.unrelated(role))
    for user in users:
        listed_children = set(visible_children(user, today).values_list("pk", flat=True))
        opening_children = {
            child.pk
            for child in Child.objects.all()
            if _opens(lambda c=child: child_get(user=user, child_id=c.pk, today=today, why="t"))
        }
        assert listed_children == opening_children, user
        listed_cases = set(cases_visible(user, today).values_list("pk", flat=True))
        opening_cases = {
            case.pk
            for case in Case.objects.all()
            if _opens(lambda c=case: case_get(user=user, case_id=c.pk, today=today, why="t"))
        }
        assert listed_cases == opening_cases, user


def test_the_personas_see_what_their_story_says(world: World, today: dt.date) -> None:
    """The world the route and IDOR tests rely on: each persona's relationships hold."""

    def sees(name: str) -> set[str]:
        user = world.people[name]
        return {child.legal_forename for child in visible_children(user, today)}

    assert sees("cara") == {"Thomas", "Yasmin"}
    assert sees("colin") == {"Lily", "Benjamin"}
    assert sees("sam") == {"Thomas", "Lily", "Yasmin", "Benjamin"}
    assert sees("pat") == {"Lily", "Benjamin"}
    assert sees("sue") == {"Thomas"}
    assert sees("aled") == set()  # asked about Tom: his advice request only (ADR 0035)
    assert sees("paula") == {"Thomas"}
    assert sees("yasmin") == {"Yasmin"}
    assert sees("pete") == {"Benjamin"}
    assert sees("zac") == {"Zac"}
    assert sees("nadia") == {"Zac"}  # Zac lives in Southshire
    for nobody in ("ann", "dev", "ada", "piers", "sian", "hari", "aled"):
        assert sees(nobody) == set(), nobody


def test_a_refused_single_record_is_audited(world: World, today: dt.date) -> None:
    sian = world.unrelated("senco")
    with pytest.raises(Http404):
        child_get(user=sian, child_id=world.tom.child.pk, today=today, why="child page")
    denied = AuditEvent.objects.filter(actor=sian, action=AuditAction.DENIED).get()
    assert denied.detail == {"child": world.tom.child.pk}
    assert denied.why == "child page"


# --- what an adviser reaches instead: the advice requests addressed to them (ADR 0035) --


@pytest.mark.parametrize(
    ("trust", "service", "addressed"),
    [
        ("health", AdviceService.HEALTH, True),  # asked, for their kind of advice
        ("health", "", True),  # a membership naming no kind gives any kind
        ("health", AdviceService.PSYCHOLOGY, False),  # another kind
        ("southshire_health", AdviceService.HEALTH, False),  # another organisation
    ],
)
def test_the_advice_requests_addressed_to_an_adviser(
    area: Area, trust: str, service: str, addressed: bool
) -> None:
    case = f.case_assessing(child=child_in(area), advice_from=[(AdviceService.HEALTH, area.health)])
    user = staff(Role.ADVICE_GIVER, getattr(area, trust), advice_service=service)
    found = case.advice_requests.filter(advice_addressed_q(user)).exists()
    assert found is addressed
