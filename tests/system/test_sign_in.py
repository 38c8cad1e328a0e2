"""Signing in with a second factor, in a real browser (security.md goal 3)."""

import base64
import re
from urllib.parse import urlsplit

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from opensend.people.models import User
from tests.conftest import confirmed_device
from tests.system.conftest import (
    error_summary,
    path,
    security_code,
    sign_in,
    submit_sign_in,
    visit,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code_from_key(key: str) -> str:
    """What an authenticator app shows after the user types in the key from the page."""
    return f"{totp(base64.b32decode(key)):06d}"


def test_staff_first_sign_in_enrols_an_authenticator(page: Page, today: object, sam: User) -> None:
    """GIVEN Sam, a SEN manager who has never signed in (no authenticator app yet)
    WHEN he signs in with his password
    THEN he is asked to set up an authenticator app, with a QR code that has alt text
    and the key to type in instead,
    AND WHEN he enters the code his app then shows
    THEN he is signed in, and his app is his second factor from now on."""
    sign_in(page, sam, step="enrol")
    assert urlsplit(page.url).path == path("core:set_up_authenticator")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    qr_code = page.get_by_role("img", name="QR code to add OpenSEND to your authenticator app")
    expect(qr_code).to_be_visible()
    assert qr_code.get_attribute("src").startswith("data:image/svg+xml")
    qr_code_shown = qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    details = page.locator("details", has_text="I cannot scan the QR code")
    details.get_by_text("I cannot scan the QR code").click()
    key_text = details.inner_text()
    key = re.search(r"\b[A-Z2-7]{32}\b", key_text)
    assert key, f"no key to type in: {key_text!r}"
    visit(page, "enrol-set-up-authenticator")

    page.get_by_label("Security code").fill(_code_from_key(key[0]))
    page.get_by_role("button", name="Continue").click()

    # Staff land on their work queue (issue 9, item 7).
    page.wait_for_url(lambda url: urlsplit(url).path == path("casework:queue"))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    visit(page, "enrol-signed-in")
    assert TOTPDevice.objects.filter(user=sam, confirmed=True).count() == 1

    # Checked last, so that the rest of the journey is known to work either way.
    assert qr_code_shown, (
        "the QR code image does not render: an SVG in a data: URI needs "
        'xmlns="http://www.w3.org/2000/svg", which segno\'s svg_inline() leaves out '
        "(opensend/core/views/auth.py _qr_data_uri: use svg_data_uri())"
    )
    assert "<p" not in key_text, (
        "the key is shown as HTML source, not as text: set_up_authenticator.html joins "
        "HTML strings with `~`, which autoescaping escapes; build it with {% set %}"
    )


def test_wrong_security_code_shows_an_error_summary(page: Page, today: object, cara: User) -> None:
    """GIVEN Cara, a caseworker with an authenticator app
    WHEN she signs in with her password and types a wrong security code
    THEN the page says what is wrong in an error summary linked to the field,
    AND WHEN she types the right code
    THEN she is signed in."""
    device = confirmed_device(cara)
    sign_in(page, cara, step="wrong-code")
    assert urlsplit(page.url).path == path("core:security_code")
    right_now = {f"{totp(device.bin_key, drift=drift):06d}" for drift in (-1, 0, 1)}
    wrong = next(code for code in ("123456", "654321", "111111") if code not in right_now)

    page.get_by_label("Security code").fill(wrong)
    page.get_by_role("button", name="Continue").click()

    summary = error_summary(page)
    assert "There is a problem" in summary
    assert "The security code is not correct, or has already been used" in summary
    expect(page).to_have_title(re.compile(r"^Error: Enter your security code"))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    link = page.locator(".govuk-error-summary").get_by_role("link")
    expect(link).to_have_attribute("href", "#id_code")
    visit(page, "wrong-code-error")

    # django-otp refuses any code for 1 second after a wrong one (doubling with each
    # further failure); a person takes longer than that to type the next code.
    page.wait_for_timeout(1200)
    page.get_by_label("Security code").fill(security_code(device))
    page.get_by_role("button", name="Continue").click()
    # Staff land on their work queue (issue 9, item 7).
    page.wait_for_url(lambda url: urlsplit(url).path == path("casework:queue"))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_wrong_password_shows_an_error_summary(page: Page, today: object, cara: User) -> None:
    """GIVEN Cara, a caseworker
    WHEN she signs in with the wrong password
    THEN the error summary says the email address or password is wrong, without saying
    which, and she is not asked for a code."""
    page.goto(path("core:sign_in"))
    submit_sign_in(page, cara.email, "not her password at all")

    summary = error_summary(page)
    assert "Enter a correct email address and password" in summary
    assert urlsplit(page.url).path == path("core:sign_in")
    visit(page, "sign-in-error")
