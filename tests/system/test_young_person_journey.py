"""A young person (over compulsory school age) follows their own EHC plan, in a real browser."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from opensend.casework.models import Case
from opensend.people.models import Child, User
from tests import factories as f
from tests.personas import Area
from tests.system.conftest import path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def yasmins_plan(today: dt.date, area: Area, cara: User, yasmin_record: Child) -> Case:
    return f.case_with_final_plan(
        child=yasmin_record, caseworker=cara, today=today, named_setting=area.college
    )


def test_young_person_sees_and_downloads_their_own_plan(
    page: Page, yasmin: User, yasmins_plan: Case
) -> None:
    """GIVEN Yasmin, 20, who has her own account and a final EHC plan
    WHEN she signs in with her password (no code for families)
    THEN she sees "Your EHC plan" written to her (no list of children), her plan's stage,
    AND can download the final plan as a PDF;
    AND every page on the way passes axe."""
    sign_in(page, yasmin, step="young-person")
    assert urlsplit(page.url).path == path("family:home")  # families land on their plans

    page.get_by_role("link", name="Your EHC plan").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your EHC plan")
    # no per-child heading: it is hers (the h2s left are what she can do: contributions)
    expect(page.locator("main h2", has_text="Yasmin")).to_have_count(0)
    visit(page, "young-person-home")

    page.locator("main").get_by_role("link", name="EHC plan").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path != path("family:home"))
    assert urlsplit(page.url).path == path("family:case", yasmins_plan.pk)
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your EHC needs assessment and plan")
    expect(main).to_contain_text("We must review the EHC plan by")
    visit(page, "young-person-case")

    with page.expect_download() as download_info:
        main.get_by_role("link", name="Final plan, sent").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
