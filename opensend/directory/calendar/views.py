"""The activities calendar page and its iCalendar feeds: public, no sign-in."""

import datetime as dt
import uuid
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from opensend.core.render import render_page
from opensend.core.today import today
from opensend.directory.calendar import feeds, presenters, selectors
from opensend.directory.calendar.forms import CalendarFilterForm

WEEK = dt.timedelta(days=7)
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
# Calendar apps poll feeds; public open data may be cached for a quarter of an hour by the
# app or a proxy (NoStoreWhenSignedInMiddleware still says no-store to signed-in users).
FEED_MAX_AGE = 15 * 60


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _week_link(query: dict[str, str], week: dt.date) -> str:
    return reverse("activities:calendar") + "?" + urlencode({**query, "week": week.isoformat()})


@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Seven days at a time, from today: the `week` parameter moves the window on."""
    form = CalendarFilterForm(request.GET)
    form.is_valid()
    first_day = today()
    start = max(form.first_day() or first_day, first_day)
    end = start + WEEK - dt.timedelta(days=1)
    found = selectors.calendar_occurrences(form.filters(), start, end)
    query = form.query()
    context = {
        "form": form,
        "start": start,
        "end": end,
        "days": presenters.by_day(found),
        "markup": presenters.events_markup(found, _site(request)),
        "previous_week": _week_link(query, start - WEEK) if start > first_day else None,
        "next_week": _week_link(query, start + WEEK),
        "feed_url": reverse("activities:feed") + ("?" + urlencode(query) if query else ""),
        "presenters": presenters,
    }
    return render_page(request, "directory/calendar/calendar.html", context)


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def feed(request: HttpRequest) -> HttpResponse:
    """Every activity matching the filters that has sessions from today on."""
    form = CalendarFilterForm(request.GET)
    form.is_valid()
    schedules = list(selectors.activity_schedules(form.filters(), start=today()))
    body = feeds.activities_calendar(schedules, "Local Offer activities", _site(request))
    return _calendar_response(body, "local-offer-activities.ics")


@require_safe
def activity_feed(request: HttpRequest, activity_id: uuid.UUID) -> HttpResponse:
    """One activity: a schedule, or every dated schedule of a service."""
    schedules = selectors.activity_schedules_for(activity_id)
    if not schedules:
        raise Http404("No such activity")
    name = selectors.service_of(schedules[0]).name
    body = feeds.activities_calendar(schedules, name, _site(request))
    return _calendar_response(body, f"activity-{activity_id}.ics")
