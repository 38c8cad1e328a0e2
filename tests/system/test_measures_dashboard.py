"""Sam the SEN manager opens the measures dashboard and an indicator page, and anyone
opens the public measures, in a real browser: zero axe violations, no CSP errors."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from opensend.people.models import User
from tests import factories as f
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.system.conftest import path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TWENTY_WEEKS = "plans_issued_within_20_weeks_excl_exceptions"
WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def plans(today: dt.date, area: Area, cara: User) -> None:
    """Twelve Northshire final plans over the last year, so the figures are not all `c`."""
    for number in range(12):
        f.case_with_final_plan(
            child=f.ChildFactory(local_authority=area.northshire),
            caseworker=cara,
            today=today,
            received_on=today - (25 + 2 * number) * f.WEEK,
        )


def test_manager_reads_the_dashboard_and_an_indicator(page: Page, today, sam: User, plans):
    page.set_viewport_size(WIDE)
    sign_in(page, sam, confirmed_device(sam))
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Measures").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Measures")
    visit(page, "dashboard")
    page.get_by_role("link", name="New plans issued within 20 weeks, excluding exceptions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "New plans issued within 20 weeks, excluding exceptions"
    )
    expect(page.get_by_role("img", name="New plans issued within 20 weeks")).to_have_count(1)
    visit(page, "indicator")


def test_anyone_reads_the_public_measures(page: Page, today, area: Area, plans, settings):
    settings.MEASURES_PUBLIC_AREA_ONS_CODE = area.northshire.ons_code
    page.set_viewport_size(WIDE)
    page.goto(path("public_measures:dashboard"))
    expect(page.locator("#suppression-note")).to_be_visible()
    visit(page, "public-dashboard")
    page.goto(path("public_measures:indicator", TWENTY_WEEKS))
    visit(page, "public-indicator")
