"""Staff single sign-on (issue 13 item 5; docs/sso.md) against a real OpenID provider.

The provider is oidc-provider from npm (tests/core/oidc/provider.mjs), started once per
session on 127.0.0.1. Each test runs the whole authorization-code flow with PKCE:
OpenSEND's start route redirects the test client to the provider, a real HTTP session
signs in there, and the provider's redirect comes back to OpenSEND's callback, which
exchanges the code and fetches the keys and userinfo from the provider over HTTP.
"""

from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp

from opensend.core.models import AuditAction, AuditEvent, IdentityProviderDevice
from opensend.core.sso import mfa_asserted
from opensend.people.models import Role, User
from tests.conftest import confirmed_device
from tests.core.oidc import LocalProvider
from tests.factories import ParentUserFactory, staff_user
from tests.pages import check_page, text_of
from tests.personas import Area

STAFF_PAGE = "casework:queue"
ALEX = "alex.sso@council.example"  # provider.mjs's accounts "alex" and "alex-unverified"
STRANGER = "stranger.sso@council.example"
PARENT = "pat.sso@family.example"
REFUSED = "You cannot sign in with your organisation's account"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def provider() -> Iterator[LocalProvider]:
    started = LocalProvider.start()
    yield started
    started.stop()


@pytest.fixture
def sso(provider: LocalProvider) -> Iterator[LocalProvider]:
    """Single sign-on switched on, with this provider."""
    backends = [*settings.AUTHENTICATION_BACKENDS, "opensend.core.sso.StaffOIDCBackend"]
    with override_settings(**provider.settings(), AUTHENTICATION_BACKENDS=backends):
        yield provider


@pytest.fixture
def alex(area: Area) -> User:
    """Alex, a caseworker at Northshire whose council account is alex.sso@council.example."""
    return staff_user(Role.CASEWORKER, area.northshire, email=ALEX, full_name="Alex Sso")


def start(client: Client, next_url: str = "") -> str:
    """Open OpenSEND's start route; return where it sends the browser (the provider)."""
    query = {"next": next_url} if next_url else {}
    response = client.get(reverse("core:sso_start"), query)
    assert response.status_code == 302
    return response["Location"]


SignIn = Callable[..., object]



@pytest.fixture
def sign_in(sso: LocalProvider) -> SignIn:
    """sign_in(client, account, mfa=True) -> OpenSEND's answer at the callback."""

    def run(client: Client, account: str, *, mfa: bool = True, next_url: str = "") -> object:
        back = sso.browser_sign_in(start(client, next_url), account=account, mfa=mfa)
        return client.get(back)

    return run


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def refusals() -> list[str]:
    rows = AuditEvent.objects.filter(action=AuditAction.SIGN_IN_FAILED)
    return [str(row.detail["reason"]) for row in rows]


def assert_refused(response: object, client: Client, reason: str) -> None:
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert text_of(check_page(response).find(".//h1")) == REFUSED
    assert signed_in_user_id(client) is None
    assert any(reason in refusal for refusal in refusals()), refusals()


# --- signed in --------------------------------------------------------------------------


def test_a_verified_email_with_mfa_at_the_provider_signs_staff_in(
    sign_in: SignIn, alex: User, client: Client
) -> None:
    response = sign_in(client, "alex", mfa=True)

    assert response.status_code == 302
    assert response["Location"] == reverse(STAFF_PAGE)  # a caseworker's landing page
    assert signed_in_user_id(client) == str(alex.pk)
    assert client.get(reverse(STAFF_PAGE)).status_code == 200  # past the second factor
    device = IdentityProviderDevice.objects.get(user=alex)
    assert client.session["otp_device_id"] == device.persistent_id
    row = AuditEvent.objects.get(action=AuditAction.SIGN_IN, actor=alex)
    assert row.detail == {
        "first_factor": "organisation account",
        "second_factor": "identity provider",
    }


def test_the_page_asked_for_comes_after_sign_in(
    sign_in: SignIn, alex: User, client: Client
) -> None:
    response = sign_in(client, "alex", next_url=reverse("casework:my_cases"))

    assert response["Location"] == reverse("casework:my_cases")


def test_an_acr_named_as_mfa_counts_as_mfa(
    sign_in: SignIn, sso: LocalProvider, alex: User, client: Client
) -> None:
    """amr "mfa" is not the only way: some providers say it with an acr value instead."""
    assert mfa_asserted({"amr": ["pwd"], "acr": sso.acr_mfa}) is False
    with override_settings(OIDC_MFA_ACR_VALUES=[sso.acr_mfa]):
        assert mfa_asserted({"amr": ["pwd"], "acr": sso.acr_mfa}) is True
        assert mfa_asserted({"amr": "mfa"}) is True
        assert mfa_asserted({}) is False


# --- no MFA asserted: OpenSEND's own security code -----------------------------------------


def test_without_mfa_at_the_provider_staff_give_their_security_code(
    sign_in: SignIn, alex: User, client: Client
) -> None:
    device = confirmed_device(alex)

    response = sign_in(client, "alex", mfa=False)

    assert response["Location"] == reverse("core:security_code")
    assert signed_in_user_id(client) is None
    assert client.get(reverse(STAFF_PAGE))["Location"].startswith(reverse("core:sign_in"))
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("core:security_code"), {"code": code})
    assert response["Location"] == reverse(STAFF_PAGE)
    assert client.get(reverse(STAFF_PAGE)).status_code == 200
    assert not IdentityProviderDevice.objects.filter(user=alex).exists()
    row = AuditEvent.objects.get(action=AuditAction.SIGN_IN, actor=alex)
    assert row.detail == {
        "first_factor": "organisation account",
        "second_factor": "security code",
    }


