from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page(request: HttpRequest, template: str, context: dict[str, Any],
                status: int = 200) -> HttpResponse:
    """Render a page template. One place, so every page gets the same context."""
    return render(request, template, context, status=status)
