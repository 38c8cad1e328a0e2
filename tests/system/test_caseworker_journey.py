"""A caseworker takes a request for an EHC needs assessment all the way to a final plan,
in a real browser, and the case page shows every statutory step on its clock.

Dates are counted back from the test's today (22 November 2026): the request arrived 19
weeks ago, so the final plan is issued inside the 20 weeks (Reg 13(2)).
"""

import datetime as dt
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from opensend.casework.models import Case, Stage
from opensend.people.models import Child, User
from tests import factories as f
from tests.conftest import confirmed_device
from tests.personas import Area
from tests.system.conftest import error_summary, fill_date, govuk_date, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = dt.timedelta(weeks=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def known_child(today: dt.date, cara: User, tom: Child) -> Child:
    """Tom, known to Northshire: his school asked for an assessment last year, Cara was
    his caseworker, and the panel refused (so he has no open case now)."""
    refused = f.case_with_request(
        child=tom, caseworker=cara, received_on=today - 60 * WEEK, today=today
    )
    f.panel_decide(refused, agreed=False, met_on=refused.opened_on + 5 * WEEK, today=today)
    return tom


def _case_actions(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Record what happened")


def _success(page: Page, text: str) -> None:
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(text)


def _step_row(page: Page, name: str) -> Locator:
    """A statutory step's row in the case page's tables of steps to do and steps done."""
    tables = page.locator("table", has=page.locator("caption", has_text=re.compile("^Steps")))
    return tables.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=re.compile(f"^{re.escape(name)}"))
    )


def _find_child(page: Page, name: str) -> str:
    """Search for the child by name; their UPN, as the results show it."""
    page.get_by_role("link", name="Find a child").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a child")
    page.get_by_label("Name or UPN").fill(name)
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2, name="1 child found")).to_be_visible()
    result = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", level=3, name=name)
    )
    expect(result).to_contain_text("refused assessment")
    visit(page, "search")
    upn = re.search(r"UPN (\w+)", result.inner_text())
    assert upn, result.inner_text()
    return upn[1]


def _record_request(page: Page, upn: str, received_on: dt.date) -> None:
    page.get_by_role("link", name="Work queue").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work queue")
    visit(page, "queue")
    page.get_by_role("button", name="Record a new request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record a request for an EHC needs assessment"
    )
    visit(page, "request-new")

    page.get_by_role("button", name="Save request").click()  # nothing filled in yet
    assert "Select whether the child is already recorded" in error_summary(page)
    visit(page, "request-new-errors")

    page.get_by_label("A child or young person already recorded").check()
    page.get_by_label("Their UPN (unique pupil number)").fill(upn)
    fill_date(page, "When did the local authority receive the request?", received_on)
    page.get_by_label("Early years setting, school or college").check()
    page.get_by_label("Name of the person who made the request (optional)").fill("Mrs Green, SENCO")
    page.get_by_label("Setting that made or supports the request (optional)").select_option(
        label="Hillside First School (URN 121001)"
    )
    page.get_by_label(re.compile("evidence of the graduated approach")).fill(
        "Two cycles of assess, plan, do, review with speech and language support."
    )
    # No one with parental responsibility is recorded for Tom yet: his mother is.
    page.get_by_label("Full name").fill("Paula Baker")
    page.get_by_label("Relationship to the child").fill("Mother")
    page.get_by_label("Email address (optional)").fill("paula.baker@example.net")
    page.get_by_label("Preferred language").fill("English")
    page.get_by_role("group", name="Do they need an interpreter?").get_by_label("No").check()
    page.get_by_role("button", name="Save request").click()
    _success(page, "Request for an EHC needs assessment recorded")


def _decide_to_assess(page: Page, met_on: dt.date) -> None:
    _case_actions(page).get_by_role("link", name="Record a panel decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record the panel\u2019s decision on the assessment"
    )
    visit(page, "panel-decision")
    page.get_by_role(
        "group", name="Did the panel agree to carry out an EHC needs assessment?"
    ).get_by_label("Yes").check()
    fill_date(page, "When did the panel meet?", met_on)
    page.get_by_label(re.compile("The panel.s reasons")).fill(
        "The school's evidence shows Tom may need provision beyond what it can make."
    )
    attended = page.get_by_role("group", name="Who attended the panel?")
    attended.get_by_label("Education", exact=True).fill("Head of SEN")
    attended.get_by_label("Health", exact=True).fill("Designated Clinical Officer")
    page.get_by_role("button", name="Save").click()
    _success(page, "Panel decision recorded")


