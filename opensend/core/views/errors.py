"""Error pages (wired in opensend/config/urls.py as handler400/403/404/500, and as
CSRF_FAILURE_VIEW). They never show a traceback. The 500 page gives a reference that
is logged with the exception, so support can find it; it does not touch the session or
the user, which may be what failed (for example the database restarting).
"""

import logging
import secrets

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.utils.html import escape

from opensend.core.bad_input import RefusedInput

logger = logging.getLogger(__name__)


def _error_page(
    request: HttpRequest, status: int, title: str, paragraphs: list[str], *, minimal: bool = False
) -> HttpResponse:
    context = {"title": title, "paragraphs": paragraphs, "minimal": minimal}
    return render(request, "core/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Also for a request refused before the user is known (an unknown Host header is
    refused before AuthenticationMiddleware runs): then the page is minimal."""
    paragraphs = ["Go back and try again. If you typed the web address, check it is correct."]
    if isinstance(exception, RefusedInput):
        paragraphs = [exception.message, *paragraphs]
    minimal = not hasattr(request, "user")
    return _error_page(
        request, 400, "Sorry, there is a problem with your request", paragraphs, minimal=minimal
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        403,
        "You cannot see this page",
        [
            "Your account does not give you access to this page.",
            "If you think you should have access, contact your OpenSEND administrator.",
        ],
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        404,
        "Page not found",
        [
            "If you typed the web address, check it is correct.",
            "If you pasted the web address, check you copied the entire address.",
            "If you followed a link in OpenSEND, the record may have moved or you may not "
            "have access to it.",
        ],
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error_page(
        request,
        403,
        "Sorry, we could not send your form",
        [
            "This can happen if the page was open for a long time, or if you signed out "
            "in another window.",
            "Go back, reload the page and try again. Anything you typed may need entering again.",
        ],
    )


def server_error(request: HttpRequest) -> HttpResponse:
    reference = secrets.token_hex(4).upper()
    logger.error(
        "Server error, reference %s, on %s %s",
        reference,
        request.method,
        request.path,
        exc_info=True,
    )
    paragraphs = [
        "Try again later.",
        f"If you contact us about this problem, give this reference: {reference}",
    ]
    title = "Sorry, there is a problem with the service"
    try:
        return _error_page(request, 500, title, paragraphs, minimal=True)
    except Exception:  # the page itself failed: send plain HTML rather than nothing
        logger.exception("Could not render the error page for reference %s", reference)
        body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
        return HttpResponseServerError(
            f'<!DOCTYPE html><html lang="en"><title>{title}</title><h1>{title}</h1>{body}</html>'
        )
