"""Forgotten password: an emailed single-use link, the same answer for unknown addresses."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from opensend.core.models import AuditEvent
from tests.pages import check_page, elements_with_class, text_of

NEW_PASSWORD = "a long new password 2026"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def ask_for_link(email: str) -> Client:
    client = Client()
    response = client.post(reverse("core:forgotten_password"), {"email": email})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:password_reset_sent")
    return client


def emailed_link() -> str:
    assert len(mail.outbox) == 1
    found = re.search(r"http://testserver(/sign-in/reset/\S+/)", mail.outbox[0].body)
    assert found, mail.outbox[0].body
    return found.group(1)


def test_the_sign_in_page_links_to_it(db):
    page = check_page(Client().get(reverse("core:sign_in")))
    assert reverse("core:forgotten_password") in {a.get("href") for a in page.iter("a")}


def test_an_unknown_address_gets_the_same_answer_and_no_email(db):
    ask_for_link("nobody@example.com")
    assert mail.outbox == []


def test_a_bad_address_shows_the_error_summary(db):
    page = check_page(Client().post(reverse("core:forgotten_password"), {"email": "not-an-email"}))
    assert "Enter an email address in the correct format" in text_of(
        elements_with_class(page, "govuk-error-summary")[0])


def test_a_parent_resets_their_password_once(paula):
    ask_for_link(paula.email.upper())
    link = emailed_link()
    assert mail.outbox[0].to == [paula.email]

    client = Client()
    check_page(client.get(link))
    mismatch = check_page(client.post(link, {"password": NEW_PASSWORD, "confirm": "other"}))
    assert "The two passwords do not match" in text_of(mismatch)
    response = client.post(link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response["Location"] == reverse("core:password_changed")

    paula.refresh_from_db()
    assert paula.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(actor=paula, why="password reset").exists()
    used_again = check_page(Client().get(link))
    assert text_of(used_again.find(".//h1")) == "This link has expired"


def test_a_weak_password_is_refused(paula):
    ask_for_link(paula.email)
    page = check_page(Client().post(emailed_link(), {"password": "short", "confirm": "short"}))
    assert elements_with_class(page, "govuk-error-summary")
    paula.refresh_from_db()
    assert not paula.check_password("short")


def test_a_second_request_within_5_minutes_sends_nothing_more(paula):
    ask_for_link(paula.email)
    ask_for_link(paula.email)
    assert len(mail.outbox) == 1


def test_a_tampered_link_has_expired(paula):
    ask_for_link(paula.email)
    link = emailed_link()
    page = check_page(Client().get(link[:-3] + "xx/"))
    assert text_of(page.find(".//h1")) == "This link has expired"
