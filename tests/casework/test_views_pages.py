"""The casework read pages: queue, case, search, team, my cases and the family pages.

Personas (all in Northshire unless said otherwise):
  Cara the caseworker, Colin another caseworker, Mona the SEN manager,
  Sita the SENCO at Oak Primary, Hana the health advice giver at Northshire NHS Trust,
  Pat the panel member, Priya a parent, Yusuf a young person.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opensend.casework.models import Case, PanelQuestion
from opensend.casework.services.advice import advice_request_send
from opensend.casework.services.assessment import panel_decision_record
from opensend.casework.services.requests import ehc_request_record
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import (
    Child,
    ChildNeed,
    Enrolment,
    FamilyMember,
    Membership,
    Organisation,
    User,
    YoungPersonConsent,
)
from opensend.statutory.clock import ClockError
from tests.factories import TODAY
from tests.pages import check_page, elements_with_class, text_of

WEEK = dt.timedelta(weeks=1)
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    """Every test runs on TODAY, 22 November 2026 (the shared `today` fixture)."""


@pytest.fixture
def client_of(staff_client, family_client):
    """client_of(user): signed in (staff with the second factor verified)."""
    return lambda user: staff_client(user) if user.is_staff_user else family_client(user)


# ---------------------------------------------------------------------------------------
# Building the people with the services
# ---------------------------------------------------------------------------------------


def staff(email: str, name: str, role: str, organisation: Organisation, **extra) -> User:
    user = User.objects.create_user(email, full_name=name, kind="staff")
    Membership.objects.create(user=user, organisation=organisation, role=role, **extra)
    return user


class People:
    def __init__(self) -> None:
        self.la = Organisation.objects.create(
            name="Northshire County Council", kind="local_authority", la_code="999"
        )
        self.school = Organisation.objects.create(
            name="Oak Primary School", kind="school", urn="100001", local_authority=self.la
        )
        self.nhs = Organisation.objects.create(
            name="Northshire NHS Trust", kind="nhs_trust", local_authority=self.la
        )
        self.cara = staff("cara@example.org", "Cara Jones", "caseworker", self.la)
        self.colin = staff("colin@example.org", "Colin Reed", "caseworker", self.la)
        self.mona = staff("mona@example.org", "Mona Patel", "sen_manager", self.la)
        self.sita = staff("sita@example.org", "Sita Rao", "senco", self.school)
        self.hana = staff(
            "hana@example.org", "Hana Ali", "advice_giver", self.nhs, advice_service="health"
        )
        self.pat = staff("pat@example.org", "Pat Lee", "panel_member", self.la)
        self.priya = User.objects.create_user(
            "priya@example.org", full_name="Priya Shah", kind="parent"
        )
        self.yusuf = User.objects.create_user(
            "yusuf@example.org", full_name="Yusuf Khan", kind="young_person"
        )
        self._upn = 0

    def child(self, forename: str, surname: str, born: dt.date, **fields) -> Child:
        return Child.objects.create(
            local_authority=self.la,
            legal_forename=forename,
            legal_surname=surname,
            date_of_birth=born,
            sex="F",
            **fields,
        )

    def case(self, child: Child, received_on: dt.date, caseworker: User | None = None) -> Case:
        return ehc_request_record(
            actor=self.cara,
            child=child,
            received_on=received_on,
            source="1",
            today=TODAY,
            caseworker=caseworker or self.cara,
        )

    def assess(self, case: Case, on: dt.date) -> None:
        panel_decision_record(
            actor=self.cara,
            case=case,
            met_on=on,
            question=PanelQuestion.ASSESS,
            agreed=True,
            reasons="",
            attendance=[("education", "Ed")],
            today=TODAY,
            expected_version=None,
        )

    def ask_health(self, case: Case, on: dt.date) -> None:
        advice_request_send(
            actor=self.cara,
            case=case,
            service="health",
            organisation=self.nhs,
            requested_on=on,
            today=TODAY,
            expected_version=None,
        )


@pytest.fixture
def people(db) -> People:
    """This module's own cast (not tests/personas.py): one case per queue filter is easier
    to read when every date is set here."""
    return People()


@pytest.fixture
def ava(people: People) -> Child:
    """On Oak Primary's roll, primary need autism, with a parent (Priya)."""
    ava = people.child("Ava", "Smith", dt.date(2016, 5, 4), upn="A999100012001")
    ChildNeed.objects.create(child=ava, need="ASD", rank=1)
    Enrolment.objects.create(child=ava, setting=people.school, start=dt.date(2021, 9, 1))
    FamilyMember.objects.create(
        child=ava,
        name="Priya Shah",
        relationship="Mother",
        holds_parental_responsibility=True,
        user=people.priya,
    )
    return ava


