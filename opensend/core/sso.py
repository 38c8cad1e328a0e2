"""Staff single sign-on with the organisation's OpenID Connect provider (docs/sso.md).

mozilla-django-oidc runs the authorization-code flow (state, nonce and PKCE kept in the
session; the ID token's signature checked against the provider's keys). On top of it:

- the ID token must come from the configured issuer, for this client (iss, aud, azp);
- the userinfo answer must be about the same person as the ID token (sub);
- the identity maps to an existing, active staff user by a VERIFIED email address only:
  an unverified or unknown email is refused, and no user is ever created;
- whether the provider asserted multi-factor authentication (amr contains "mfa", RFC 8176,
  or the acr is one of OIDC_MFA_ACR_VALUES) is left on the user for the callback, which
  otherwise asks for OpenSEND's own security code (NHS DSPT: staff sign in with MFA;
  security.md goal 3).
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from opensend.core.models import IdentityProviderDevice

# RFC 8176 section 2: "mfa", multiple-factor authentication.
_AMR_MFA = "mfa"


class SignInRefused(Exception):
    """The provider's answer does not let this person sign in; `reason` says why (for the
    audit row: it names no one). Not a SuspiciousOperation, which mozilla-django-oidc
    would turn into a silent None inside get_or_create_user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def mfa_asserted(id_token: Mapping[str, Any]) -> bool:
    """Whether the ID token says the user passed more than one factor at the provider."""
    amr = id_token.get("amr") or []
    methods = [amr] if isinstance(amr, str) else list(amr)
    acr = id_token.get("acr")
    return _AMR_MFA in methods or (bool(acr) and acr in settings.OIDC_MFA_ACR_VALUES)


def _check_issuer_and_audience(payload: Mapping[str, Any]) -> None:
    """OpenID Connect Core 1.0, 3.1.3.7 steps 2-5 (mozilla-django-oidc checks neither)."""
    client_id = settings.OIDC_RP_CLIENT_ID
    audience = payload.get("aud")
    audiences = [audience] if isinstance(audience, str) else list(audience or [])
    if "exp" not in payload:  # present, PyJWT has checked it has not passed
        raise SignInRefused("the ID token has no expiry")
    if payload.get("iss") != settings.OIDC_OP_ISSUER:
        raise SignInRefused("the ID token is from another issuer")
    if client_id not in audiences:
        raise SignInRefused("the ID token is not for this service")
    if len(audiences) > 1 and payload.get("azp") != client_id:
        raise SignInRefused("the ID token was issued to another party")


class StaffOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Signs in existing staff by their verified email; never creates a user."""

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        _check_issuer_and_audience(payload)
        return payload

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The ID token's claims with the userinfo endpoint's on top (Entra ID puts its
        email-verified claim in the ID token; most providers put it in userinfo)."""
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):  # OIDC Core 1.0, 5.3.2
            raise SignInRefused("the userinfo answer is about someone else")
        return {**payload, **userinfo}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not claims.get("email"):
            raise SignInRefused("the provider gave no email address")
        if claims.get(settings.OIDC_EMAIL_VERIFIED_CLAIM) is not True:
            raise SignInRefused("the provider has not verified the email address")
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        """At most one user: emails are unique whatever their case (people.User)."""
        users = self.UserModel.objects.filter(email__iexact=claims["email"], is_active=True)
        staff = [user for user in users if user.is_staff_user]  # families sign in with a password
        if not staff:
            raise SignInRefused("no active staff user has this email address")
        return staff

    def create_user(self, claims: dict[str, Any]) -> Any:
        raise SignInRefused("OpenSEND never creates users at sign-in")

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            user.mfa_asserted_by_provider = mfa_asserted(payload)
        return user


def provider_device(user: Any) -> IdentityProviderDevice:
    """The user's "second factor passed at the identity provider" device (created once)."""
    device, _ = IdentityProviderDevice.objects.get_or_create(
        user=user,
        issuer=settings.OIDC_OP_ISSUER,
        defaults={"name": "Organisation's account (multi-factor)"},
    )
    return device
