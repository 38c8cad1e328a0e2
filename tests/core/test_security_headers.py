"""Production settings and the headers every page sends (security.md goal 6).

`manage.py check --deploy` runs in a subprocess with the environment a real deployment
has (OPENSEND_ENV=production, a real SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL) and must
report nothing at all. The headers are checked in-process with production's security
settings switched on.
"""

import os
import secrets
import subprocess
import sys
from http.cookies import Morsel

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from opensend.config.embedded_db import socket_dir
from opensend.people.models import User
from tests.conftest import confirmed_device
from tests.factories import PASSWORD

ROOT = settings.BASE_DIR
PRODUCTION_SECURITY = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


def production_environment() -> dict[str, str]:
    socket = socket_dir()
    assert socket is not None, "the embedded PostgreSQL is not running"
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "OPENSEND_", "SECURE_", "DEBUG", "DATABASE_URL"))
    }
    environment.update(
        {
            "OPENSEND_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "send.northshire.example",
            "CSRF_TRUSTED_ORIGINS": "https://send.northshire.example",
            "DATABASE_URL": f"postgres://postgres@/opensend?host={socket}",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "smtp.northshire.example",  # required with the SMTP backend
            "DEFAULT_FROM_EMAIL": "send@northshire.example",
            "DJANGO_SETTINGS_MODULE": "opensend.config.settings",
        }
    )
    return environment


def test_check_deploy_is_clean_in_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "no issues" in report, report


def test_production_refuses_to_start_without_a_secret_key():
    environment = production_environment()
    del environment["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


# --- headers --------------------------------------------------------------------------


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.fixture
def production_security():
    with override_settings(**PRODUCTION_SECURITY):
        yield


def test_every_page_sends_the_security_headers(db, production_security):
    response = Client().get(reverse("core:home"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    for directive in ("default-src", "script-src", "style-src"):
        assert "'unsafe-inline'" not in csp[directive], directive
        assert "'unsafe-eval'" not in csp[directive], directive
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_plain_http_is_redirected_to_https(db, production_security):
    response = Client().get(reverse("core:home"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_signed_out_pages_may_be_cached(db):
    assert "no-store" not in Client().get(reverse("core:home")).get("Cache-Control", "")


@pytest.mark.parametrize("who", ["cara", "paula"])
def test_signed_in_pages_are_never_stored(who, request, client_for, today):
    user: User = request.getfixturevalue(who)
    response = client_for(user).get(reverse("core:home"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def _cookie(response, name: str) -> Morsel:
    assert name in response.cookies, f"{name} was not set"
    return response.cookies[name]


def test_the_session_cookie_is_secure_httponly_and_samesite(
    paula: User, production_security, today
):
    client = Client()
    response = client.post(
        reverse("core:sign_in"), {"email": paula.email, "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    cookie = _cookie(response, settings.SESSION_COOKIE_NAME)
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_the_csrf_cookie_is_secure_httponly_and_samesite(db, production_security):
    response = Client().get(reverse("core:sign_in"), secure=True)
    cookie = _cookie(response, settings.CSRF_COOKIE_NAME)
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_staff_session_cookie_after_the_second_factor(cara: User, production_security, today):
    from django_otp.oath import totp

    device = confirmed_device(cara)
    client = Client()
    client.post(reverse("core:sign_in"), {"email": cara.email, "password": PASSWORD}, secure=True)
    code = f"{totp(device.bin_key):06d}"
    response = client.post(reverse("core:security_code"), {"code": code}, secure=True)
    assert response.status_code == 302
    cookie = _cookie(response, settings.SESSION_COOKIE_NAME)
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
