"""Session and caching rules for signed-in users (security.md goals 5 and 6)."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]
_LAST_SEEN = "last_seen"
_SEEN_RESOLUTION = 60  # seconds


class StaffSessionMiddleware:
    """Ends a staff session after STAFF_IDLE_SECONDS without a request."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and getattr(user, "is_staff_user", False):
            now = int(time.time())
            last_seen = request.session.get(_LAST_SEEN, now)
            if now - last_seen > settings.STAFF_IDLE_SECONDS:
                logout(request)
            elif now - last_seen >= _SEEN_RESOLUTION or _LAST_SEEN not in request.session:
                # Rewriting the session on every request would cost a database write per
                # page; a minute's resolution is plenty for a 30-minute idle limit.
                request.session[_LAST_SEEN] = now
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """Pages for a signed-in user hold personal data: never cache them."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response
