"""Families act in their case (issue 11 item 1), in a real browser: a parent asks for an
EHC needs assessment and later sees the decision; a parent comments on a draft plan and
names a school."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from opensend.casework.models import Case, PanelQuestion
from opensend.contributions.models import DraftComment, PreferredSetting
from opensend.people.models import Child, User
from tests import factories as f
from tests.personas import Area
from tests.system.conftest import govuk_date, path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = dt.timedelta(weeks=1)


@pytest.fixture
def mia(area: Area, paula: User) -> Child:
    """Mia, Paula's younger child, who has no case yet."""
    child = f.ChildFactory(local_authority=area.northshire, legal_forename="Mia",
                           legal_surname="Baker", date_of_birth=dt.date(2021, 5, 4))
    f.FamilyMemberFactory(child=child, user=paula, name=paula.full_name)
    return child


def test_a_parent_requests_an_assessment_and_later_sees_the_decision(
    page: Page, today: dt.date, area: Area, paula: User, mia: Child, sam: User
) -> None:
    """GIVEN Paula, who holds parental responsibility for Mia, who has no case
    WHEN she asks for an EHC needs assessment from her home page
    THEN she is told the council received it today and must decide within 6 weeks
    AND WHEN the council later decides to assess (recorded through the service)
    THEN her case page shows the decision, its date and what happens next."""
    sign_in(page, paula, step="parent")
    page.get_by_role("link", name="Ask for an EHC needs assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for an EHC needs assessment")
    visit(page, "request-form")
    page.get_by_role("radio", name="Mia Baker").check()
    page.get_by_label("Why are you asking for an assessment?").fill(
        "Mia does not speak at nursery and the nursery's support has not helped.")
    page.get_by_label("What do you think their needs are?").fill("Speech and language.")
    page.get_by_label("Which school, college or nursery").select_option(
        label="Hillside First School")
    page.get_by_role("button", name="Send the request").click()

    expect(page.locator(".govuk-panel")).to_contain_text("Request sent")
    expect(page.locator(".govuk-panel")).to_contain_text(f"received it on {govuk_date(today)}")
    expect(page.locator("main")).to_contain_text(
        f"must decide by {govuk_date(today + 6 * WEEK)} whether to carry out")
    visit(page, "request-sent")
    case = Case.objects.get(child=mia)
    assert case.caseworker is None  # waiting in the SEN manager's queue

    decided = today + 3 * WEEK
    f.panel_decide(case, question=PanelQuestion.ASSESS, agreed=True, met_on=decided,
                   today=decided, actor=sam)
    page.goto(path("family:case", case.pk))
    main = page.locator("main")
    expect(main).to_contain_text("We are carrying out an EHC needs assessment")
    expect(main).to_contain_text("We decided to carry out an EHC needs assessment")
    expect(main).to_contain_text(govuk_date(decided))
    # What happens next, with the dates the clock gives (Reg 13(2): 20 weeks), and the
    # decision letter.
    expect(main).to_contain_text(
        f"We must send you the final EHC plan by {govuk_date(today + 20 * WEEK)}")
    visit(page, "case-after-decision")
    main.get_by_role("link", name="Every letter and plan we have sent").click()
    letter = page.locator("main").get_by_role("heading", name="Decision letter")
    expect(letter).to_have_count(1)
    expect(page.locator("main")).to_contain_text(govuk_date(decided))
    visit(page, "documents-after-decision")


def test_a_parent_comments_on_two_sections_of_a_draft_and_names_a_school(
    page: Page, today: dt.date, area: Area, pete: User, cara: User, ben: Child
) -> None:
    """GIVEN Ben's draft plan, sent to Pete 3 days ago (15 days to comment, Reg 13(1))
    WHEN Pete comments on sections A and F and names Oakfield Special School
    THEN the council holds both comments and his preference, and his page says so."""
    case = f.case_with_draft_plan(child=ben, caseworker=cara, today=today,
                                  received_on=today - 12 * WEEK - dt.timedelta(days=3))
    sign_in(page, pete, step="parent")
    page.goto(path("family:case", case.pk))
    page.get_by_role("link", name="Comment on the draft plan").click()
    assert urlsplit(page.url).path == path("contributions:draft_plan", case.pk)
    expect(page.locator("main")).to_contain_text(
        f"You have until {govuk_date(today + dt.timedelta(days=11))}")
    visit(page, "comment-page")
    page.get_by_label("Section A: The views").fill("Ben loves trains and wants to be a driver.")
    page.get_by_label("Section F: Special educational provision").fill(
        "Ben needs speech therapy every week, not every term.")
    page.get_by_role("button", name="Send comments").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 comments sent")

    page.get_by_role("link", name="Name a school or college").click()
    page.get_by_label("Which school or college would you like").select_option(
        label="Oakfield Special School")
    page.get_by_label("Why this school or college?").fill("Small classes and a speech therapist.")
    visit(page, "preferred-school")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You asked for Oakfield Special School")
    expect(page.locator("main")).to_contain_text("You asked for Oakfield Special School")
    visit(page, "comment-page-after")
    assert sorted(DraftComment.objects.filter(case=case).values_list("section", flat=True)) == [
        "A", "F"]
    assert PreferredSetting.objects.get(case=case).organisation == area.oakfield
