"""A family finds an autism-friendly swimming session on the Local Offer, in a browser."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from opensend.directory import models as m
from opensend.directory.feedback.models import Feedback
from tests.directory.public_data import LocalOffer, build_local_offer
from tests.system.conftest import path, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offer() -> LocalOffer:
    return build_local_offer()


@pytest.fixture
def dated_offer(offer: LocalOffer) -> LocalOffer:
    """The swimming sessions run every Saturday from September, so they are on the calendar
    (a schedule with no start date is opening hours, not sessions: ADR 0013)."""
    m.Schedule.objects.filter(service_at_location__service=offer.swimming).update(
        dtstart=dt.date(2026, 9, 5)
    )
    return offer


def test_family_finds_swimming_for_a_9_year_old_with_autism_near_home(
    page: Page, dated_offer: LocalOffer
) -> None:
    """GIVEN the Local Offer lists swimming sessions and other services near NM3 4AB
    WHEN a parent, not signed in, searches for swimming near NM3 4AB, then narrows it to
    a 9-year-old with autism within 5 miles
    THEN the autism-friendly session comes first with its distance and last-checked date,
    its page says who it is for and what it costs, its sessions can be added to a calendar
    app, it can be added to a shortlist, and the family can leave feedback about it;
    every page passes axe."""
    page.goto(path("local_offer:start"))
    visit(page, "start")
    page.get_by_label("Search for").fill("swimming")
    page.get_by_label("Postcode or town").fill("NM3 4AB")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2, name="services found near NM3 4AB")).to_be_visible()

    page.get_by_label("Child’s age").fill("9")
    page.get_by_label("Autism", exact=True).check()
    page.get_by_label("Distance").select_option("5")
    page.get_by_role("button", name="Search").click()
    results = page.locator(".local-offer-result")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Autism-friendly Swimming")
    expect(results.first).to_contain_text("0.1 miles away")
    expect(results.first).to_contain_text("Last checked 1 September 2026")
    visit(page, "results")

    page.get_by_role("link", name="Autism-friendly Swimming").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Autism-friendly Swimming")
    main = page.locator("main")
    expect(main).to_contain_text("5 to 12 years old")
    expect(main).to_contain_text("Autism")
    expect(main).to_contain_text("Free")
    expect(main).to_contain_text("Every Saturday, 10am to 12pm")
    visit(page, "service")

    calendar_link = main.get_by_role("link", name="Add all sessions of Autism-friendly Swimming")
    feed = page.request.get(calendar_link.get_attribute("href") or "")
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in feed.text() and "Autism-friendly Swimming" in feed.text()

    page.get_by_role("button", name="Add to shortlist").click()
    expect(page.get_by_role("button", name="Remove from shortlist")).to_be_visible()
    page.get_by_role("link", name="Your shortlist").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your shortlist")
    expect(page.locator("main ol")).to_contain_text("Autism-friendly Swimming")
    visit(page, "shortlist")

    share = page.locator(".local-offer-share a").get_attribute("href")
    page.goto(share)
    expect(page.get_by_role("heading", level=1)).to_have_text("Shared shortlist")
    visit(page, "shared-shortlist")

    page.get_by_role("link", name="Autism-friendly Swimming").first.click()
    page.get_by_role("link", name="Give feedback about Autism-friendly Swimming").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Give feedback")
    page.get_by_label("Your feedback").fill("The quiet session was just right for our son.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback sent")
    visit(page, "feedback-sent")
    assert Feedback.objects.get().about_service_id == dated_offer.swimming.pk


def test_an_unknown_postcode_is_explained(page: Page, offer: LocalOffer) -> None:
    page.goto(path("local_offer:search"))
    page.get_by_label("Postcode or town").fill("NM99 9ZZ")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "We do not know the postcode NM99 9ZZ"
    )
    visit(page, "unknown-postcode")


def test_information_page_passes_axe(page: Page, offer: LocalOffer) -> None:
    page.goto(path("local_offer:start"))
    page.get_by_role("link", name="Preparing for adulthood").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Preparing for adulthood")
    visit(page, "information")
