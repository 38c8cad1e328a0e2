"""An action owner reports progress on the partnership's plan, and the figures speak for
themselves (issue 12), in a real browser."""

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from opensend.people.models import User
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.strategy.plan_world import PlanWorld, plan_world
from tests.system.conftest import fill_date, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A folder for desktop and phone pictures of the pages (for a resolution); unset in CI.
SHOTS = os.environ.get("OPENSEND_SHOTS", "")


@pytest.fixture
def plan(today: dt.date, area: Area, sam: User, cara: User) -> PlanWorld:
    return plan_world(la=area.northshire, lead=sam, owner=cara, partner=area.health)


def _shoot(page: Page, name: str) -> None:
    """Desktop (1280) and phone (390) pictures of the page, for the issue's resolution."""
    if not SHOTS:
        return
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(Path(SHOTS) / f"i12-plan-{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1024, "height": 768})


def test_an_owner_reports_progress_and_sees_the_measure_against_its_trajectory(
    page: Page, today: dt.date, cara: User, plan: PlanWorld, tmp_path: Path
) -> None:
    """GIVEN Northshire's adopted plan, where Cara owns action 1.1 and last reported it
    "on track", while its linked measure (plans issued within 20 weeks) is behind its
    trajectory in the monthly snapshots
    WHEN Cara signs in and opens the plan from the navigation
    THEN the plan says plainly that the figures disagree with the update, and what is overdue
    WHEN she posts an "at risk" update with a file of evidence
    THEN the action's history shows it with the file, and the disagreement is gone
    AND the success-measure page shows the figures against the trajectory and target,
    with the same figures in a table; every page passes axe."""
    sign_in(page, cara, confirmed_device(cara), step="owner")
    page.get_by_role("link", name="Strategy").first.click()
    page.get_by_role("link", name=plan.strategy.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(plan.strategy.title)
    main = page.locator("main")
    expect(main).to_contain_text("Where the figures disagree with the updates")
    expect(main).to_contain_text("but the figures say otherwise")
    expect(page.get_by_role("heading", name="Overdue")).to_be_visible()
    visit(page, "plan")
    _shoot(page, "strategy")

    page.get_by_role("link", name="1.1 Weekly multi-agency panel for new requests").first.click()
    expect(main).to_contain_text("The last update says “on track”")
    page.get_by_role("link", name="Add a progress update").click()
    visit(page, "progress-form")
    page.get_by_label("At risk").check()
    fill_date(page, "Date of this update", today)
    page.get_by_label("What has happened since the last update?").fill(
        "Two panels were cancelled for want of a health member."
    )
    evidence = tmp_path / "panel-minutes.pdf"
    evidence.write_bytes(b"%PDF-1.7\n%%EOF\n")
    page.get_by_label("Evidence (optional)").set_input_files(evidence)
    page.get_by_role("button", name="Add the update").click()

    expect(page.get_by_text("Your update was added")).to_be_visible()
    expect(main).to_contain_text("Two panels were cancelled")
    expect(page.get_by_role("link", name="panel-minutes.pdf")).to_be_visible()
    expect(main).not_to_contain_text("but the figures say otherwise")
    visit(page, "action")
    _shoot(page, "action")

    page.get_by_role("link", name="80% of plans within 20 weeks").click()
    expect(main).to_contain_text("Behind trajectory")
    expect(page.get_by_role("img", name="New plans issued within 20 weeks, including "
                            "exceptions against its trajectory")).to_be_visible()  # fmt: skip
    expect(page.get_by_role("table")).to_contain_text("28 October 2026")
    visit(page, "measure")
    _shoot(page, "measure")