def _ask_for_advice(
    page: Page, advisers: list[tuple[str, str]], asked_on: dt.date, step: str
) -> None:
    """Several advisers on one form, with a message and a file (issue 9, item 5)."""
    _case_actions(page).get_by_role("link", name="Ask for advice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for advice")
    visit(page, step)
    for service, organisation in advisers:
        page.get_by_label(f"{service} advice", exact=True).select_option(label=organisation)
    fill_date(page, "When did you ask?", asked_on)
    page.get_by_label("Message to the advisers (optional)").fill(
        "Please look at Tom's communication and sensory needs."
    )
    page.get_by_label("Attach files (optional)").set_input_files(
        files=[{"name": "SENCO report.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.7\n%%EOF\n"}]
    )
    page.get_by_role("button", name="Ask for advice").click()
    _success(page, "Advice requested from")
    expect(page.get_by_role("link", name=re.compile("^SENCO report.pdf"))).to_have_count(
        len(advisers)
    )


def _pull_advice_into_plan(page: Page, advice: str, section: str) -> None:
    """The advice received, shown on the case, copied into the plan (issue 9, item 5)."""
    name = re.compile(rf"^Add to the plan\s*: {re.escape(advice)}$", re.IGNORECASE)
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add the advice to the plan")
    visit(page, "advice-pull")
    expect(page.get_by_role("radio", name=re.compile(f"^{section}: "))).to_be_checked()
    page.get_by_role("button", name="Add to the plan").click()
    _success(page, f"The advice was added to section {section}")


def _record_advice_received(page: Page, advice: str, received_on: dt.date, step: str) -> None:
    # The link's hidden ": health advice" is positioned, so it counts as a separate word.
    name = re.compile(rf"^Record advice received\s*: {re.escape(advice)}$", re.IGNORECASE)
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record advice received")
    visit(page, step)
    fill_date(page, "When was the advice received?", received_on)
    page.get_by_label("Summary of the advice").fill(
        f"{advice}: needs and the provision to meet them; full report on file."
    )
    page.get_by_role("button", name="Save").click()
    _success(page, "Advice received recorded")


def _open_section(page: Page, title: str) -> None:
    page.get_by_role("link", name=re.compile(rf"^{re.escape(title)}")).click()


def _save_and_continue(page: Page, saved: str) -> None:
    page.get_by_role("button", name="Save and continue").click()
    _success(page, saved)


def _write_plan(page: Page, step: str) -> None:
    """Section by section, saved as you go, with "add another" and the wording check."""
    _case_actions(page).get_by_role("link", name="Write or edit the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The EHC plan")
    visit(page, f"{step}-sections")
    _open_section(page, "Section A:")
    visit(page, f"{step}-section-a")
    page.get_by_label(re.compile(r"Section A:")).fill(
        "Tom loves trains and drawing and wants to make friends."
    )
    _save_and_continue(page, "Section A saved")
    need = page.get_by_role("group", name="Need 1", exact=True)
    need.get_by_label("Type of need").select_option(value="ASD")
    need.get_by_label("Description").fill("Finds changes of routine hard.")
    page.get_by_role("button", name="Add another need").click()
    need = page.get_by_role("group", name="Need 2", exact=True)
    need.get_by_label("Type of need").select_option(value="SLCN")
    need.get_by_label("Description").fill("Uses few words to ask for help.")
    visit(page, f"{step}-section-b")
    _save_and_continue(page, "Section B saved")
    page.get_by_role("link", name="Back to the plan").click()
    _open_section(page, "Section E:")
    outcome = page.get_by_role("group", name="Outcome 1", exact=True)
    outcome.get_by_label("Outcome", exact=True).fill("Joins a small-group activity every day")
    outcome.get_by_label("By when").fill("End of Key Stage 2")
    _save_and_continue(page, "Section E saved")
    page.get_by_role("link", name="Back to the plan").click()
    _open_section(page, "Section F:")
    provision = page.get_by_role("group", name="Provision 1", exact=True)
    provision.get_by_label("Need it meets").select_option(value="SLCN")
    provision.get_by_label("Provision", exact=True).fill("SaLT sometimes")
    provision.get_by_label("How much and how often").fill("30 minutes a week")
    provision.get_by_label("Delivered by").fill("A speech and language therapist")
    page.get_by_role("button", name="Save and continue").click()
    # The wording check ran on the save and names the words it found.
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Check these words: \u2018sometimes\u2019, \u2018SaLT\u2019"
    )
    visit(page, f"{step}-section-f-wording")
    provision = page.get_by_role("group", name="Provision 1", exact=True)
    provision.get_by_label("Provision", exact=True).fill(
        "Speech and language therapy in a small group"
    )
    _save_and_continue(page, "Section F saved")
    page.get_by_role("link", name="Back to the plan").click()
    _open_section(page, "Section I:")
    page.get_by_label("The school, college or other setting named").select_option(
        label="Hillside First School (URN 121001)"
    )
    visit(page, f"{step}-section-i")
    page.get_by_role("button", name="Save and return to the plan").click()
    _success(page, "Section I saved")


