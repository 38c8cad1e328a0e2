"""A parent follows their child's EHC needs assessment, in a real browser."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from opensend.casework.models import Case
from opensend.people.models import AdviceService, Child, User
from tests import factories as f
from tests.personas import Area
from tests.system.conftest import govuk_date, path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = dt.timedelta(weeks=1)


@pytest.fixture
def tom_assessing(today: dt.date, area: Area, cara: User, tom: Child) -> Case:
    """Tom's request arrived 10 weeks ago; the panel agreed to assess after 5 weeks and
    health advice was asked for the next day (not back yet)."""
    return f.case_assessing(
        child=tom,
        caseworker=cara,
        received_on=today - 10 * WEEK,
        today=today,
        advice_from=[(AdviceService.HEALTH, area.health)],
    )


@pytest.fixture
def ben_requested(today: dt.date, colin: User, ben: Child, pete: User) -> Case:
    """Another family's child: Ben (Pete's son), whose request is awaiting a decision."""
    return f.case_with_request(child=ben, caseworker=colin, today=today)


def test_parent_sees_their_childs_case_and_the_dates_the_council_must_meet(
    page: Page, today: dt.date, paula: User, tom_assessing: Case, ben_requested: Case
) -> None:
    """GIVEN Paula, who holds parental responsibility for Tom and has an account, and
    Tom's EHC needs assessment is under way
    WHEN she signs in with her password (parents are not asked for a code)
    THEN she sees Tom's case, the dates the council must meet and whether each is done,
    AND she does not see Ben, another family's child, even by typing his case's address;
    and every page on the way passes axe."""
    received = tom_assessing.opened_on
    decided = received + 5 * WEEK
    advice_asked = decided + dt.timedelta(days=1)

    sign_in(page, paula, step="parent")
    assert urlsplit(page.url).path == path("family:home")  # families land on their plans
    visit(page, "home")

    page.get_by_role("link", name="Your EHC plans").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your EHC plans")
    expect(page.get_by_role("heading", level=2, name="Tom Baker")).to_be_visible()
    expect(page.get_by_text("We are carrying out an EHC needs assessment")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Ben")
    expect(page.locator("main")).not_to_contain_text("Carter")
    visit(page, "family-home")

    page.get_by_role("link", name="EHC needs assessment for Tom Baker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tom Baker: EHC needs assessment and plan"
    )
    assert urlsplit(page.url).path == path("family:case", tom_assessing.pk)
    main = page.locator("main")
    expect(main).to_contain_text("We are carrying out an EHC needs assessment.")
    expect(main).to_contain_text("Your caseworker is Cara Clarke")
    coming_up = main.get_by_role("list").filter(has_text="We must get health advice")
    advice = coming_up.get_by_role("listitem").filter(has_text="We must get health advice")
    expect(advice).to_contain_text(f"by {govuk_date(advice_asked + 6 * WEEK)}")
    expect(advice).to_contain_text("Coming up")
    main.get_by_text("Dates we had to meet").click()
    decision = main.get_by_role("listitem").filter(
        has_text="We must decide whether to carry out an EHC needs assessment"
    )
    expect(decision).to_be_visible()
    expect(decision).to_contain_text(f"by {govuk_date(received + 6 * WEEK)}")
    expect(decision).to_contain_text(f"Done on {govuk_date(decided)}")
    expect(main).to_contain_text(
        f"we must send you the final plan by {govuk_date(received + 20 * WEEK)}"
    )
    expect(main).to_contain_text("There is no plan to download yet")
    visit(page, "family-case")

    response = page.goto(path("family:case", ben_requested.pk))
    assert response is not None and response.status == 404
    expect(page.locator("main")).not_to_contain_text("Ben")
    visit(page, "other-family-case-not-found")
