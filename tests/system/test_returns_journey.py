"""An SEN manager prepares the SEN2 return, reads its validation report, downloads the
XML, and downloads the inspection lists, in a real browser: every page photographed and
checked with axe (zero violations)."""

import datetime as dt

import pytest
from lxml import etree
from playwright.sync_api import Page, expect

from opensend.people.models import Role
from tests.conftest import confirmed_device
from tests.factories import staff_user
from tests.measures.sen2_area import build_area
from tests.system.conftest import sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sen_manager_prepares_the_sen2_return_and_the_inspection_lists(
    page: Page, today: dt.date
):
    area = build_area()
    manager = staff_user(Role.SEN_MANAGER, area.la)
    sign_in(page, manager, confirmed_device(manager))
    page.get_by_role("link", name="Returns").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statutory returns")
    visit(page, "returns")

    page.get_by_role("link", name="SEN2 return").click()
    expect(page.get_by_text("This return has not been prepared yet.")).to_be_visible()
    visit(page, "sen2-not-prepared")
    page.get_by_label("21 January 2027 (activity in 2026)").check()
    page.get_by_role("button", name="Prepare the return and check it").click()
    expect(page.get_by_role("table", name="Validation rules")).to_be_visible()
    visit(page, "sen2-report")
    page.get_by_role("link", name="EHC case").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.go_back()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the SEN2 XML").click()
    root = etree.parse(download.value.path()).getroot()
    assert len(root.findall("Persons/Person")) == 7

    page.get_by_role("link", name="Statutory returns").click()
    page.get_by_role("link", name="Inspection lists").click()
    visit(page, "inspection")
    with page.expect_download() as excel:
        workbook = "Download lists 1 and 2 as one Excel workbook (.xlsx)"
        page.get_by_role("link", name=workbook).click()
    assert excel.value.suggested_filename.startswith("inspection_lists_929_")