def _issue_plan(page: Page, kind: str, issued_on: dt.date, step: str) -> None:
    button = f"Issue as {kind.split()[0].lower()}"
    page.get_by_role("button", name=button).click()  # a link styled as a button
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Check the plan before you issue it as {kind.lower()}"
    )
    visit(page, step)
    fill_date(page, "Date of issue", issued_on)
    page.get_by_role("button", name=button).click()
    _success(page, f"The {kind.lower()} has been issued")


def test_caseworker_takes_a_request_to_a_final_plan(
    page: Page, today: dt.date, cara: User, area: Area, known_child: Child
) -> None:
    """GIVEN Cara, a caseworker with an authenticator app, and Tom, a child known to
    Northshire
    WHEN she signs in (password and security code), finds Tom, records a new request,
    records the panel's decision to assess, asks for health and educational psychology
    advice, records both as received, writes and issues a draft plan, then writes and
    issues the final plan
    THEN the case page shows each statutory step with its due date and status, and the
    final plan issued within 20 weeks;
    and every page on the way passes axe."""
    received = today - 19 * WEEK
    decided = received + 5 * WEEK
    asked = decided + DAY
    health_received, ep_received = asked + 4 * WEEK, asked + 5 * WEEK
    draft_issued, final_issued = received + 12 * WEEK, received + 16 * WEEK

    sign_in(page, cara, confirmed_device(cara), step="caseworker")
    visit(page, "home")
    upn = _find_child(page, "Tom Baker")
    assert upn == known_child.upn
    _record_request(page, upn, received)
    visit(page, "case-requested")
    case = Case.objects.filter(child=known_child).order_by("-pk").first()
    assert case.stage == Stage.REQUESTED and case.caseworker == cara
    expect(_step_row(page, "Decide whether to assess")).to_contain_text(
        govuk_date(received + 6 * WEEK)
    )

    _decide_to_assess(page, decided)
    visit(page, "case-assessing")
    _ask_for_advice(
        page,
        [
            ("Health", "Northshire Community Health NHS Trust (NHS trust)"),
            (
                "Educational psychology",
                "Northshire Educational Psychology Service (Educational psychology service)",
            ),
        ],
        asked,
        "advice-request",
    )
    visit(page, "case-advice-requested")
    _record_advice_received(page, "Health advice", health_received, "advice-received-health")
    _record_advice_received(
        page, "Educational psychology advice", ep_received, "advice-received-ep"
    )
    visit(page, "case-advice-received")
    _pull_advice_into_plan(page, "Health advice", "C")

    _write_plan(page, "plan-edit")
    _issue_plan(page, "Draft plan", draft_issued, "plan-issue-draft")
    visit(page, "case-draft-issued")
    draft_url = f"/cases/{case.pk}/plan/1.pdf"
    draft_sent = page.request.get(draft_url).body()

    _case_actions(page).get_by_role("link", name="Write or edit the plan").click()
    _open_section(page, "Section A:")
    page.get_by_label(re.compile(r"Section A:")).fill(
        "Tom loves trains and drawing, and wants to make friends at Hillside."
    )
    page.get_by_role("button", name="Save and return to the plan").click()
    _issue_plan(page, "Final plan", final_issued, "plan-issue-final")
    visit(page, "case-final-issued")
    # The draft the family was sent is the same file, byte for byte.
    assert page.request.get(draft_url).body() == draft_sent

    expect(page.get_by_text("Plan maintained")).to_be_visible()
    page.locator("summary", has_text="Steps already done").click()
    visit(page, "case-final-issued-steps-done")
    expected_steps = [
        ("Decide whether to assess", received + 6 * WEEK, decided, "Done on time"),
        ("Health advice", asked + 6 * WEEK, health_received, "Done on time"),
        ("Educational psychology advice", asked + 6 * WEEK, ep_received, "Done on time"),
        ("Issue the final plan", received + 20 * WEEK, final_issued, "Done on time"),
    ]
    for name, due, done, status in expected_steps:
        row = _step_row(page, name)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(govuk_date(due))
        expect(row).to_contain_text(govuk_date(done))
        expect(row).to_contain_text(status)
    expect(_step_row(page, "Family comments on the draft plan")).to_contain_text("Closed")

    week20 = page.locator("dl", has=page.get_by_text("Final plan due"))
    for key, value in [
        ("Final plan due", govuk_date(received + 20 * WEEK)),
        ("Final plan issued", govuk_date(final_issued)),
        ("Within 20 weeks", "Yes"),
        ("Exception applies", "No"),
    ]:
        row = week20.locator(".govuk-summary-list__row", has=page.get_by_text(key, exact=True))
        expect(row.locator("dd")).to_have_text(value)

    case.refresh_from_db()
    assert case.stage == Stage.PLAN
    assert [v.kind for v in case.plan.versions.order_by("number")] == ["draft", "final"]
