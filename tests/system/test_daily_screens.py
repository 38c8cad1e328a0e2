"""Daily screens in a browser (issue 9, item 7): a caseworker signs in and lands on their
work queue; at 320px wide (WCAG 2.2 1.4.10, reflow) the queue's table scrolls inside its
own box while the page itself does not scroll sideways.

The screenshots (var/screenshots/test_..._320px-*.png) are for people to look at.
"""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from opensend.people.models import User
from tests import factories as f
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.system.conftest import path, screenshot, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE_CHILD = ("Maximiliana-Josephine", "Featherstonehaugh-Wolstenholme")


@pytest.fixture
def cara_cases(today: dt.date, area: Area, cara: User) -> None:
    """Three requests of Cara's, one with long names, so the queue has rows to show."""
    for number, (forename, surname) in enumerate([WIDE_CHILD, ("Ava", "Smith"), ("Ben", "Ng")]):
        child = f.ChildFactory(
            local_authority=area.northshire, legal_forename=forename, legal_surname=surname
        )
        f.case_with_request(
            child=child, caseworker=cara, received_on=today - (3 + number) * dt.timedelta(weeks=1),
            today=today,
        )  # fmt: skip


def _page_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_a_caseworker_lands_on_the_queue_and_it_reflows_at_320px(
    page: Page, cara: User, cara_cases: None
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, cara, confirmed_device(cara))
    assert urlsplit(page.url).path == path("casework:queue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work queue")
    visit(page, "320px-queue")
    region = page.get_by_role("region", name="Statutory steps to do")
    expect(region).to_be_visible()
    sizes = region.evaluate("box => [box.scrollWidth, box.clientWidth]")
    assert sizes[0] > sizes[1], "the table is wider than its box, so the box scrolls"
    assert _page_width(page) <= 320, "the page itself does not scroll sideways"
    # The box is reached and scrolled with the keyboard.
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Chromium may scroll smoothly: wait for the box to have moved, not for one frame.
    page.wait_for_function("box => box.scrollLeft > 0", arg=region.element_handle())
    screenshot(page, "320px-queue-scrolled")


def test_my_cases_and_search_reflow_at_320px(page: Page, cara: User, cara_cases: None) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, cara, confirmed_device(cara))
    page.goto(path("casework:my_cases"))
    visit(page, "320px-my-cases")
    assert _page_width(page) <= 320
    page.goto(path("casework:search"))
    page.get_by_label("Name or UPN").fill("Featherstonhaugh")  # misspelt
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results")).to_have_text("1 child found")
    visit(page, "320px-search")
    assert _page_width(page) <= 320
