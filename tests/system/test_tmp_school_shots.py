import datetime as dt

import pytest
from playwright.sync_api import Page

from opensend.schools import services
from tests.conftest import confirmed_device
from tests.system.conftest import path, sign_in
from tests.system.test_school_review_journey import meeting_held, tom_case  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "/work/notes/s3/shots/i11-school-{}-{}.png"


def test_shots(page: Page, today, sue, meeting_held):  # noqa: F811
    sign_in(page, sue, confirmed_device(sue))
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(path("schools:pupils"))
        page.screenshot(path=SHOTS.format("pupils", width), full_page=True)
        page.goto(path("schools:review", meeting_held.pk))
        page.screenshot(path=SHOTS.format("review", width), full_page=True)
