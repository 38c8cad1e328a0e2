"""Your notifications: immediately or a daily digest (issue 11, item 4)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.notifications import preference_of, preference_set
from opensend.core.notifications.forms import NotificationFrequencyForm
from opensend.core.permissions import permission_required
from opensend.core.render import render_page

SAVED = "Your choice is saved: it applies to the next change."


@require_http_methods(["GET", "POST"])
@permission_required("core.choose_notifications")
def notifications(request: HttpRequest) -> HttpResponse:
    email = request.user.email
    initial = {"frequency": preference_of(email)}
    form = NotificationFrequencyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        preference_set(email=email, frequency=form.cleaned_data["frequency"])
        audit(actor=request.user, action=AuditAction.CHANGE, why="notification preference",
              detail={"frequency": form.cleaned_data["frequency"]}, request=request)
        messages.success(request, SAVED)
        return redirect("core:account_notifications")
    return render_page(request, "core/account_notifications.html", {"form": form, "email": email})
