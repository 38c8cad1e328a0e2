"""Sign in: email and password, then (for staff) a TOTP code from an authenticator app.

Staff may instead sign in with their organisation's account (OpenID Connect, when it is
configured: views/sso.py); unless their identity provider asserted multi-factor
authentication, they then give their security code here as well.

Staff must pass the second factor (NHS DSPT; security.md goal 3). The first factor only
records a pending user in the session; the user is signed in after the code is checked.
A code cannot be used twice (django-otp records the last time step used). Unknown email
and wrong password give the same answer; django-axes locks an account after 10 failures
in 5 minutes (goal 4).
"""

import base64
import datetime as dt

import segno
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.core.audit import audit
from opensend.core.auth_forms import SecurityCodeForm, SignInForm
from opensend.core.models import AuditAction, IdentityProviderDevice
from opensend.core.navigation import landing_url
from opensend.core.render import render_page

_PENDING = "pending_user_id"
_NEXT = "sign_in_next"
_FIRST_FACTOR = "sign_in_first_factor"
_BAD_SIGN_IN = "Enter a correct email address and password"


def _safe_next(request: HttpRequest, target: str | None) -> str:
    """The page asked for, when it is on this site; else the user's own landing page
    (a caseworker's work queue: issue 9, item 7)."""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return landing_url(request.user)


def _pending_user(request: HttpRequest) -> AbstractBaseUser | None:
    user_id = request.session.get(_PENDING)
    return get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None


def complete_sign_in(
    request: HttpRequest, user: AbstractBaseUser, device: Device | None
) -> HttpResponse:
    """Sign `user` in (after the second factor `device`, for staff) and go on to the page
    asked for. Also the end of single sign-on (views/sso.py)."""
    target = request.session.pop(_NEXT, None)
    first_factor = request.session.pop(_FIRST_FACTOR, "password")
    request.session.pop(_PENDING, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # new session key
    # An absolute end, 12 hours from sign-in: later saves keep this expiry date, so an
    # active session still ends (security.md goal 5).
    request.session.set_expiry(timezone.now() + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE))
    if device is not None:
        otp_login(request, device)
    detail = {"first_factor": first_factor, "second_factor": _factor_name(device)}
    audit(actor=user, action=AuditAction.SIGN_IN, request=request, why="sign in", detail=detail)
    return redirect(_safe_next(request, target))


def _factor_name(device: Device | None) -> str:
    if device is None:
        return "none"
    return "identity provider" if isinstance(device, IdentityProviderDevice) else "security code"


def ask_second_factor(
    request: HttpRequest,
    user: AbstractBaseUser,
    next_url: str,
    *,
    first_factor: str = "password",
    passed: Device | None = None,
) -> HttpResponse:
    """The first factor passed: staff go on to their security code (or set up their
    authenticator app), unless they already `passed` a second factor at their identity
    provider (single sign-on, views/sso.py); families are signed in, unless they turned
    on a security code themselves."""
    request.session.cycle_key()
    request.session[_NEXT] = next_url
    request.session[_FIRST_FACTOR] = first_factor
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    # Families may turn a security code on ("Your account", issue 11 item 1); staff must.
    if passed is not None or not (user.is_staff_user or has_device):
        return complete_sign_in(request, user, passed)
    request.session[_PENDING] = user.pk
    return redirect("core:security_code" if has_device else "core:set_up_authenticator")


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            email=form.cleaned_data["email"].lower(),
            password=form.cleaned_data["password"],
        )
        if user is None:
            form.add_error(None, _BAD_SIGN_IN)
        else:
            return ask_second_factor(request, user, request.GET.get("next", ""))
    context = {"form": form, "sso": settings.OIDC_ENABLED, "next": request.GET.get("next", "")}
    return render_page(request, "core/sign_in.html", context)


def code_verified(form: SecurityCodeForm, device: TOTPDevice) -> bool:
    if not form.is_valid():
        return False
    verified = device.verify_is_allowed()[0] and device.verify_token(form.cleaned_data["code"])
    if not verified:
        form.add_error("code", "The security code is not correct, or has already been used")
    return bool(verified)


@require_http_methods(["GET", "POST"])
def security_code(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
    if user is None or device is None:
        return redirect("core:sign_in")
    form = SecurityCodeForm(request.POST or None)
    if request.method == "POST" and code_verified(form, device):
        return complete_sign_in(request, user, device)
    return render_page(request, "core/security_code.html", {"form": form})


def qr_data_uri(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4)


@require_http_methods(["GET", "POST"])
def set_up_authenticator(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("core:sign_in")
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = SecurityCodeForm(request.POST or None)
    if request.method == "POST" and code_verified(form, device):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return complete_sign_in(request, user, device)
    secret = base64.b32encode(device.bin_key).decode()
    return render_page(
        request,
        "core/set_up_authenticator.html",
        {"form": form, "qr": qr_data_uri(device), "secret": secret},
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit(actor=request.user, action=AuditAction.SIGN_OUT, request=request, why="sign out")
    logout(request)  # flushes the session on the server
    return redirect("core:signed_out")


def signed_out(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/signed_out.html", {})


def locked_out(
    request: HttpRequest, credentials: dict[str, str] | None = None, *args: object, **kwargs: object
) -> HttpResponse:
    """django-axes calls this once an account has had too many failed sign-ins."""
    return render_page(request, "core/locked_out.html", {}, status=429)
