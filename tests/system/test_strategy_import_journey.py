"""A strategy lead imports an action plan from a Word document and the board reads its
pack, in a real browser (issue 12, done-when line 1: the import and the pack; the progress
update and the measure page are branch i12-plan's part of the same journey)."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from opensend.measures.models import IndicatorSnapshot
from opensend.people.models import User
from opensend.strategy.board.services import board_meeting_create
from opensend.strategy.models import Action, ProgressUpdate, Strategy, SuccessMeasure
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.strategy.plan_files import docx_bytes
from tests.strategy.test_import import PLAN_TABLES
from tests.system.conftest import SCREENSHOTS, path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = "plans_issued_within_20_weeks_incl_exceptions"


@pytest.fixture
def strategy(area: Area, sam: User) -> Strategy:
    return Strategy.objects.create(
        local_authority=area.northshire, title="SEND strategy 2025-2028", kind="strategy",
        period_start=dt.date(2025, 4, 1), period_end=dt.date(2028, 3, 31), created_by=sam,
    )  # fmt: skip


def test_lead_imports_a_word_plan_and_the_board_reads_its_pack(
    page: Page, tmp_path: Path, sam: User, strategy: Strategy
) -> None:
    """GIVEN Sam, the SEN manager who leads the strategy, with the plan in a Word document
    (a title table, then the plan with two rows that cannot be read)
    WHEN he uploads it, chooses the plan's table and checks the columns guessed
    THEN the preview names the two bad rows by table and row, and "Import 3 rows" saves
    the rest; AND the pack of the next board meeting shows the exception and the measure,
    as a page and as a PDF; every page passes axe."""
    document = tmp_path / "send-action-plan.docx"
    document.write_bytes(docx_bytes(PLAN_TABLES))
    sign_in(page, sam, confirmed_device(sam))

    page.goto(path("strategy_import:upload", strategy.pk))
    visit(page, "upload")
    page.get_by_label("Upload the action plan").set_input_files(str(document))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose the table")
    visit(page, "table")
    page.get_by_label("Table 2 (5 rows)").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")
    unreadable = page.locator("#unreadable-rows")
    expect(unreadable).to_contain_text("Table 2, row 4")
    expect(unreadable).to_contain_text("winter straddles two years")
    expect(unreadable).to_contain_text("Table 2, row 7")
    expect(page.get_by_label("Owner")).to_have_value("2")  # "Lead officer", guessed
    page.reload()  # the upload and the choices survive a reload
    expect(page.locator("#readable-rows tbody tr")).to_have_count(3)
    visit(page, "preview")
    page.get_by_role("button", name="Import 3 rows").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action plan imported")
    visit(page, "imported")
    assert Action.objects.filter(strategy=strategy).count() == 3

    timely = Action.objects.get(title="Train SENCOs in transition planning")
    SuccessMeasure.objects.create(
        strategy=strategy, action=timely, title="EHC plans issued within 20 weeks",
        kind="indicator", indicator_code=CODE, baseline_value=Decimal("40.0"),
        baseline_date=dt.date(2025, 4, 1), target_value=Decimal("80.0"),
        target_date=dt.date(2027, 4, 1), direction="higher",
    )  # fmt: skip
    for month, value in ((1, "41.0"), (2, "42.5")):
        taken_on = dt.date(2026, month + 2, 28)
        IndicatorSnapshot.objects.create(
            local_authority=strategy.local_authority, code=CODE, taken_on=taken_on,
            period_kind="last_12_months", period_start=taken_on - dt.timedelta(days=365),
            period_end=taken_on, value=Decimal(value),
        )  # fmt: skip
    hubs = Action.objects.get(title="Audit inclusion in every school")
    ProgressUpdate.objects.create(
        action=hubs, reported_on=dt.date(2026, 4, 1), reported_by=sam, status="off_track",
        narrative="Two auditors left in March",
    )  # fmt: skip
    meeting = board_meeting_create(strategy=strategy, held_on=dt.date(2026, 4, 24),
                                   title="SEND Partnership Board", actor=sam)  # fmt: skip

    page.goto(path("strategy_board:pack", strategy.pk, meeting.pk))
    expect(page.locator("main")).to_contain_text("Two auditors left in March")
    expect(page.locator("main")).to_contain_text("Behind trajectory")
    visit(page, "pack")
    link = page.get_by_role("link", name="Download the board pack (PDF)")
    pdf = page.request.get(link.get_attribute("href") or "")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "strategy-board-pack.pdf").write_bytes(pdf.body())
