"""Allocating a case to a coordinator: SEN managers only, within their own local authority."""

import datetime as dt

import pytest
from django.urls import reverse

from opensend.casework.models import Case, CaseEvent, EventKind
from tests import factories as f
from tests.factories import TODAY, WEEK
from tests.pages import check_page, elements_with_class, text_of


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    assert today == TODAY


@pytest.fixture
def assessing(cara, tom) -> Case:
    return f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)


def allocate_url(case: Case) -> str:
    return reverse("casework:allocate", args=[case.pk])


def test_the_form_lists_only_the_areas_caseworkers(staff_client, sam, cara, colin, nadia,
                                                   assessing):
    page = check_page(staff_client(sam).get(allocate_url(assessing)))
    labels = [text_of(label) for label in elements_with_class(page, "govuk-radios__label")]
    assert labels == ["Cara Clarke", "Colin Cole"]  # not Nadia (Southshire), not Sam
    checked = [i.get("value") for i in page.iter("input") if i.get("checked") is not None]
    assert checked == [str(cara.pk)]


def test_a_manager_reallocates_a_case(staff_client, sam, colin, assessing):
    response = staff_client(sam).post(allocate_url(assessing),
                                      {"version": assessing.version, "caseworker": colin.pk})
    assert response.status_code == 302
    assessing.refresh_from_db()
    assert assessing.caseworker == colin
    event = CaseEvent.objects.filter(case=assessing, kind=EventKind.CASEWORKER_ALLOCATED).last()
    assert event is not None and event.data["caseworker"] == colin.pk


def test_a_coordinator_from_another_area_is_refused(staff_client, sam, nadia, assessing):
    page = check_page(staff_client(sam).post(
        allocate_url(assessing), {"version": assessing.version, "caseworker": nadia.pk}))
    assert "Select one of the coordinators listed" in text_of(page)
    assessing.refresh_from_db()
    assert assessing.caseworker != nadia


def test_a_stale_form_is_a_conflict(staff_client, sam, colin, assessing):
    page = check_page(staff_client(sam).post(
        allocate_url(assessing), {"version": assessing.version - 1 or 99, "caseworker": colin.pk}))
    assert elements_with_class(page, "govuk-error-summary")


def test_caseworkers_cannot_allocate_and_do_not_see_the_link(staff_client, cara, sam, assessing):
    assert staff_client(cara).get(allocate_url(assessing)).status_code == 404
    case_url = reverse("casework:case", args=[assessing.pk])
    assert allocate_url(assessing) not in staff_client(cara).get(case_url).content.decode()
    assert allocate_url(assessing) in staff_client(sam).get(case_url).content.decode()
