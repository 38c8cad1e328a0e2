"""The SEN2 items a final plan settles are asked when it is issued (issue 10): how the
named setting provides (SEN unit, resourced provision, work-based learning), a residential
placement, the personal budget's types and the LA a plan was transferred from."""

import pytest
from django.urls import reverse

from opensend.casework.models import Plan, VersionKind
from opensend.casework.services.plans import plan_version_save
from tests import factories as f
from tests.factories import TODAY, WEEK
from tests.pages import check_page

pytestmark = pytest.mark.django_db


def _dates(day) -> dict[str, str]:
    return {"issued_on-day": str(day.day), "issued_on-month": str(day.month),
            "issued_on-year": str(day.year)}


def _working(case, kind: str, setting):
    plan_version_save(actor=case.caseworker, case=case, kind=kind,
                      sections=f.plan_sections(setting), today=TODAY,
                      expected_version=case.version)
    case.refresh_from_db()
    return case


@pytest.fixture
def final_to_issue(cara, tom, area):
    """Tom's draft plan issued three weeks ago (its 15-day comment period has run, Reg
    13(1)); the final plan is the working version."""
    case = f.case_with_draft_plan(child=tom, caseworker=cara, received_on=TODAY - 15 * WEEK,
                                  named_setting=area.hillside)
    return _working(case, VersionKind.FINAL, area.hillside)


def test_issuing_the_final_plan_records_its_provision(staff_client, cara, final_to_issue):
    url = reverse("casework:plan_issue", args=[final_to_issue.pk])
    client = staff_client(cara)
    page = check_page(client.get(url))
    assert page.find(".//input[@name='transferred_from_la']") is not None
    response = client.post(url, {
        "version": final_to_issue.version, "kind": VersionKind.FINAL, **_dates(TODAY),
        "placement": ["sen_unit", "work_based_learning"], "residential": "B",
        "personal_budget": ["direct_payment"], "transferred_from_la": "926",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Plan.objects.get(case=final_to_issue)
    assert (plan.sen_unit, plan.resourced_provision, plan.work_based_learning) == (
        True, False, True,
    )
    assert (plan.residential, plan.transferred_from_la) == ("B", "926")
    assert (plan.personal_budget, plan.organised_arrangement, plan.direct_payment) == (
        True, False, True,
    )


def test_a_bad_la_code_is_refused(staff_client, cara, final_to_issue):
    url = reverse("casework:plan_issue", args=[final_to_issue.pk])
    response = staff_client(cara).post(url, {
        "version": final_to_issue.version, "kind": VersionKind.FINAL, **_dates(TODAY),
        "transferred_from_la": "92",
    })
    assert response.status_code == 200
    assert "Enter the LA code as 3 digits" in response.content.decode()
    assert Plan.objects.get(case=final_to_issue).transferred_from_la == ""


def test_a_draft_is_not_asked_for_the_provision(staff_client, cara, tom, area):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 12 * WEEK)
    case = _working(case, VersionKind.DRAFT, area.hillside)
    page = check_page(staff_client(cara).get(reverse("casework:plan_issue", args=[case.pk])))
    assert page.find(".//input[@name='transferred_from_la']") is None


def test_a_new_draft_after_the_first_is_not_asked_for_the_provision(
    staff_client, cara, final_to_issue
):
    """The working version may be issued as the final or as a new draft: only the final's
    check-your-answers page asks what SEN2 needs of it."""
    url = reverse("casework:plan_issue", args=[final_to_issue.pk])
    client = staff_client(cara)
    as_draft = check_page(client.get(url + "?as=draft"))
    assert as_draft.find(".//input[@name='transferred_from_la']") is None
    as_final = check_page(client.get(url + "?as=final"))
    assert as_final.find(".//input[@name='transferred_from_la']") is not None


def test_a_final_the_order_refuses_today_is_not_shown_as_issued_in_time(
    staff_client, cara, tom, area, today
):
    """The draft went to the family today: its 15 days (Reg 13(1)) are running, so the check
    page of the final says why it cannot be issued today, and nothing success-looking."""
    day = today  # the page's today (the fixture travels to it)
    case = f.case_with_draft_plan(child=tom, caseworker=cara, received_on=day - 12 * WEEK,
                                  named_setting=area.hillside)
    case = _working(case, VersionKind.FINAL, area.hillside)
    url = reverse("casework:plan_issue", args=[case.pk]) + "?as=final"
    client = staff_client(cara)
    page = check_page(client.get(url))
    text = " ".join(page.itertext())
    assert "Issued within 20 weeks" not in text
    assert "Issuing the final plan on" in text and "(Reg 13(1))" in text
    response = client.post(url, {"version": case.version, "kind": VersionKind.FINAL,
                                 **_dates(day)})
    refused = response.content.decode()
    assert response.status_code == 200 and "cannot be recorded" in refused
    assert "Issued within 20 weeks" not in refused


def test_a_final_the_order_allows_shows_whether_it_is_in_time(staff_client, cara, final_to_issue):
    page = check_page(staff_client(cara).get(
        reverse("casework:plan_issue", args=[final_to_issue.pk]) + "?as=final"))
    text = " ".join(page.itertext())
    assert "Issued within 20 weeks" in text and "cannot be recorded" not in text


def test_not_residential_can_be_chosen_again(staff_client, cara, final_to_issue):
    """GOV.UK radios render no empty choice: "Not residential" has a value of its own, so
    an answer given by mistake can be taken back (it is stored empty: no SEN2 PlanRes)."""
    url = reverse("casework:plan_issue", args=[final_to_issue.pk])
    client = staff_client(cara)
    page = check_page(client.get(url))
    values = [radio.get("value") for radio in page.iterfind(".//input[@name='residential']")]
    assert values[0] == "not_residential" and "B" in values
    response = client.post(url, {
        "version": final_to_issue.version, "kind": VersionKind.FINAL, **_dates(TODAY),
        "residential": "not_residential",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Plan.objects.get(case=final_to_issue).residential == ""