@pytest.fixture
def ava_case(people: People, ava: Child) -> Case:
    """Received 27 September: assessment agreed 1 November, health advice asked 3 November."""
    case = people.case(ava, TODAY - 8 * WEEK)
    people.assess(case, TODAY - 3 * WEEK)
    people.ask_health(case, TODAY - 3 * WEEK + 2 * DAY)
    return Case.objects.get(pk=case.pk)


def url(name: str, *args: object) -> str:
    return reverse(name, args=args)


def audit_rows(**filters) -> int:
    return AuditEvent.objects.filter(**filters).count()


# ---------------------------------------------------------------------------------------
# Work queue
# ---------------------------------------------------------------------------------------


@pytest.fixture
def queue_cases(people: People) -> dict[str, Case]:
    """One case per queue filter for Cara, and one of Colin's she must not see."""
    overdue = people.case(people.child("Olly", "Overdue", dt.date(2015, 1, 1)), TODAY - 8 * WEEK)
    this_week = people.case(
        people.child("Wendy", "Week", dt.date(2015, 1, 2)), TODAY + 2 * DAY - 6 * WEEK
    )  # decision due in 2 days
    later = people.case(people.child("Lara", "Later", dt.date(2015, 1, 3)), TODAY - WEEK)
    advice = people.case(people.child("Adam", "Advice", dt.date(2015, 1, 4)), TODAY - 4 * WEEK)
    people.assess(advice, TODAY - 3 * WEEK)
    people.ask_health(advice, TODAY - 3 * WEEK)  # due in 3 weeks
    cole = people.child("Cole", "Other", dt.date(2015, 1, 5))
    colins = people.case(cole, TODAY - 8 * WEEK, caseworker=people.colin)
    return {
        "overdue": overdue,
        "this_week": this_week,
        "later": later,
        "advice": advice,
        "colins": colins,
    }


def row_children(page) -> list[str]:
    return [text_of(row.find("./td[1]")) for row in page.findall(".//tbody/tr")]


def test_queue_lists_my_open_steps_soonest_first(client_of, people, queue_cases) -> None:
    client = client_of(people.cara)
    response = client.get(url("casework:queue"))
    assert response.status_code == 200
    page = check_page(response)
    assert text_of(page.find(".//h1")) == "Your work queue"
    rows = [[text_of(cell) for cell in row.findall("./td")] for row in page.findall(".//tbody/tr")]
    assert rows[:4] == [
        ["Olly Overdue", "Decide whether to assess", "8 November 2026 14 days overdue", "Overdue"],
        ["Wendy Week", "Decide whether to assess", "24 November 2026 2 days left", "Due"],
        ["Adam Advice", "Health advice", "13 December 2026 21 days left", "Due"],
        ["Lara Later", "Decide whether to assess", "27 December 2026 35 days left", "Due"],
    ]
    assert len(rows) == 9  # and each case's later steps (final plan, ...)
    links = {a.get("href") for a in page.iter("a")}
    assert url("casework:request_new") in links
    assert url("casework:case", queue_cases["overdue"].pk) in links
    assert url("casework:case", queue_cases["colins"].pk) not in links


