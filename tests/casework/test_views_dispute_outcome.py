"""Recording how mediation or an appeal ended, in words the measures read back."""

import datetime as dt

import pytest
from django.urls import reverse

from opensend.casework.forms.reviews import DISPUTE_OUTCOMES
from opensend.casework.models import Case, Dispute
from opensend.statutory.indicators.disputes import outcome_of
from tests import factories as f
from tests.factories import TODAY, WEEK
from tests.pages import check_page, elements_with_class, text_of

EXPECTED_KEYS = {
    "mediation": ["agreement", "no_agreement", "withdrawn", "other"],
    "tribunal": ["upheld", "dismissed", "conceded", "withdrawn", "settled", "other"],
}


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    assert today == TODAY


@pytest.fixture
def with_plan(cara, tom, area) -> Case:
    return f.case_with_final_plan(child=tom, caseworker=cara, named_setting=area.hillside)


def day_fields(day: dt.date) -> dict[str, str]:
    return {"concluded_on-day": str(day.day), "concluded_on-month": str(day.month),
            "concluded_on-year": str(day.year)}


@pytest.mark.parametrize("kind", ["mediation", "tribunal"])
def test_every_offered_outcome_is_read_back_by_the_measures(kind):
    assert [outcome_of(value) for value, _ in DISPUTE_OUTCOMES[kind]] == EXPECTED_KEYS[kind]


def test_an_appeal_outcome_is_recorded(staff_client, cara, with_plan):
    appeal = f.dispute(with_plan, kind="tribunal", started_on=TODAY - 10 * WEEK)
    url = reverse("casework:dispute_outcome", args=[appeal.pk])
    page = check_page(staff_client(cara).get(url))
    assert text_of(page.find(".//h1")) == "Record how the appeal ended"
    with_plan.refresh_from_db()

    response = staff_client(cara).post(url, {"version": with_plan.version,
                                             "outcome": "Appeal dismissed",
                                             **day_fields(TODAY - WEEK)})

    assert response.status_code == 302
    appeal.refresh_from_db()
    assert (appeal.concluded_on, appeal.outcome) == (TODAY - WEEK, "Appeal dismissed")
    case_page = check_page(staff_client(cara).get(reverse("casework:case", args=[with_plan.pk])))
    assert "Appeal dismissed" in text_of(case_page)


def test_an_end_before_the_start_and_a_mediation_outcome_on_an_appeal_are_refused(
    staff_client, cara, with_plan
):
    appeal = f.dispute(with_plan, kind="tribunal", started_on=TODAY - 2 * WEEK)
    url = reverse("casework:dispute_outcome", args=[appeal.pk])
    with_plan.refresh_from_db()
    page = check_page(staff_client(cara).post(url, {"version": with_plan.version,
                                                    "outcome": "Agreement reached",
                                                    **day_fields(TODAY - 3 * WEEK)}))
    summary = text_of(elements_with_class(page, "govuk-error-summary")[0])
    assert "must be the same as or after the date it started" in summary
    assert "Select one of the outcomes listed" in summary
    assert Dispute.objects.get(pk=appeal.pk).concluded_on is None


def test_the_case_page_links_open_disputes_to_the_form(staff_client, cara, colin, with_plan):
    mediation = f.dispute(with_plan, kind="mediation")
    url = reverse("casework:dispute_outcome", args=[mediation.pk])
    case_url = reverse("casework:case", args=[with_plan.pk])
    assert url in staff_client(cara).get(case_url).content.decode()
    assert staff_client(colin).get(url).status_code == 404  # not Colin's case
