"""The start page at "/": what OpenSEND is for, and where a signed-in user can go."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from opensend.core.navigation import nav_items, safe_reverse
from opensend.core.render import render_page


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    links = [item for item in nav_items(request) if item.get("method") != "post"]
    sign_in = safe_reverse("core:sign_in")
    if request.user.is_authenticated:
        links = [item for item in links if item["href"] != sign_in]
    return render_page(request, "core/home.html", {"links": links, "sign_in_url": sign_in})