@pytest.mark.parametrize(
    ("show", "children"),
    [
        ("overdue", ["Olly Overdue"]),
        ("due_this_week", ["Wendy Week"]),
        ("waiting_on_advice", ["Adam Advice"]),
        ("nonsense", ["Olly Overdue", "Wendy Week", "Adam Advice", "Lara Later"]),
    ],
)
def test_queue_filters(client_of, people, queue_cases, show: str, children: list[str]) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:queue"), {"show": show}))
    assert row_children(page)[: len(children)] == children
    if show != "nonsense":
        assert len(row_children(page)) == len(children)
    # The older ?show= links mean the new filters: a status, or the advice steps.
    current = page.find(".//nav//a[@aria-current='page']")
    expected = {
        "overdue": "/cases/?status=overdue",
        "due_this_week": "/cases/?status=due_this_week",
        "waiting_on_advice": "/cases/?step=advice",
    }
    assert current.get("href") == expected.get(show, "/cases/")


def test_queue_shows_counts_for_each_filter(client_of, people, queue_cases) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:queue")))
    counts = [text_of(a) for a in page.findall(".//nav[@aria-label='Filter your work queue']//a")]
    assert counts == ["9 All", "1 Overdue", "1 Due this week", "7 Due later"]


def test_manager_queue_shows_every_caseworker(client_of, people, queue_cases) -> None:
    client = client_of(people.mona)
    page = check_page(client.get(url("casework:queue"), {"show": "overdue"}))
    rows = [
        [text_of(cell) for cell in row.findall("./td")][:3] for row in page.findall(".//tbody/tr")
    ]
    assert ["Cole Other", "Decide whether to assess", "Colin Reed"] in rows
    assert ["Olly Overdue", "Decide whether to assess", "Cara Jones"] in rows


def test_queue_is_for_caseworkers_and_managers(client_of, people) -> None:
    client = client_of(people.sita)
    assert client.get(url("casework:queue")).status_code == 404


def test_queue_needs_sign_in_and_second_factor(client, people) -> None:
    assert client.get(url("casework:queue")).status_code == 302
    client.force_login(people.cara, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url("casework:queue")).status_code == 302  # no security code yet


# ---------------------------------------------------------------------------------------
# Case page
# ---------------------------------------------------------------------------------------


def test_case_page_shows_the_timeline(client_of, people, ava_case) -> None:
    client = client_of(people.cara)
    response = client.get(url("casework:case", ava_case.pk))
    page = check_page(response)
    assert text_of(page.find(".//h1")) == "Ava Smith"
    summary = {
        text_of(row.find("./dt")): text_of(row.find("./dd")) for row in page.findall(".//dl[1]/div")
    }
    assert summary["Date of birth"] == "4 May 2016"
    assert summary["School year"] == "Year 6"
    assert summary["UPN"] == "A999100012001"
    assert summary["Primary need"] == "Autistic spectrum disorder"
    assert summary["Current setting"] == "Oak Primary School"
    assert summary["Caseworker"] == "Cara Jones"
    assert summary["Stage"] == "Assessing"
    to_do, done = page.findall(".//table")[:2]  # the steps already done are in a <details>
    steps = {
        text_of(row.find("./th")): [text_of(cell) for cell in row.findall("./td")]
        for table in (to_do, done)
        for row in table.findall("./tbody/tr")
    }
    assert steps["Decide whether to assess Reg 5(1)"] == [
        "8 November 2026",
        "1 November 2026",
        "Done on time",
    ]
    assert steps["Health advice Reg 8(1)"] == ["15 December 2026 23 days left", "Not yet", "Due"]
    assert "Issue the final plan Reg 13(2)" in steps
    assert text_of(to_do.find("./tbody/tr/th")) == "Health advice Reg 8(1)"  # soonest due
    assert text_of(page.find(".//details/summary")) == "Steps already done (1)"
    text = text_of(page)
    assert "Within 20 weeks Not issued yet" in text
    assert "Decided to carry out an EHC needs assessment" in text
    assert "Health advice requested (Northshire NHS Trust)" in text
    hrefs = {a.get("href") for a in page.iter("a")}
    assert url("casework:advice_request", ava_case.pk) in hrefs
    assert {form.get("action") for form in page.iter("form")} >= {
        url("casework:advice_chase", ava_case.advice_requests.get().pk)
    }


