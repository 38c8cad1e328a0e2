"""A lead publishes an adopted plan, after confirming its co-production evidence, and
takes it down again (issue 12 item 6, ADR 0034). The rule is the service's."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.strategy import selectors as s
from opensend.strategy.models import CoProducer
from opensend.strategy.publication import services
from opensend.strategy.publication.forms import PublishForm

PUBLISH = "strategy.publish_strategy"


def _evidence_seen(request: HttpRequest) -> int:
    text = request.POST.get("evidence_seen", "")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 7 else -1


@permission_required(PUBLISH)
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, strategy_id: int) -> HttpResponse:
    """The co-production evidence, and the lead's confirmation that it is strong enough."""
    found = s.strategy_get(user=request.user, strategy_id=strategy_id)  # type: ignore[arg-type]
    form = PublishForm(request.POST if request.method == "POST" else None)
    refusal = services.publication_refusal(found)
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            services.strategy_publish(
                strategy=found,
                actor=request.user,  # type: ignore[arg-type]
                evidence_seen=_evidence_seen(request),
                now=timezone.now(),
            )
        except services.PublicationRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "The plan is published: anyone can read it now")
            return redirect("strategy:strategy", found.pk)
    words = dict(CoProducer.choices)
    evidence = [
        (item, [words.get(who, who) for who in item.who])
        for item in found.co_production.select_related("priority", "action")  # type: ignore[attr-defined]
    ]
    context = {"strategy": found, "form": form, "refusal": refusal, "evidence": evidence}
    return render_page(request, "strategy/publication/confirm.html", context)


@permission_required(PUBLISH)
@require_http_methods(["POST"])
def unpublish(request: HttpRequest, strategy_id: int) -> HttpResponse:
    """Take the public page down at once (no confirmation: taking down is always safe)."""
    found = s.strategy_get(user=request.user, strategy_id=strategy_id)  # type: ignore[arg-type]
    try:
        services.strategy_unpublish(strategy=found, actor=request.user, now=timezone.now())  # type: ignore[arg-type]
    except services.PublicationRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "The plan is no longer published: its public page is gone")
    return redirect("strategy:strategy", found.pk)
