"""A SENCO sends an annual review report and the caseworker's queue shows the council's
decision due (issue 11, done-when line 3), in a real browser."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from opensend.casework.models import Case
from opensend.people.models import Child, User
from opensend.schools import services
from opensend.schools.models import SchoolReview
from tests import factories as f
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.schools.helpers import review_started, views_received
from tests.system.conftest import govuk_date, path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = dt.timedelta(days=1)


@pytest.fixture
def tom_case(today: dt.date, area: Area, cara: User, tom: Child, paula: User) -> Case:
    return f.case_with_final_plan(
        child=tom, caseworker=cara, today=today, named_setting=area.hillside
    )


@pytest.fixture
def meeting_held(today: dt.date, tom_case: Case, sue: User) -> SchoolReview:
    """Sue started Tom's review, collected and circulated the views three weeks before the
    meeting, and recorded the meeting three days ago."""
    held = today - 3 * DAY
    review = review_started(tom_case, sue, started_on=held - 30 * DAY, meeting_in_days=30)
    views_received(review, sue, on=held - 25 * DAY)
    services.review_circulate(actor=sue, review=review, circulated_on=held - 21 * DAY)
    return services.review_meeting_hold(
        actor=sue,
        review=review,
        held_on=held,
        attended_by="Sue Stevens, Paula Baker",
        views="Tom is settled and reading more.",
        late_reason="",
        today=today,
    )


def test_senco_sends_the_review_report_and_the_caseworker_sees_the_decision_due(
    page: Page, today: dt.date, sue: User, cara: User, meeting_held: SchoolReview
) -> None:
    """GIVEN Sue, SENCO at Hillside, who held Tom's annual review meeting three days ago
    WHEN she opens her pupils, Tom's review, and sends the report to the council
    THEN her review page shows the report sent on time and the council's decision due
    4 weeks after the meeting (Reg 20(10)),
    AND when Cara, Tom's caseworker, signs in, her work queue shows that decision due;
    every page on the way passes axe."""
    held = meeting_held.held_on
    assert held is not None
    sign_in(page, sue, confirmed_device(sue))
    page.get_by_role("link", name="Pupils with plans").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pupils with EHC plans")
    visit(page, "pupils")

    page.get_by_role("link", name="Send the review report to the council for Tom").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual review")
    expect(page.locator("main")).to_contain_text(
        f"{govuk_date(held + 14 * DAY)} (Regulation 20(7))"
    )
    visit(page, "review")
    page.get_by_role("link", name="Send the review report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send the review report")
    visit(page, "report")
    page.get_by_label("The review report").fill(
        "The meeting recommends keeping the plan: Tom meets his outcomes for reading."
    )
    page.get_by_role("button", name="Send the report to the council").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Annual review")
    main = page.locator("main")
    expect(main).to_contain_text("Report sent to the council")
    expect(main).to_contain_text("Next: Wait for the council's decision")
    expect(main).not_to_contain_text("days late")
    expect(main).to_contain_text(f"{govuk_date(held + 28 * DAY)} (Regulation 20(10))")
    visit(page, "review-sent")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, cara, confirmed_device(cara))
    page.goto(path("casework:queue"))
    row = page.get_by_role("row").filter(has_text="Decide to maintain, amend or cease the plan")
    expect(row).to_contain_text("Tom")
    expect(row).to_contain_text(govuk_date(held + 28 * DAY))
    expect(
        page.get_by_role("row").filter(has_text="Receive the annual review report")
    ).to_have_count(0)
    visit(page, "caseworker-queue")
