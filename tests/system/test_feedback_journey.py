"""Local Offer feedback, in a real browser: a visitor leaves feedback about a service, a
directory editor answers and publishes it, and it appears on "You said, we did"."""

from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from opensend.directory.models import Service
from opensend.people.models import User
from tests.conftest import confirmed_device
from tests.directory.factories import ServiceFactory
from tests.system.conftest import error_summary, path, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RAW = "My son Jack Smith (9) loved the swimming but the times on the page were wrong."
SUMMARY = "The session times for a swimming service were out of date."
RESPONSE = "We asked the provider to check their times, and now remind every provider each term."


@pytest.fixture
def swimming(today: object) -> Service:
    return ServiceFactory(name="Splash autism-friendly swimming")


def test_feedback_is_answered_and_published(
    page: Page, today: object, swimming: Service, dev: User
) -> None:
    """GIVEN a visitor (not signed in) on the Local Offer page of a swimming service
    WHEN they send feedback about it, first forgetting to write anything
    THEN the error summary says what is missing, and then the feedback is sent,
    AND WHEN Dev, a directory editor, signs in with his security code, finds it in the
    queue, gives it a theme, writes a summary and a response and publishes it
    THEN "You said, we did" shows his summary and response, never the visitor's words,
    and every page on the way passes axe."""
    service_page = f"/local-offer/services/{swimming.pk}/"
    query = urlencode({"service": str(swimming.pk), "page": service_page})
    page.goto(f"{path('feedback:give')}?{query}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Give feedback")
    expect(page.get_by_label("This service: Splash autism-friendly swimming")).to_be_checked()
    visit(page, "form")

    page.get_by_role("button", name="Send feedback").click()
    assert "Enter your feedback" in error_summary(page)
    visit(page, "form-error")

    page.get_by_label("Your feedback").fill(RAW)
    page.get_by_label("Information that is wrong or out of date").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback sent")
    visit(page, "sent")

    sign_in(page, dev, device=confirmed_device(dev))
    page.get_by_role("link", name="Local Offer feedback").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback")
    visit(page, "queue")
    page.get_by_role("link", name=RAW[:40]).click()
    expect(page.get_by_role("main")).to_contain_text(RAW)
    expect(page.get_by_role("main")).to_contain_text("Splash autism-friendly swimming")
    visit(page, "triage")

    page.get_by_label("Answered").check()
    page.get_by_label("“You said”: your summary for publication").fill(SUMMARY)
    page.get_by_label("“We did”: the response").fill(RESPONSE)
    page.get_by_label("Publish on “You said, we did”").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Feedback updated")
    history = page.locator("table").last
    expect(history).to_contain_text("Dev Desai")
    expect(history).to_contain_text("Published on “You said, we did”")
    visit(page, "triage-saved")

    page.goto(path("feedback:you_said_we_did"))
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", level=2)).to_have_text(
        "Information that is wrong or out of date"
    )
    expect(main).to_contain_text(SUMMARY)
    expect(main).to_contain_text(RESPONSE)
    expect(main).to_contain_text("November 2026")
    expect(main).not_to_contain_text("Jack")
    assert urlsplit(page.url).path == "/local-offer/you-said-we-did/"
    visit(page, "you-said-we-did")
