"""A family member's own pages (issue 11, item 1): "Your account" (how to be told, and an
optional security code at sign-in) and, for a young person, "Who can see your EHC
record" (CFA 2014 s80 and s83(2); SEND Regs 2014 reg 17)."""

import base64

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.casework.family_selectors import own_record_of
from opensend.casework.forms.family_accounts import ParentAccessForm
from opensend.core.audit import audit
from opensend.core.auth_forms import SecurityCodeForm
from opensend.core.forms import posted
from opensend.core.models import AuditAction
from opensend.core.notifications import preference_of, preference_set
from opensend.core.notifications.forms import NotificationFrequencyForm
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.views.auth import code_verified, qr_data_uri
from opensend.people.parent_access import parent_access_decide, parents_of
from opensend.statutory.family_rights import may_decide_parent_access


@permission_required("casework.view_family_plans")
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = NotificationFrequencyForm(
        posted(request), initial={"frequency": preference_of(user.email)}
    )
    if request.method == "POST" and form.is_valid():
        preference_set(email=user.email, frequency=form.cleaned_data["frequency"])
        audit(actor=user, action=AuditAction.CHANGE, why="notification preference",
              detail={"frequency": form.cleaned_data["frequency"]}, request=request)
        messages.success(request, "How we tell you was saved")
        return redirect("family:account")
    has_code = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return render_page(request, "casework/family_account.html",
                       {"form": form, "has_code": has_code})


@permission_required("casework.view_family_plans")
@require_http_methods(["GET", "POST"])
def security_code(request: HttpRequest) -> HttpResponse:
    """Turn on a security code from an authenticator app (django-otp TOTP, as for staff)."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("family:account")
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = SecurityCodeForm(posted(request))
    if request.method == "POST" and code_verified(form, device):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit(actor=user, action=AuditAction.CHANGE, obj=user, request=request,
              why="security code turned on")
        messages.success(request, "You will be asked for a security code when you sign in")
        return redirect("family:account")
    return render_page(request, "casework/family_security_code.html",
                       {"form": form, "qr": qr_data_uri(device),
                        "secret": base64.b32encode(device.bin_key).decode()})


@permission_required("casework.view_family_plans")
@require_http_methods(["GET", "POST"])
def security_code_off(request: HttpRequest) -> HttpResponse:
    """Turn the optional security code off again, confirmed with a current code from the
    app (not the password: many families sign in with an emailed link and have none).
    Staff cannot: their second factor is required (security.md goal 3)."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("family:account")
    form = SecurityCodeForm(posted(request))
    if request.method == "POST" and code_verified(form, device):
        TOTPDevice.objects.filter(user=user).delete()
        audit(actor=user, action=AuditAction.CHANGE, obj=user, request=request,
              why="security code turned off")
        messages.success(request, "You will not be asked for a security code when you sign in")
        return redirect("family:account")
    return render_page(request, "casework/family_security_code_off.html", {"form": form})


@permission_required("casework.decide_parent_access")
@require_http_methods(["GET", "POST"])
def parent_access(request: HttpRequest) -> HttpResponse:
    """Who can see your EHC record: each parent, and the young person's decision."""
    day = today()
    child = own_record_of(request.user)
    if child is None or not may_decide_parent_access(
        own_record=True, date_of_birth=child.date_of_birth, today=day
    ):
        raise Http404
    error = ""
    if request.method == "POST":
        form = ParentAccessForm(request.POST)
        if form.is_valid() and parent_access_decide(
            young_person=request.user, member_id=form.cleaned_data["member"],
            keeps_access=form.cleaned_data["keeps_access"], today=day, request=request,
        ):
            messages.success(request, "Your decision was saved. It applies straight away.")
            return redirect("family:parent_access")
        error = "Choose a button next to one of the people listed"
    audit(actor=request.user, action=AuditAction.READ, child_id=child.pk, request=request,
          why="young person's access page")
    return render_page(request, "casework/family_parent_access.html",
                       {"child": child, "parents": parents_of(child, day), "error": error})
