"""Signing in and out (security.md goals 3, 4 and 5), through the real pages.

Parents and young people sign in with a password. Staff must also enter a code from an
authenticator app (enrolling one the first time); a code works once. A wrong password
and an unknown email get the same answer; 10 failures lock the account for 5 minutes.
Signing in starts a new session; signing out ends it on the server; a staff session
ends after 30 minutes without a request, and after 12 hours in any case.
"""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import User
from tests.conftest import LONDON, confirmed_device
from tests.factories import PASSWORD, TODAY
from tests.pages import check_page, elements_with_class, text_of

STAFF_PAGE = "casework:queue"  # any page for staff only


@pytest.fixture
def frozen() -> Iterator[time_machine.Traveller]:
    """Time stands still at 10am on TODAY (TOTP codes change every 30 seconds)."""
    with time_machine.travel(
        dt.datetime.combine(TODAY, dt.time(10), tzinfo=LONDON), tick=False
    ) as traveller:
        yield traveller


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def post_password(client: Client, email: str, password: str = PASSWORD, next_url: str = ""):
    url = reverse("core:sign_in") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"email": email, "password": password})


def errors_on(response) -> list[str]:
    page = check_page(response)
    return [
        text_of(item)
        for summary in elements_with_class(page, "govuk-error-summary")
        for item in summary.iter("li")
    ]


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def staff_page_status(client: Client) -> tuple[int, str]:
    response = client.get(reverse(STAFF_PAGE))
    return response.status_code, response.get("Location", "")


# --- parents and young people -----------------------------------------------------------


def test_a_parent_signs_in_with_a_password_only(paula: User, frozen):
    client = Client()
    response = post_password(client, "Paula.Baker@example.net", next_url="/family/")
    assert response.status_code == 302
    assert response["Location"] == "/family/"
    assert signed_in_user_id(client) == str(paula.pk)
    assert AuditEvent.objects.filter(actor=paula, action=AuditAction.SIGN_IN).count() == 1


def test_sign_in_never_redirects_to_another_site(paula: User, frozen):
    response = post_password(Client(), paula.email, next_url="https://evil.example/")
    assert response["Location"] == reverse("family:home")  # a parent's own landing page


def test_the_sign_in_page_passes_the_page_checks(db):
    page = check_page(Client().get(reverse("core:sign_in")))
    assert page.find(".//input[@name='password']").get("type") == "password"


# --- staff: the second factor -----------------------------------------------------------