def test_case_read_writes_an_audit_row(client_of, people, ava_case) -> None:
    client = client_of(people.cara)
    before = audit_rows(action=AuditAction.READ, object_type="Case", object_id=str(ava_case.pk))
    client.get(url("casework:case", ava_case.pk))
    client.get(url("casework:case", ava_case.pk))
    after = audit_rows(
        action=AuditAction.READ,
        object_type="Case",
        object_id=str(ava_case.pk),
        actor=people.cara,
        child_id=ava_case.child_id,
    )
    assert after == before + 2


def test_an_unrelated_caseworker_gets_404_and_is_audited(client_of, people, ava_case) -> None:
    client = client_of(people.colin)
    response = client.get(url("casework:case", ava_case.pk))
    assert response.status_code == 404
    assert audit_rows(action=AuditAction.DENIED, actor=people.colin) == 1
    assert client.get(url("casework:case", 999999)).status_code == 404


def test_a_senco_sees_the_case_read_only(client_of, people, ava_case) -> None:
    client = client_of(people.sita)
    page = check_page(client.get(url("casework:case", ava_case.pk)))
    hrefs = {a.get("href") for a in page.iter("a")}
    assert url("casework:advice_request", ava_case.pk) not in hrefs
    assert not [form for form in page.iter("form") if "chase" in form.get("action", "")]
    assert "Decide whether to assess" in text_of(page)


def test_a_parent_cannot_open_the_staff_case_page(client_of, people, ava_case) -> None:
    client = client_of(people.priya)
    assert client.get(url("casework:case", ava_case.pk)).status_code == 404


# ---------------------------------------------------------------------------------------
# Search, team, my cases
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {"text": "ava"},
        {"text": "Smith"},
        {"text": "A999100012001"},
        {"date_of_birth-day": "4", "date_of_birth-month": "5", "date_of_birth-year": "2016"},
    ],
)
def test_search_finds_a_child(client_of, people, ava_case, query) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:search"), query))
    assert text_of(page.find(".//h2[@id='results']")) == "1 child found"
    assert url("casework:case", ava_case.pk) in {a.get("href") for a in page.iter("a")}


def test_search_does_not_find_other_caseworkers_children(client_of, people, ava_case) -> None:
    client = client_of(people.colin)
    page = check_page(client.get(url("casework:search"), {"text": "Ava"}))
    assert text_of(page.find(".//h2[@id='results']")) == "No children found"


def test_search_needs_something_to_search_for(client_of, people) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:search"), {"text": ""}))
    assert elements_with_class(page, "govuk-error-summary")
    assert "Enter a name, UPN or date of birth" in text_of(page)
    assert page.find(".//h2[@id='results']") is None


def test_search_shows_date_errors(client_of, people) -> None:
    client = client_of(people.cara)
    page = check_page(
        client.get(
            url("casework:search"),
            {
                "text": "",
                "date_of_birth-day": "31",
                "date_of_birth-month": "2",
                "date_of_birth-year": "2016",
            },
        )
    )
    assert "Date of birth must be a real date" in text_of(page)


def test_search_page_before_searching(client_of, people) -> None:
    client = client_of(people.mona)
    page = check_page(client.get(url("casework:search")))
    assert text_of(page.find(".//h1")) == "Find a child"
    assert not elements_with_class(page, "govuk-error-summary")


def test_team_caseload_for_managers(client_of, people, queue_cases) -> None:
    client = client_of(people.mona)
    page = check_page(client.get(url("casework:team")))
    rows = {
        text_of(row.find("./th")): [text_of(cell) for cell in row.findall("./td")]
        for row in page.findall(".//tbody/tr")
    }
    assert rows["Cara Jones"] == ["4", "1"]
    assert rows["Colin Reed"] == ["1", "1"]
    assert rows["Total"] == ["5", "2"]


def test_team_caseload_is_for_managers_only(client_of, people) -> None:
    client = client_of(people.cara)
    assert client.get(url("casework:team")).status_code == 404