def test_without_mfa_and_without_an_authenticator_staff_set_one_up(
    sign_in: SignIn, alex: User, client: Client
) -> None:
    response = sign_in(client, "alex", mfa=False)

    assert response["Location"] == reverse("core:set_up_authenticator")
    assert signed_in_user_id(client) is None


# --- refused ------------------------------------------------------------------------------


def test_an_unverified_email_is_refused(sign_in: SignIn, alex: User, client: Client) -> None:
    response = sign_in(client, "alex-unverified", mfa=True)

    assert_refused(response, client, "has not verified the email address")


def test_an_unknown_email_is_refused_and_no_user_is_created(
    sign_in: SignIn, alex: User, client: Client
) -> None:
    users = User.objects.count()

    response = sign_in(client, "stranger", mfa=True)

    assert_refused(response, client, "no active staff user has this email address")
    assert User.objects.count() == users
    assert not User.objects.filter(email__iexact=STRANGER).exists()


def test_a_parent_cannot_sign_in_with_an_organisation_account(
    sign_in: SignIn, client: Client
) -> None:
    ParentUserFactory(email=PARENT)

    response = sign_in(client, "parent", mfa=True)

    assert_refused(response, client, "no active staff user has this email address")


def test_a_disabled_staff_user_is_refused(sign_in: SignIn, alex: User, client: Client) -> None:
    alex.is_active = False
    alex.save(update_fields=["is_active"])

    response = sign_in(client, "alex", mfa=True)

    assert_refused(response, client, "no active staff user has this email address")


def test_an_id_token_from_another_issuer_is_refused(
    sign_in: SignIn, alex: User, client: Client
) -> None:
    with override_settings(OIDC_OP_ISSUER="https://login.other.example/"):
        response = sign_in(client, "alex", mfa=True)

    assert_refused(response, client, "another issuer")


# --- the callback's state, nonce and PKCE verifier ------------------------------------------


def _callback_for(sso: LocalProvider, client: Client, account: str = "alex") -> str:
    return sso.browser_sign_in(start(client), account=account, mfa=True)


def test_a_callback_whose_state_this_browser_did_not_start_is_refused(
    sso: LocalProvider, alex: User, client: Client
) -> None:
    back = _callback_for(sso, client)
    forged = back.replace("state=", "state=forged")

    assert_refused(client.get(forged), client, "state not found")


def test_a_callback_in_another_browser_is_refused(
    sso: LocalProvider, alex: User, client: Client
) -> None:
    """Someone who makes a victim's browser open their own callback (login CSRF) gets nowhere."""
    back = _callback_for(sso, client)
    victim = Client()

    assert_refused(victim.get(back), victim, "no sign-in was under way")


def test_a_callback_cannot_be_replayed(sso: LocalProvider, alex: User, client: Client) -> None:
    back = _callback_for(sso, client)
    assert client.get(back).status_code == 302
    client.post(reverse("core:sign_out"))

    assert_refused(client.get(back), client, "no sign-in was under way")


def _tamper(client: Client, back: str, field: str) -> None:
    """Change what the session holds for this sign-in's state (as an attacker who swapped
    the ID token or intercepted the code would need to)."""
    state = parse_qs(urlsplit(back).query)["state"][0]
    session = client.session
    session["oidc_states"][state][field] = "x" * 64
    session.save()


def test_an_id_token_with_another_nonce_is_refused(
    sso: LocalProvider, alex: User, client: Client
) -> None:
    back = _callback_for(sso, client)
    _tamper(client, back, "nonce")

    assert_refused(client.get(back), client, "Nonce verification failed")


def test_a_code_without_its_pkce_verifier_is_refused(
    sso: LocalProvider, alex: User, client: Client
) -> None:
    back = _callback_for(sso, client)
    _tamper(client, back, "code_verifier")

    assert_refused(client.get(back), client, "the provider's answer could not be used: HTTPError")


def test_the_authorization_request_carries_state_nonce_and_pkce(
    sso: LocalProvider, client: Client
) -> None:
    query = parse_qs(urlsplit(start(client)).query)

    assert query["code_challenge_method"] == ["S256"]
    assert {"state", "nonce", "code_challenge"} <= set(query)
    assert query["redirect_uri"] == ["http://testserver/sign-in/organisation/callback/"]


def test_an_error_from_the_provider_is_refused(sso: LocalProvider, client: Client) -> None:
    start(client)
    response = client.get(reverse("core:sso_callback"), {"error": "access_denied"})

    assert_refused(response, client, "the provider answered access_denied")


# --- password and security code stay the default ------------------------------------------


def test_the_sign_in_page_offers_single_sign_on_only_when_it_is_configured(
    sso: LocalProvider, client: Client
) -> None:
    button = f'href="{reverse("core:sso_start")}"'
    page = client.get(reverse("core:sign_in"))
    assert button in page.content.decode()
    assert "Sign in with your organisation's account" in text_of(check_page(page))
    asked = client.get(reverse("core:sign_in"), {"next": "/cases/"}).content.decode()
    assert f'href="{reverse("core:sso_start")}?next=%2Fcases%2F"' in asked
    with override_settings(OIDC_ENABLED=False):
        page = client.get(reverse("core:sign_in")).content.decode()
        assert button not in page
        assert 'name="password"' in page
        assert client.get(reverse("core:sso_start")).status_code == 404
        assert client.get(reverse("core:sso_callback")).status_code == 404


def test_single_sign_on_is_off_by_default(client: Client) -> None:
    assert settings.OIDC_ENABLED is False
    assert "opensend.core.sso.StaffOIDCBackend" not in settings.AUTHENTICATION_BACKENDS
    assert client.get(reverse("core:sso_start")).status_code == 404
