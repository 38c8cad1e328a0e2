"""A family finds an autism-friendly swim for a 9-year-old and adds it to their calendar."""

import datetime as dt

import icalendar
import pytest
from playwright.sync_api import Page, expect

from opensend.nonprod.local_offer.build import SHOWCASE, generate_local_offer
from tests.system.conftest import path, screenshot, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_family_finds_a_swim_and_adds_it_to_their_calendar(page: Page, today: dt.date) -> None:
    """GIVEN the demo Local Offer
    WHEN a parent opens the activities calendar, without signing in
    AND filters by age 9 and autism
    THEN the autism-friendly swim in Fellbeck is listed, with a cancelled session shown as
    cancelled in a later week
    AND "Add to calendar" gives an iCalendar file for it."""
    generate_local_offer(seed=2026, today=today, reset=True)
    page.goto(path("activities:calendar"))
    visit(page, "calendar")
    page.get_by_label("Age of the child or young person").fill("9")
    page.get_by_label("Need").select_option(label="Autistic spectrum disorder")
    page.get_by_role("button", name="Show activities").click()
    page.wait_for_url("**age=9**")
    visit(page, "filtered")
    session = page.locator(".opensend-session", has_text=SHOWCASE).first
    expect(session).to_be_visible()
    link = session.locator("a", has_text="Add to calendar")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    response = page.request.get(link.get_attribute("href"))
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.body())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [SHOWCASE]

    for _ in range(3):  # the cancelled swim is three weeks ahead at most
        if page.locator(".opensend-session--cancelled", has_text=SHOWCASE).count():
            break
        page.get_by_role("link", name="Next week").click()
    cancelled = page.locator(".opensend-session--cancelled", has_text=SHOWCASE)
    expect(cancelled).to_contain_text("The pool is closed for maintenance.")
    visit(page, "cancelled")
    picture = screenshot(page, "cancelled").with_name(f"{page.test_name}-cancelled-session.png")
    cancelled.first.screenshot(path=str(picture))