def test_advice_giver_sees_advice_to_send_first(client_of, people, ava_case) -> None:
    client = client_of(people.hana)
    page = check_page(client.get(url("casework:my_cases")))
    headings = [text_of(h2) for h2 in page.find(".//main").findall(".//h2")]
    assert headings == ["Advice you have been asked for"]  # no cases: ADR 0035
    advice = [text_of(cell) for cell in page.findall(".//table[1]/tbody/tr[1]/td")]
    assert advice[:4] == [
        "Ava Smith",
        "Health advice Northshire NHS Trust",
        "3 November 2026",
        "15 December 2026 23 days left",
    ]
    links = [a.get("href") for a in page.find(".//main").iter("a")]
    assert links == [url("advice:request", ava_case.advice_requests.get().pk)]
    assert client.get(url("casework:case", ava_case.pk)).status_code == 404


def test_senco_sees_children_on_roll(client_of, people, ava_case) -> None:
    client = client_of(people.sita)
    page = check_page(client.get(url("casework:my_cases")))
    assert [text_of(h2) for h2 in page.find(".//main").findall(".//h2")] == ["Cases you can see"]
    row = [text_of(cell) for cell in page.findall(".//tbody/tr[1]/td")]
    assert row[:3] == ["Ava Smith", "Assessing", "Health advice"]


def test_a_caseworkers_cases_are_those_allocated_to_them(client_of, people, queue_cases) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:my_cases")))
    assert sorted(row_children(page)) == ["Adam Advice", "Lara Later", "Olly Overdue", "Wendy Week"]
    assert "Cole Other" not in text_of(page)  # Colin's case


# ---------------------------------------------------------------------------------------
# Family pages
# ---------------------------------------------------------------------------------------


# What the family can do themselves (opensend/contributions) has its own headings.
FAMILY_ACTION_HEADINGS = {"All about me", "Ask for an assessment"}


def _child_headings(page) -> list[str]:
    found = [text_of(h2) for h2 in page.find(".//main").findall(".//h2")]
    return [heading for heading in found if heading not in FAMILY_ACTION_HEADINGS]


def test_parent_sees_only_their_child(client_of, people, ava_case, queue_cases) -> None:
    client = client_of(people.priya)
    page = check_page(client.get(url("family:home")))
    assert text_of(page.find(".//h1")) == "Your EHC plans"
    assert _child_headings(page) == ["Ava Smith"]
    assert url("family:case", ava_case.pk) in {a.get("href") for a in page.iter("a")}
    assert client.get(url("family:case", queue_cases["overdue"].pk)).status_code == 404


def test_family_case_page_is_plain_english(client_of, people, ava_case) -> None:
    client = client_of(people.priya)
    before = audit_rows(action=AuditAction.READ, object_id=str(ava_case.pk), actor=people.priya)
    page = check_page(client.get(url("family:case", ava_case.pk)))
    text = text_of(page)
    assert text_of(page.find(".//h1")) == "Ava Smith: EHC needs assessment and plan"
    assert (
        "We must decide whether to carry out an EHC needs assessment by 8 November 2026 "
        "Done on 1 November 2026."
    ) in text
    assert "we must send you the final plan by 14 February 2027" in text
    assert "Your caseworker is Cara Jones" in text
    assert "Reg 5(1)" not in text and "Northshire NHS Trust" not in text  # no internal notes
    assert (
        audit_rows(action=AuditAction.READ, object_id=str(ava_case.pk), actor=people.priya)
        == before + 1
    )


def test_staff_cannot_use_the_family_pages(client_of, people, ava_case) -> None:
    client = client_of(people.cara)
    assert client.get(url("family:home")).status_code == 404
    assert client.get(url("family:case", ava_case.pk)).status_code == 404


@pytest.fixture
def yusuf_case(people: People) -> Case:
    """Yusuf is 17 and over compulsory school age (since 27 June 2026): a young person."""
    yusuf = people.child("Yusuf", "Khan", dt.date(2009, 10, 1), young_person_user=people.yusuf)
    FamilyMember.objects.create(
        child=yusuf,
        name="Priya Shah",
        relationship="Mother",
        holds_parental_responsibility=True,
        user=people.priya,
    )
    return people.case(yusuf, TODAY - 2 * WEEK)


