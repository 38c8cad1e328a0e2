"""The public Local Offer's pages: each passes check_page; search errors; the service page."""

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from opensend.directory import models as m
from opensend.directory.public import index
from tests.directory.public_data import LocalOffer, build_local_offer
from tests.pages import check_page, elements_with_class, text_of

pytestmark = pytest.mark.django_db
SEARCH = "/local-offer/search/"
TEMPLATES = Path(__file__).resolve().parents[2] / "opensend/directory/jinja2/directory/public"


@pytest.fixture
def offer() -> LocalOffer:
    return build_local_offer()


def page_of(response, status: int = 200):
    assert response.status_code == status, response.content[:300]
    return check_page(response)


def main_text(page) -> str:
    return text_of(page.find(".//main"))


def error_summary(page) -> str:
    return text_of(elements_with_class(page, "govuk-error-summary")[0])


def test_start_page_has_a_search_box_categories_needs_and_information(offer):
    page = page_of(Client().get(reverse("local_offer:start")))
    text = main_text(page)
    assert page.find(".//form[@action='/local-offer/search/']//input[@name='q']") is not None
    assert "Sport and swimming" in text and "Autism" in text
    assert "The EHC needs assessment process" in text  # from the data migration
    navigation = text_of(elements_with_class(page, "govuk-service-navigation")[0])
    assert "Local Offer" in navigation
    home = elements_with_class(page, "govuk-service-navigation__link")[0]
    assert home.get("href") == reverse("local_offer:start")


def test_results_show_distance_and_last_checked(offer):
    page = page_of(Client().get(SEARCH, {"q": "swimming", "place": "nm3 4ab", "within": "5"}))
    text = main_text(page)
    assert "2 services found near NM3 4AB" in text
    assert "0.1 miles away" in text
    assert "Last checked 1 September 2026" in text
    assert "For: Autism" in text


def test_results_say_when_a_word_was_corrected(offer):
    text = main_text(page_of(Client().get(SEARCH, {"q": "swiming"})))
    assert "Showing results for swimming" in text


def test_a_town_works_as_a_place(offer):
    text = main_text(page_of(Client().get(SEARCH, {"place": "millbrook", "within": "1"})))
    assert "1 service found near Millbrook" in text and "Swim School" in text


@pytest.mark.parametrize(
    ("place", "message"),
    [
        ("NM99 9ZZ", "We do not know the postcode NM99 9ZZ"),
        ("NM3 4", "Enter a full postcode, like NM3 4AB, or the name of a town"),
        ("Atlantis", "We do not know a town called Atlantis"),
    ],
)
def test_an_unknown_or_badly_formed_place_is_explained(offer, place, message):
    page = page_of(Client().get(SEARCH, {"place": place}))
    assert message in error_summary(page)
    assert page.find(".//title").text.startswith("Error: ")
    assert "services found" not in main_text(page)


def test_a_bad_age_is_explained(offer):
    page = page_of(Client().get(SEARCH, {"age": "nine"}))
    assert "Enter the child’s age as a number, like 9" in error_summary(page)


def test_results_are_paginated_with_govuk_pagination(offer):
    provider = offer.swimming.organization
    for n in range(25):
        m.Service.objects.create(organization=provider, name=f"Club {n:02d}", description="A club")
    index.refresh()
    page = page_of(Client().get(SEARCH, {"q": "club", "page": "2"}))
    pagination = elements_with_class(page, "govuk-pagination")[0]
    assert "page=1" in pagination.find(".//a").get("href")
    assert "q=club" in pagination.find(".//a").get("href")


def test_service_page_tells_a_family_everything(offer):
    response = Client().get(reverse("local_offer:service", args=[offer.swim_school.id]))
    text = main_text(page_of(response))
    for expected in (
        "Swim School",
        "Northmoor Leisure Trust",
        "Last checked 1 September 2026",
        "Learn to swim in small groups.",
        "4 to 16 years old",
        "Families can contact the service themselves",
        "Per session: £6.00",
        "1 High Street, Northmoor, NM3 4AB",
        "Every Tuesday, 10am to 12pm",
        "01632 960000",
    ):
        assert expected in text, expected


def test_service_page_includes_the_colleagues_partials_when_they_exist(offer):
    template = "opensend/directory/jinja2/directory/public/service.html"
    from pathlib import Path

    source = Path(template).read_text()
    assert '{% include "directory/partials/service_sessions.html" ignore missing %}' in source
    assert '{% include "directory/partials/service_feedback.html" ignore missing %}' in source


def test_a_defunct_or_unknown_service_is_not_found(offer):
    assert Client().get(reverse("local_offer:service", args=[offer.closed.id])).status_code == 404


def test_information_page_renders_paragraphs_headings_and_lists_safely(offer):
    m.InformationPage.objects.create(
        slug="test-page",
        title="A test page",
        summary="Summary",
        last_reviewed=dt.date(2026, 1, 2),
        body="First <b>para</b>.\n\n## A heading\n- one\n- two",
    )
    page = page_of(Client().get(reverse("local_offer:information", args=["test-page"])))
    assert page.find(".//main//h2").text == "A heading"
    assert [li.text for li in page.findall(".//main//ul/li")] == ["one", "two"]
    assert page.find(".//main//b") is None
    assert "First <b>para</b>." in main_text(page)
    assert "Last reviewed 2 January 2026" in main_text(page)


@pytest.mark.parametrize(
    "slug",
    ["ehc-needs-assessment", "how-to-ask-for-an-ehc-needs-assessment", "preparing-for-adulthood"],
)
def test_the_three_information_pages_are_loaded(offer, slug):
    page = page_of(Client().get(reverse("local_offer:information", args=[slug])))
    assert len(page.findall(".//main//p")) >= 3


def test_sen_information_reports_list_a_link_and_date_per_setting(offer):
    m.SenInformationReport.objects.create(
        setting_name="Fellbeck First School",
        phase="First",
        url="https://fellbeck.example/sen",
        last_updated=dt.date(2026, 9, 14),
    )
    page = page_of(Client().get(reverse("local_offer:sen_reports")))
    link = page.find(".//main//table//a")
    assert link.get("href") == "https://fellbeck.example/sen"
    assert "14 September 2026" in main_text(page)


@pytest.mark.parametrize(
    ("assured", "warned"),
    [(dt.date(2026, 9, 1), False), (dt.date(2025, 11, 1), True), (None, True)],
)
def test_service_page_warns_when_the_listing_is_past_its_review_date(offer, today, assured,
                                                                     warned):
    m.Service.objects.filter(pk=offer.swim_school.pk).update(assured_date=assured)
    response = Client().get(reverse("local_offer:service", args=[offer.swim_school.id]))
    assert ("This information may be out of date" in main_text(page_of(response))) is warned
