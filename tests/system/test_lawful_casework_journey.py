"""A new caseworker, in a real browser, meets the order of statutory steps and corrects a
mistake (issue 9): she corrects a panel decision recorded wrongly, issues a draft plan,
tries to issue the final plan while the family's comment period is open and is stopped
with the reason, records the family's written agreement to end it early, issues the final
plan (the "Issue as draft" and "Issue as final" buttons, each through its
check-your-answers page), and downloads the draft again byte for byte unchanged after the
final plan named a school. Every page passes axe.

Dates count back from the test's today (22 November 2026).
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from opensend.casework.models import Case, Stage
from opensend.people.models import Child, User
from tests import factories as f
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.system.conftest import error_summary, fill_date, govuk_date, sign_in, visit
from tests.system.test_caseworker_journey import _case_actions, _issue_plan, _success, _write_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = dt.timedelta(weeks=1)


@pytest.fixture
def wrongly_refused(today: dt.date, cara: User, tom: Child) -> Case:
    """Tom's request, 10 weeks ago; the panel agreed to assess 5 weeks later, but the
    refusal was recorded."""
    case = f.case_with_request(child=tom, caseworker=cara, received_on=today - 10 * WEEK)
    return f.panel_decide(case, agreed=False, met_on=today - 5 * WEEK, today=today)


def _correct_the_panel_decision(page: Page) -> None:
    history = page.locator("table", has=page.locator("caption", has_text="What has happened"))
    history.get_by_role(
        "link", name=re.compile(r"Correct or withdraw\W+Decided not to carry")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Withdraw or correct an event recorded in error"
    )
    visit(page, "correct-event")
    page.get_by_label("It happened, but not as it was recorded: correct it").check()
    page.get_by_label("The panel agreed to assess the child\u2019s needs").check()
    page.get_by_label("Why was it recorded in error?").fill(
        "The panel agreed to assess; the refusal was ticked by mistake."
    )
    page.get_by_role("button", name="Record the correction").click()
    _success(page, "Correction recorded")


def test_caseworker_is_kept_to_the_lawful_order_and_corrects_a_mistake(
    page: Page, today: dt.date, cara: User, area: Area, wrongly_refused: Case
) -> None:
    """GIVEN Tom's case, whose panel decision was recorded as a refusal by mistake
    WHEN Cara corrects it, issues a draft plan today and then tries to issue the final plan
    the same day
    THEN she is stopped with the reason (the family's 15 days, Reg 13(1)); once the family's
    written agreement to end the comment period early is recorded, the final plan is
    issued; and the draft downloads again with the same bytes."""
    sign_in(page, cara, confirmed_device(cara), step="lawful-caseworker")
    page.goto(f"/cases/{wrongly_refused.pk}/")
    expect(page.get_by_text("Refused assessment")).to_be_visible()
    visit(page, "case-refused")
    _correct_the_panel_decision(page)
    expect(page.get_by_text("Assessing", exact=True)).to_be_visible()
    expect(page.locator("del", has_text="Decided not to carry out")).to_be_visible()
    visit(page, "case-corrected")

    _write_plan(page, "lawful-plan-edit-draft")
    _issue_plan(page, "Draft plan", today, "lawful-plan-issue-draft")
    draft_url = f"/cases/{wrongly_refused.pk}/plan/1.pdf"
    first = page.request.get(draft_url)
    assert first.ok and first.headers["content-type"] == "application/pdf"

    _start_the_final_plan(page)
    page.get_by_role("button", name="Issue as final").click()  # a link styled as a button
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the plan before you issue it as final plan"
    )
    # The SEN2 items a final plan settles are asked here (issue 10).
    expect(page.get_by_role("group", name="Personal budget (section J)")).to_be_visible()
    visit(page, "lawful-plan-check-final")
    fill_date(page, "Date of issue", today)
    page.get_by_role("button", name="Issue as final").click()
    refusal = error_summary(page)
    assert "cannot be recorded" in refusal and "Reg 13(1)" in refusal, refusal
    assert "end the comment period early" in refusal, refusal
    assert govuk_date(today) in refusal and today.isoformat() not in refusal, refusal
    # Refused: nothing on the page says the plan would be issued in time.
    expect(page.get_by_text("Issued within 20 weeks")).to_have_count(0)
    visit(page, "final-refused")

    page.get_by_role("link", name="Back").click()
    _case_actions(page).get_by_role(
        "link", name="Record the family\u2019s agreement to end the comment period early"
    ).click()
    visit(page, "comment-period-ended-early")
    fill_date(page, "When did the family agree in writing?", today)
    page.get_by_label("Who agreed?").fill("Sam Baker (mother)")
    page.get_by_label("Where is their agreement in writing?").fill("Email of today, on file")
    page.get_by_role("button", name="Save").click()
    _success(page, "agreement to end the comment period early is recorded")

    _case_actions(page).get_by_role("link", name="Write or edit the plan").click()
    _issue_plan(page, "Final plan", today, "lawful-plan-issue-final")
    expect(page.get_by_text("Plan maintained")).to_be_visible()
    visit(page, "case-final-issued-lawfully")

    # The final plan names Hillside (section I); the draft the family was sent names no
    # school and is the same file, byte for byte.
    wrongly_refused.refresh_from_db()
    assert wrongly_refused.stage == Stage.PLAN
    assert wrongly_refused.plan.named_setting == area.hillside
    again = page.request.get(draft_url)
    assert again.ok and again.body() == first.body(), "the issued draft changed"


def _start_the_final_plan(page: Page) -> None:
    """A new working version from the draft's text, one section changed."""
    _case_actions(page).get_by_role("link", name="Write or edit the plan").click()
    page.get_by_role("link", name=re.compile(r"^Section A:")).click()
    page.get_by_label(re.compile(r"Section A:")).fill(
        "Tom loves trains and drawing, and wants to make friends at Hillside."
    )
    page.get_by_role("button", name="Save and return to the plan").click()
    _success(page, "Section A saved")
