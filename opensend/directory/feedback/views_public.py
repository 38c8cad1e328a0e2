"""The public pages: the feedback form, its confirmation and "You said, we did".

No sign-in. Spam protection without JavaScript or third parties: a honeypot field, and
at most RATE_LIMIT pieces of feedback per browser session per RATE_WINDOW, and at most
settings.FEEDBACK_RATE_LIMIT_PER_ADDRESS per client address (a fresh session lifts the
first, not the second: issue 13, finding 7). The address limit is higher because a
school, a library or a mobile network puts many people behind one address.
"""

import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.core.rate_limits import address_take
from opensend.core.render import render_page
from opensend.directory.feedback.forms import (
    ABOUT_PAGE,
    ABOUT_SERVICE,
    FeedbackForm,
    PublishedFilterForm,
)
from opensend.directory.feedback.presenters import published_groups
from opensend.directory.feedback.selectors import published_feedback, service_about
from opensend.directory.feedback.services import feedback_receive

LOCAL_OFFER = "/local-offer/"
RATE_LIMIT = 5
RATE_WINDOW_SECONDS = 60 * 60
ADDRESS_ACTION = "local_offer_feedback"
SENT_KEY = "local_offer_feedback_sent"  # when this session sent feedback (epoch seconds)
BACK_KEY = "local_offer_feedback_back"
RATE_MESSAGE = (
    "You have sent a lot of feedback in a short time. Wait an hour, then try again, or "
    "contact the Local Offer team."
)


def page_about(raw: str) -> str:
    """A Local Offer page's path from `?page=`, or "" for anything else (no other sites,
    no scheme-relative `//` addresses)."""
    path = raw.strip()
    if not path.startswith(LOCAL_OFFER) or "//" in path or "\\" in path or len(path) > 200:
        return ""
    return path


def _recent_sends(request: HttpRequest) -> list[float]:
    now = time.time()
    return [t for t in request.session.get(SENT_KEY, []) if now - t < RATE_WINDOW_SECONDS]


def _over_limit(request: HttpRequest, sends: list[float]) -> bool:
    """Over the session's limit, or over the address's (which counts this post if not)."""
    limit = settings.FEEDBACK_RATE_LIMIT_PER_ADDRESS
    return len(sends) >= RATE_LIMIT or not address_take(
        request, action=ADDRESS_ACTION, limit=limit, window_seconds=RATE_WINDOW_SECONDS
    )


def _save(request: HttpRequest, form: FeedbackForm, service: object, page: str) -> None:
    about = form.cleaned_data["about"]
    feedback_receive(
        token=form.cleaned_data["token"],
        about_service=service if about == ABOUT_SERVICE else None,  # type: ignore[arg-type]
        about_path=page if about in (ABOUT_SERVICE, ABOUT_PAGE) else "",
        text=form.cleaned_data["text"].strip(),
        theme=form.cleaned_data["theme"],
        reply_email=form.cleaned_data["reply_email"],
    )


@require_http_methods(["GET", "POST"])
def give_feedback(request: HttpRequest) -> HttpResponse:
    service = service_about(request.GET.get("service"))
    page = page_about(request.GET.get("page", ""))
    data = request.POST if request.method == "POST" else None
    form = FeedbackForm(data, service=service, page=page)
    if data is not None and form.is_valid():
        sends = _recent_sends(request)
        if _over_limit(request, sends):
            form.add_error(None, RATE_MESSAGE)
            context = {"form": form, "service": service, "page": page}
            return render_page(request, "directory/feedback/give.html", context, status=429)
        if not form.is_robot():  # a robot is thanked as well, and nothing is saved
            _save(request, form, service, page)
        request.session[SENT_KEY] = [*sends, time.time()]
        request.session[BACK_KEY] = page
        return redirect("feedback:sent")
    return render_page(
        request, "directory/feedback/give.html", {"form": form, "service": service, "page": page}
    )


@require_http_methods(["GET"])
def feedback_sent(request: HttpRequest) -> HttpResponse:
    back = page_about(request.session.get(BACK_KEY, "")) or LOCAL_OFFER
    return render_page(request, "directory/feedback/sent.html", {"back": back})


@require_http_methods(["GET"])
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    filters = PublishedFilterForm(request.GET or None)
    theme = filters.cleaned_data["theme"] if filters.is_valid() else ""
    if filters.errors:  # a made-up theme in the address: show everything, no error
        filters = PublishedFilterForm()
    groups = published_groups(published_feedback(theme=theme))
    context = {"filters": filters, "groups": groups, "theme": theme}
    return render_page(request, "directory/feedback/you_said_we_did.html", context)
