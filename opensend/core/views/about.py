"""Public pages every service needs: the accessibility statement and the privacy notice."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from opensend.core.render import render_page


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/accessibility.html", {})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render_page(request, "core/privacy.html", {})
