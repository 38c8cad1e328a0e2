"""Forgotten password: an emailed, single-use link to choose a new one.

The answer is the same whether or not the address has an account, so the page cannot be
used to find out who uses the service (ASVS 2.5.x). The link carries Django's password
reset token, which stops working once the password changes or after
PASSWORD_RESET_TIMEOUT. Staff still need their authenticator code to sign in afterwards.
At most one email per address every 5 minutes, so the form cannot flood an inbox.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.views.decorators.http import require_http_methods, require_safe

from opensend.core.audit import audit
from opensend.core.auth_forms import ForgottenPasswordForm, NewPasswordForm
from opensend.core.models import AuditAction
from opensend.core.render import render_page

EMAIL_INTERVAL_SECONDS = 300


def _reset_link(request: HttpRequest, user: AbstractBaseUser) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return request.build_absolute_uri(reverse("core:reset_password", args=[uid, token]))


def _send_reset_email(request: HttpRequest, user: AbstractBaseUser) -> None:
    if not cache.add(f"password-reset:{user.pk}", True, EMAIL_INTERVAL_SECONDS):
        return  # one was sent in the last 5 minutes
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    body = (
        f"Someone asked to reset the password for your {settings.LOCAL_AUTHORITY_NAME} account.\n\n"
        f"To choose a new password, open this link within {hours} hours:\n"
        f"{_reset_link(request, user)}\n\n"
        "The link works once. If you did not ask for this, ignore this email: your password "
        "has not changed.\n"
    )
    send_mail("Reset your password", body, None, [user.email])
    audit(
        actor=user,
        action=AuditAction.CHANGE,
        obj=user,
        why="password reset email sent",
        request=request,
    )


@require_http_methods(["GET", "POST"])
def forgotten_password(request: HttpRequest) -> HttpResponse:
    form = ForgottenPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        user = get_user_model().objects.filter(email=email, is_active=True).first()
        if user is not None and user.has_usable_password():
            _send_reset_email(request, user)
        return redirect("core:password_reset_sent")
    return render_page(request, "core/forgotten_password.html", {"form": form})


@require_safe
def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/password_reset_sent.html", {})


def _user_for(uidb64: str, token: str) -> AbstractBaseUser | None:
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@require_http_methods(["GET", "POST"])
def reset_password(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = _user_for(uidb64, token)
    if user is None:
        return render_page(request, "core/reset_link_expired.html", {})
    form = NewPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        user.set_password(form.cleaned_data["password"])
        user.save(update_fields=["password"])  # the token and every other session end here
        audit(
            actor=user, action=AuditAction.CHANGE, obj=user, why="password reset", request=request
        )
        return redirect("core:password_changed")
    return render_page(request, "core/reset_password.html", {"form": form})


@require_safe
def password_changed(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/password_changed.html", {})
