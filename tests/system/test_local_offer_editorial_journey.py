"""A provider changes their Local Offer listing; a directory editor sees the diff and
approves it; the public ORUK API then shows the change. In a real browser, with axe."""

import pytest
from playwright.sync_api import Page, expect

from opensend.directory import models as m
from tests.conftest import confirmed_device
from tests.directory import editorial as setup
from tests.directory.editorial import Editorial
from tests.system.conftest import path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

editorial = setup.editorial  # the fixture


def _provider_sends_a_change(page: Page, data: Editorial) -> None:
    sign_in(page, data.provider, confirmed_device(data.provider))
    page.get_by_role("link", name="Local Offer listings").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Local Offer listings")
    visit(page, "provider-listings")
    expect(page.get_by_role("link", name="Fin Kids")).to_have_count(0)
    page.get_by_role("link", name="Splash Club").click()
    visit(page, "provider-listing")
    page.get_by_role("button", name="Change this listing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Splash Club")
    visit(page, "provider-edit")
    page.get_by_label("Description").fill("Quiet swimming sessions on Saturday mornings.")
    page.get_by_label("Autistic spectrum disorder").check()
    page.get_by_label("Oldest age").fill("14")
    page.get_by_label("Contact phone number").fill("01632 960000")
    page.get_by_role("button", name="Send for approval").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("sent for approval")
    visit(page, "provider-sent")
    page.get_by_role("button", name="Sign out").click()


def _editor_approves(page: Page, data: Editorial) -> None:
    sign_in(page, data.editor, confirmed_device(data.editor))
    page.get_by_role("link", name="Approvals").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Changes waiting for approval")
    visit(page, "queue")
    page.get_by_role("link", name="Splash Club").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the change to Splash Club")
    changed = page.locator("table", has=page.locator("caption", has_text="What would change"))
    for field, now in [
        ("Description", "Quiet swimming sessions on Saturday mornings."),
        ("Oldest age", "14"),
        ("Needs supported", "Autistic spectrum disorder"),
        ("Contact phone number", "01632 960000"),
    ]:
        row = changed.get_by_role("row").filter(has=page.get_by_role("rowheader", name=field))
        expect(row.locator("ins")).to_have_text(now)
    expect(
        changed.get_by_role("row")
        .filter(has=page.get_by_role("rowheader", name="Oldest age"))
        .locator("del")
    ).to_have_text("11")
    visit(page, "approval-diff")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("is live")
    visit(page, "queue-empty")


def test_a_providers_change_is_approved_and_published(page: Page, editorial: Editorial):
    _provider_sends_a_change(page, editorial)
    assert m.Service.objects.get(pk=editorial.own.pk).maximum_age == 11  # not live yet
    _editor_approves(page, editorial)
    answer = page.request.get(path("oruk:service", editorial.own.pk))
    assert answer.ok
    service = answer.json()
    assert service["description"] == "Quiet swimming sessions on Saturday mornings."
    assert service["maximum_age"] == 14
    assert service["contacts"][0]["phones"][0]["number"] == "01632 960000"
    assert [need["code"] for need in service["local_offer"]["needs_supported"]] == ["ASD"]
    page.goto(path("editorial:listing_history", editorial.own.pk))
    expect(page.get_by_role("cell", name="Change approved")).to_be_visible()
    visit(page, "history")
    page.get_by_role("link", name="Version 2").click()
    visit(page, "version")


def test_an_editor_imports_a_csv_and_sees_out_of_date_listings(page: Page, editorial: Editorial):
    m.Service.objects.filter(pk=editorial.other.pk).update(assured_date=None)
    sign_in(page, editorial.editor, confirmed_device(editorial.editor))
    page.goto(path("editorial:import"))
    visit(page, "import")
    header = "id,organization_id,organization_name,name,minimum_age,maximum_age,needs_supported"
    rows = [
        f"7a0e5c1e-0000-4000-8000-000000000011,{editorial.own.organization_id},,"
        "Toddler Splash,0,4,ASD",
        f"not-an-id,{editorial.own.organization_id},,Broken row,0,4,",
        f"7a0e5c1e-0000-4000-8000-000000000012,{editorial.own.organization_id},,Teen Swim,13,11,",
    ]
    page.get_by_label("Upload a file").set_input_files(
        files=[
            {
                "name": "listings.csv",
                "mimeType": "text/csv",
                "buffer": "\n".join([header, *rows]).encode(),
            }
        ]
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Import report")).to_be_visible()
    expect(page.locator("main")).to_contain_text("New listings: 1")
    rejected = page.locator("table", has=page.locator("caption", has_text="Rejected records"))
    expect(rejected.get_by_role("row")).to_have_count(3)  # the header and two rows
    expect(rejected).to_contain_text("line 3")
    expect(rejected).to_contain_text("line 4")
    visit(page, "import-report")
    page.goto(path("editorial:stale"))
    expect(page.get_by_role("link", name="Fin Kids")).to_be_visible()
    visit(page, "out-of-date")
    page.goto(path("editorial:listing", editorial.other.pk))
    expect(page.locator(".govuk-warning-text")).to_contain_text("never been checked")
    visit(page, "stale-listing")
