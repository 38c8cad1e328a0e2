"""A health adviser gives advice on the day it is due, in a real browser, and the case
shows the advice step met that day (issue 11, done-when line 2).

Today is 22 November 2026 (tests/conftest.py); the health advice was asked for exactly
6 weeks ago, so it is due today (Reg 8(1)).
"""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from opensend.casework.models import AdviceRequest
from opensend.people.models import AdviceService, Child, User
from tests import factories as f
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.system.conftest import govuk_date, path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = dt.timedelta(weeks=1)
# Set to a folder to keep desktop and phone pictures of the adviser's pages for review.
SHOTS = os.environ.get("OPENSEND_ADVICE_SHOTS", "")


@pytest.fixture
def health_advice_due_today(today: dt.date, area: Area, cara: User, tom: Child) -> AdviceRequest:
    """Tom's assessment: health advice asked of Aled's trust 6 weeks ago, with a file."""
    case = f.case_with_request(child=tom, caseworker=cara, received_on=today - 12 * WEEK,
                               today=today)
    case = f.panel_decide(case, met_on=today - 7 * WEEK, today=today)
    advice = f.advice_ask(case, organisation=area.health, service=AdviceService.HEALTH,
                          requested_on=today - 6 * WEEK, today=today)
    f.advice_file_add(advice, name="Questions for health.pdf")
    return advice


def _pictures(page: Page, name: str) -> None:
    """Desktop (1280) and phone (390) pictures of the page, when asked for."""
    if not SHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(Path(SHOTS) / f"i11-advice-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1024, "height": 768})


def test_health_adviser_sends_advice_on_the_due_day_and_the_case_shows_the_step_met(
    page: Page, today: dt.date, aled: User, cara: User, health_advice_due_today: AdviceRequest
) -> None:
    """GIVEN health advice about Tom asked of Aled's NHS trust 6 weeks ago (due today)
    WHEN Aled opens his queue, opens the request and sends structured advice
    THEN the caseworker's case page shows the health advice step done on time today,
    and every page on the way passes axe."""
    advice = health_advice_due_today
    sign_in(page, aled, confirmed_device(aled))
    page.goto(path("advice:queue"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Advice requests")
    row = page.get_by_role("row").filter(has_text="Tom")
    expect(row).to_contain_text("Due today")
    expect(page.locator("main")).not_to_contain_text("Baker")  # first names in the queue
    visit(page, "adviser-queue")
    _pictures(page, "queue")

    row.get_by_role("link", name=re.compile("^Tom")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Health advice for Tom")
    expect(page.locator("main")).to_contain_text("Questions for health.pdf")
    visit(page, "adviser-request")
    _pictures(page, "request")

    page.get_by_role("button", name="Give your advice").click()
    page.get_by_label("Advice", exact=True).check()
    page.get_by_label("Need 1").fill("Needs support to eat and drink safely at school")
    page.get_by_label("Outcome 1", exact=True).fill("Eats lunch safely with his friends")
    page.get_by_label("Outcome 1: by when").fill("end of Year 2")
    page.get_by_label("Provision 1", exact=True).fill("Eating and drinking programme")
    page.get_by_label("Provision 1: how much").fill("30 minutes")
    page.get_by_label("Provision 1: how often").fill("every week")
    page.get_by_label("Provision 1: by whom").fill("a speech and language therapist")
    visit(page, "adviser-form")
    _pictures(page, "form")
    page.get_by_role("button", name="Send your advice").click()
    expect(page.locator("main")).to_contain_text("the advice step is met")
    visit(page, "adviser-sent")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, cara, confirmed_device(cara))
    page.goto(path("casework:case", advice.case_id))
    page.locator("summary", has_text="Steps already done").click()
    tables = page.locator("table", has=page.locator("caption", has_text=re.compile("^Steps")))
    step = tables.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=re.compile("^Health advice")))
    expect(step).to_contain_text(govuk_date(today))
    expect(step).to_contain_text("Done on time")
    visit(page, "caseworker-sees-advice-met")