def test_staff_with_an_app_must_enter_a_code(cara: User, frozen):
    device = confirmed_device(cara)
    client = Client()
    response = post_password(client, cara.email, next_url="/cases/")
    assert response["Location"] == reverse("core:security_code")
    # The password alone signs no one in.
    assert signed_in_user_id(client) is None
    assert staff_page_status(client)[0] == 302
    check_page(client.get(reverse("core:security_code")))
    response = client.post(reverse("core:security_code"), {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == "/cases/"
    assert signed_in_user_id(client) == str(cara.pk)
    assert client.session["otp_device_id"] == device.persistent_id
    assert staff_page_status(client)[0] == 200


def test_a_caseworker_lands_on_their_work_queue(cara: User, frozen):
    """Issue 9, item 7: with no page asked for, a caseworker lands on their queue."""
    device = confirmed_device(cara)
    client = Client()
    post_password(client, cara.email)
    response = client.post(reverse("core:security_code"), {"code": code_for(device)})
    assert response["Location"] == reverse("casework:queue")


def test_a_wrong_code_is_refused(cara: User, frozen):
    device = confirmed_device(cara)
    client = Client()
    post_password(client, cara.email)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("core:security_code"), {"code": wrong})
    assert response.status_code == 200
    assert errors_on(response) == ["The security code is not correct, or has already been used"]
    assert signed_in_user_id(client) is None


def test_a_code_cannot_be_used_twice(cara: User, frozen):
    device = confirmed_device(cara)
    code = code_for(device)
    first = Client()
    post_password(first, cara.email)
    assert first.post(reverse("core:security_code"), {"code": code}).status_code == 302
    # Someone who saw the code (over a shoulder, in a phishing page) tries it at once.
    second = Client()
    post_password(second, cara.email)
    response = second.post(reverse("core:security_code"), {"code": code})
    assert response.status_code == 200
    assert errors_on(response) == ["The security code is not correct, or has already been used"]
    assert signed_in_user_id(second) is None


def test_staff_without_an_app_must_set_one_up(sam: User, frozen):
    client = Client()
    response = post_password(client, sam.email)
    assert response["Location"] == reverse("core:set_up_authenticator")
    page = check_page(client.get(reverse("core:set_up_authenticator")))
    assert page.find(".//img") is not None  # the QR code
    device = TOTPDevice.objects.get(user=sam, confirmed=False)
    assert signed_in_user_id(client) is None
    response = client.post(reverse("core:set_up_authenticator"), {"code": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert signed_in_user_id(client) == str(sam.pk)
    assert staff_page_status(client)[0] == 200


def test_the_code_pages_need_a_password_first(cara: User, frozen):
    confirmed_device(cara)
    client = Client()
    for name in ("core:security_code", "core:set_up_authenticator"):
        response = client.get(reverse(name))
        assert response["Location"] == reverse("core:sign_in"), name


def test_staff_signed_in_without_a_second_factor_are_sent_to_sign_in(cara: User, frozen):
    client = Client()
    client.force_login(cara, backend="django.contrib.auth.backends.ModelBackend")
    status, location = staff_page_status(client)
    assert status == 302
    assert location.startswith(reverse("core:sign_in"))


def test_the_staff_client_fixture_passes_the_second_factor(cara: User, staff_client, frozen):
    assert staff_page_status(staff_client(cara))[0] == 200


# --- failures and lockout ---------------------------------------------------------------


def test_unknown_email_and_wrong_password_get_the_same_answer(cara: User, frozen):
    wrong_password = post_password(Client(), cara.email, "not the password at all")
    unknown_email = post_password(Client(), "nobody.here@northshire.example")
    assert wrong_password.status_code == unknown_email.status_code == 200
    assert (
        errors_on(wrong_password)
        == errors_on(unknown_email)
        == ["Enter a correct email address and password"]
    )


def test_ten_failures_lock_the_account_for_five_minutes(cara: User, sam: User, frozen):
    confirmed_device(cara)
    client = Client()
    statuses = [post_password(client, cara.email, f"guess {n}").status_code for n in range(10)]
    assert statuses[:9] == [200] * 9
    locked = post_password(client, cara.email)  # even the right password
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in text_of(check_page(locked).find(".//h1"))
    assert signed_in_user_id(client) is None
    # The lock is on the account, not the computer: a colleague can still sign in.
    assert post_password(client, sam.email).status_code == 302
    frozen.shift(dt.timedelta(minutes=6))
    response = post_password(Client(), cara.email)
    assert response["Location"] == reverse("core:security_code")


def test_an_unknown_email_locks_out_the_same_way(db, frozen):
    client = Client()
    for n in range(10):
        post_password(client, "nobody.here@northshire.example", f"guess {n}")
    assert post_password(client, "nobody.here@northshire.example").status_code == 429


# --- sessions -------------------------------------------------------------------------


def test_signing_in_starts_a_new_session(paula: User, frozen):
    client = Client()
    planted = client.session  # a session an attacker could have fixed in the browser
    planted["planted"] = True
    planted.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    post_password(client, paula.email)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != planted.session_key
    assert not SessionStore().exists(planted.session_key)
    assert signed_in_user_id(client) == str(paula.pk)


def test_staff_sign_in_starts_a_new_session_after_the_code(cara: User, frozen):
    device = confirmed_device(cara)
    client = Client()
    post_password(client, cara.email)
    pending = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("core:security_code"), {"code": code_for(device)})
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != pending


def test_signing_out_ends_the_session_on_the_server(cara: User, staff_client, frozen):
    client = staff_client(cara)
    session_key = client.session.session_key
    assert client.get(reverse("core:sign_out")).status_code == 405  # a link cannot sign out
    response = client.post(reverse("core:sign_out"))
    assert response["Location"] == reverse("core:signed_out")
    assert not SessionStore().exists(session_key)
    # The old cookie, replayed, opens nothing.
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = session_key
    assert staff_page_status(replay)[0] == 302
    check_page(client.get(reverse("core:signed_out")))
    assert AuditEvent.objects.filter(actor=cara, action=AuditAction.SIGN_OUT).count() == 1


def test_a_staff_session_ends_after_30_minutes_idle(cara: User, staff_client, frozen):
    client = staff_client(cara)
    assert staff_page_status(client)[0] == 200
    frozen.shift(dt.timedelta(seconds=settings.STAFF_IDLE_SECONDS - 60))
    assert staff_page_status(client)[0] == 200  # still active: the idle time starts again
    frozen.shift(dt.timedelta(seconds=settings.STAFF_IDLE_SECONDS - 60))
    assert staff_page_status(client)[0] == 200
    frozen.shift(dt.timedelta(seconds=settings.STAFF_IDLE_SECONDS + 1))
    status, location = staff_page_status(client)
    assert status == 302
    assert location.startswith(reverse("core:sign_in"))
    assert signed_in_user_id(client) is None


def test_a_staff_session_ends_after_12_hours_however_active(cara: User, frozen):
    device = confirmed_device(cara)
    client = Client()
    post_password(client, cara.email)
    client.post(reverse("core:security_code"), {"code": code_for(device)})
    for _ in range(12 * 3):  # a request every 20 minutes, for 12 hours
        assert staff_page_status(client)[0] == 200
        frozen.shift(dt.timedelta(minutes=20))
    frozen.shift(dt.timedelta(minutes=5))
    assert staff_page_status(client)[0] == 302


def test_disabling_an_account_ends_its_sessions(cara: User, staff_client, frozen):
    client = staff_client(cara)
    assert staff_page_status(client)[0] == 200
    User.objects.filter(pk=cara.pk).update(is_active=False)
    assert staff_page_status(client)[0] == 302


def test_a_disabled_account_cannot_sign_in(paula: User, frozen):
    User.objects.filter(pk=paula.pk).update(is_active=False)
    response = post_password(Client(), paula.email)
    assert errors_on(response) == ["Enter a correct email address and password"]
