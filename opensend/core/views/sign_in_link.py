"""Sign in by a single-use emailed link, for families (issue 11, item 1).

The link's token is django-sesame's: signed with SECRET_KEY, never stored, valid for
SESAME_MAX_AGE (15 minutes) and only once (SESAME_ONE_TIME: signing in changes
last_login, which the token is bound to), and void once the password changes. Opening
the link shows a button: signing in needs a POST, so a mail scanner that follows links
does not use it up. A family member who turned on a security code still gives it
(views/auth.ask_second_factor). Staff sign in with their password and security code.

The page answers the same whether or not the address has an account, and each client
address may ask for a few links per window (core.rate_limits).
"""

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe
from sesame.backends import ModelBackend as SesameTokens
from sesame.utils import get_token

from opensend.core.audit import audit
from opensend.core.auth_forms import ForgottenPasswordForm
from opensend.core.models import AuditAction
from opensend.core.notifications import Message, notification_create
from opensend.core.rate_limits import address_take
from opensend.core.render import render_page
from opensend.core.views.auth import ask_second_factor

LINK_ACTION = "sign-in-link"
LINK_LIMIT = 5
LINK_WINDOW_SECONDS = 15 * 60
FAMILY_KINDS = ("parent", "young_person")
LINK_EVENT = "Your link to sign in to OpenSEND (it works once, for 15 minutes)"


def _send_link(user: object) -> None:
    # One key per user and quarter hour: asking twice in a row sends one email.
    window = int(timezone.now().timestamp()) // LINK_WINDOW_SECONDS
    notification_create(
        key=f"sign-in-link:{user.pk}:{window}",  # type: ignore[attr-defined]
        recipients=[user.email],  # type: ignore[attr-defined]
        message=Message(
            subject="Your account",
            event=LINK_EVENT,
            link=reverse("core:sign_in_link_use", args=[get_token(user)]),
        ),
        single_use_link=True,
    )


def _family_user(email: str) -> object | None:
    return (
        get_user_model()
        .objects.filter(email__iexact=email, is_active=True, kind__in=FAMILY_KINDS)
        .first()
    )


@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest) -> HttpResponse:
    form = ForgottenPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if address_take(
            request, action=LINK_ACTION, limit=LINK_LIMIT, window_seconds=LINK_WINDOW_SECONDS
        ):
            user = _family_user(form.cleaned_data["email"])
            if user is not None:
                _send_link(user)
        return redirect("core:sign_in_link_sent")  # the same answer in every case
    return render_page(request, "core/sign_in_link.html", {"form": form})


@require_safe
def sign_in_link_sent(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/sign_in_link_sent.html", {})


def _token_user(request: HttpRequest, token: str) -> object | None:
    """The family account the token signs in, using the token up (it is bound to
    last_login). sesame's backend is asked directly, not through AUTHENTICATION_BACKENDS,
    so a token is accepted here and nowhere else."""
    user = SesameTokens().authenticate(request, sesame=token)
    if user is None or user.kind not in FAMILY_KINDS:
        return None
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    return user


@require_http_methods(["GET", "POST"])
def sign_in_link_use(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        return render_page(request, "core/sign_in_link_use.html", {})
    user = _token_user(request, token)
    if user is None:
        audit(actor=None, action=AuditAction.SIGN_IN_FAILED, request=request,
              why="sign-in link unknown, used or expired")
        return render_page(request, "core/sign_in_link_expired.html", {})
    return ask_second_factor(request, user, "", first_factor="email link")