def test_young_person_sees_their_own_case(client_of, people, yusuf_case, ava_case) -> None:
    client = client_of(people.yusuf)
    page = check_page(client.get(url("family:home")))
    assert text_of(page.find(".//h1")) == "Your EHC plan"
    hrefs = {a.get("href") for a in page.iter("a")}
    assert url("family:case", yusuf_case.pk) in hrefs
    assert url("family:case", ava_case.pk) not in hrefs
    page = check_page(client.get(url("family:case", yusuf_case.pk)))
    assert text_of(page.find(".//h1")) == "Your EHC needs assessment and plan"
    assert client.get(url("family:case", ava_case.pk)).status_code == 404


def test_parent_of_a_young_person_needs_their_consent(client_of, people, yusuf_case, ava) -> None:
    client = client_of(people.priya)
    page = check_page(client.get(url("family:home")))
    assert _child_headings(page) == ["Ava Smith"]
    assert client.get(url("family:case", yusuf_case.pk)).status_code == 404
    YoungPersonConsent.objects.create(
        child=yusuf_case.child,
        given_on=TODAY - 3 * WEEK,
        family_member=yusuf_case.child.family.get(),
    )
    assert client.get(url("family:case", yusuf_case.pk)).status_code == 200


# ---------------------------------------------------------------------------------------
# Queries do not grow with the caseload
# ---------------------------------------------------------------------------------------


def _add_cases(people: People, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        child = people.child(
            f"Child{number}",
            f"Number{number}",
            dt.date(2015, 3, 1),
            upn="" if number % 2 else f"A99910001{number:04d}",
        )
        Enrolment.objects.create(child=child, setting=people.school, start=dt.date(2021, 9, 1))
        FamilyMember.objects.create(
            child=child,
            name="Priya Shah",
            relationship="Mother",
            holds_parental_responsibility=True,
            user=people.priya,
        )
        case = people.case(child, TODAY - 10 * WEEK + (number % 20) * DAY)
        people.assess(case, TODAY - 6 * WEEK)
        people.ask_health(case, TODAY - 6 * WEEK)


PAGES = [
    ("cara", "casework:queue", {}),
    ("cara", "casework:queue", {"show": "waiting_on_advice"}),
    ("mona", "casework:team", {}),
    ("cara", "casework:search", {"text": "Number"}),
    ("sita", "casework:my_cases", {}),
    ("hana", "casework:my_cases", {}),
    ("priya", "family:home", {}),
]


@pytest.mark.parametrize(("who", "name", "query"), PAGES)
def test_queries_do_not_grow_with_the_caseload(
    client_of, people, django_assert_max_num_queries, who: str, name: str, query: dict
) -> None:
    client = client_of(getattr(people, who))
    _add_cases(people, 3)
    with CaptureQueriesContext(connection) as few:
        check_page(client.get(url(name), query))
    _add_cases(people, 27, start=3)
    with django_assert_max_num_queries(len(few)):
        page = check_page(client.get(url(name), query))
    assert "Child29" in text_of(page) or name == "casework:team"


def test_case_page_queries_do_not_grow_with_its_history(
    client_of, people, ava_case, django_assert_max_num_queries
) -> None:
    client = client_of(people.cara)
    with CaptureQueriesContext(connection) as few:
        check_page(client.get(url("casework:case", ava_case.pk)))
    for day in range(12):
        people.ask_health(ava_case, TODAY - 2 * WEEK + day * DAY)
    with django_assert_max_num_queries(len(few)):
        check_page(client.get(url("casework:case", ava_case.pk)))
    with django_assert_max_num_queries(len(few)):
        check_page(client.get(url("casework:case", ava_case.pk)))


def test_case_page_when_the_history_cannot_be_clocked(client_of, people, ava_case, monkeypatch):
    """The page still shows the steps as last stored, and says why the clock failed."""

    def broken_clock(*args, **kwargs):
        raise ClockError("event 3 (advice_received) has no matching advice request")

    monkeypatch.setattr("opensend.casework.views.case.clock_for", broken_clock)
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:case", ava_case.pk)))
    warning = text_of(elements_with_class(page, "govuk-warning-text")[0])
    assert "event 3 (advice_received) has no matching advice request" in warning
    assert "Health advice Reg 8(1)" in text_of(page.find(".//table"))
    family = check_page(client_of(people.priya).get(url("family:case", ava_case.pk)))
    assert "We must get health advice by 15 December 2026" in text_of(family)
