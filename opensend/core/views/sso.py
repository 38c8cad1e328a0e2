"""Sign in with your organisation's account: OpenID Connect (docs/sso.md, core/sso.py).

Two routes, both 404 unless single sign-on is configured (settings.OIDC_ENABLED): the
start, which sends the browser to the identity provider with a fresh state, nonce and
PKCE challenge (mozilla-django-oidc keeps them in the session), and the callback, which
checks the state, exchanges the code and checks the ID token. A staff member whose
provider asserted MFA is signed in; anyone else matched goes on to OpenSEND's own
security code. Every refusal is audited with its reason and shows one page.
"""

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.render import render_page
from opensend.core.sso import SignInRefused, provider_device
from opensend.core.views.auth import ask_second_factor

_FIRST_FACTOR = "organisation account"


def _require_sso() -> None:
    if not settings.OIDC_ENABLED:
        raise Http404("single sign-on is not configured")


class StartSignIn(OIDCAuthenticationRequestView):  # type: ignore[misc]
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_sso()
        response: HttpResponse = super().get(request)
        return response


class FinishSignIn(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_sso()
        try:
            response: HttpResponse = super().get(request)
        except SignInRefused as refusal:
            return self._refuse(refusal.reason)
        except SuspiciousOperation as error:
            # mozilla-django-oidc's own checks: an unknown state (a forged or replayed
            # callback), a nonce or signature that does not match. Their messages name no one.
            return self._refuse(str(error)[:120])
        except (requests.RequestException, jwt.PyJWTError) as error:
            # The provider refused the code (a wrong PKCE verifier...) or sent a token
            # that does not check out; its text may quote the answer, so only the kind.
            return self._refuse(f"the provider's answer could not be used: {type(error).__name__}")
        return response

    def login_failure(self) -> HttpResponse:
        error = self.request.GET.get("error", "")
        reason = f"the provider answered {error[:40]}" if error else "no sign-in was under way"
        return self._refuse(reason)

    def login_success(self) -> HttpResponse:
        user = self.user
        next_url = self.request.session.get("oidc_login_next") or ""
        passed = provider_device(user) if user.mfa_asserted_by_provider else None
        return ask_second_factor(
            self.request, user, next_url, first_factor=_FIRST_FACTOR, passed=passed
        )

    def _refuse(self, reason: str) -> HttpResponse:
        audit(
            actor=None,
            action=AuditAction.SIGN_IN_FAILED,
            why="sign in with an organisation account",
            detail={"reason": reason, "issuer": settings.OIDC_OP_ISSUER},
            request=self.request,
        )
        return render_page(self.request, "core/sso_refused.html", {}, status=403)


start_sign_in = StartSignIn.as_view()
finish_sign_in = FinishSignIn.as_view()
