"""Issue 11, done-when line 5: a young person past the end of compulsory school age
removes their parent's access, and the parent's next request gets 404."""

import datetime as dt

import pytest
from playwright.sync_api import Browser, Page, expect

from opensend.casework.models import Case
from opensend.people.models import Child, FamilyMember, User, YoungPersonConsent
from tests import factories as f
from tests.personas import Area
from tests.system.conftest import path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def yasmins_plan(today: dt.date, area: Area, cara: User, yasmin_record: Child) -> Case:
    return f.case_with_final_plan(
        child=yasmin_record, caseworker=cara, today=today, named_setting=area.college
    )


@pytest.fixture
def hana(today: dt.date, yasmin_record: Child) -> FamilyMember:
    """Yasmin's mother, with an account; Yasmin agreed last year that she may see it."""
    user = f.ParentUserFactory(full_name="Hana Hussain", email="hana@example.net")
    member = f.FamilyMemberFactory(
        child=yasmin_record, name="Hana Hussain", relationship="Mother", user=user
    )
    YoungPersonConsent.objects.create(
        child=yasmin_record, family_member=member, given_on=today - dt.timedelta(days=365)
    )
    return member


def test_young_person_removes_a_parents_access_and_the_parent_gets_404(
    page: Page, browser: Browser, site_url: str, yasmin: User, yasmins_plan: Case,
    hana: FamilyMember,
) -> None:
    """GIVEN Yasmin, 20, past the end of compulsory school age, with her own account, and
    her mother Hana, who can see Yasmin's case because Yasmin agreed
    WHEN Yasmin opens "Who can see your EHC record" and stops Hana seeing it
    THEN the page says Hana cannot see her record,
    AND Hana's next request for the case page gets 404;
    and every page on the way passes axe."""
    hanas = browser.new_context(base_url=site_url, locale="en-GB")
    hana_page = hanas.new_page()
    sign_in(hana_page, hana.user)
    case_page = path("family:case", yasmins_plan.pk)
    response = hana_page.goto(case_page)
    assert response is not None and response.status == 200  # before: Yasmin agreed

    sign_in(page, yasmin, step="young-person-rights")
    page.get_by_role("link", name="Who can see your EHC record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who can see your EHC record")
    expect(page.locator("main")).to_contain_text("Can see your record")
    visit(page, "who-can-see-before")

    page.get_by_role("button", name="Stop Hana Hussain seeing your record").click()
    expect(page.locator("main")).to_contain_text("Cannot see your record")
    expect(page.get_by_role("button", name="Let Hana Hussain see your record")).to_be_visible()
    visit(page, "who-can-see-after")

    response = hana_page.goto(case_page)
    assert response is not None and response.status == 404
    expect(hana_page.locator("main")).not_to_contain_text("Yasmin")
    hanas.close()
