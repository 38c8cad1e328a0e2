"""What the read-only JSON APIs (the indicators API, the ORUK API) share: errors as JSON,
and any method but GET and HEAD refused as a JSON 405 naming the ones allowed."""

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

View = Callable[..., HttpResponse]
SAFE_METHODS = ("GET", "HEAD")


def error(status: int, message: str, **extra: str) -> JsonResponse:
    """`{"status": ..., "message": ...}`, plus e.g. the `parameter` at fault."""
    return JsonResponse({"status": status, "message": message, **extra}, status=status)


def method_not_allowed(method: str) -> JsonResponse:
    """RFC 9110 15.5.6: a 405 says in `Allow` which methods the resource takes."""
    response = error(405, f"{method} is not allowed here: this API is read-only (GET, HEAD)")
    response["Allow"] = ", ".join(SAFE_METHODS)
    return response


def read_only(view: View) -> View:
    """GET and HEAD reach the view; any other method gets a JSON 405.

    Exempt from the CSRF check, which would otherwise refuse a POST with an HTML 403
    before the method is looked at: these views change nothing and read no cookie-bound
    secret, so a cross-site request can gain nothing."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            return method_not_allowed(str(request.method))
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
