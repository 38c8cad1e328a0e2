"""The service page's "Upcoming sessions" partial (included by the public service page)."""

import datetime as dt

import pytest
from django.template import engines

from opensend.directory.calendar.models import SessionCancellation
from tests.directory.calendar_world import build_activities
from tests.pages import elements_with_class, parse_html, text_of

pytestmark = pytest.mark.django_db
INCLUDE = '{% include "directory/partials/service_sessions.html" ignore missing %}'


def render(service) -> str:
    return engines["jinja2"].from_string(INCLUDE).render({"service": service})


def test_upcoming_sessions_with_add_to_calendar_links(today):
    activities = build_activities()
    swim = activities.swimming
    SessionCancellation.objects.create(schedule=swim, date=dt.date(2026, 12, 5), reason="Gala")
    document = (
        "<!DOCTYPE html><html lang='en'><head><title>Service</title></head><body>{}</body></html>"
    )
    page = parse_html(document.format(render(swim.service)))  # strict: the partial is valid HTML
    heading = page.find(".//h2")
    assert text_of(heading) == "Upcoming sessions"
    items = elements_with_class(page, "opensend-session")
    assert [text_of(item.find(".//strong")) for item in items] == [
        "Saturday 28 November 2026",
        "Saturday 5 December 2026",
        "Saturday 12 December 2026",
        "Saturday 19 December 2026",
    ]
    assert "Cancelled" in text_of(items[1]) and "Gala" in text_of(items[1])
    assert "Cancelled" not in text_of(items[0])
    hrefs = {a.get("href") for a in page.iter("a")}
    assert f"/local-offer/activities/{swim.service_id}.ics" in hrefs
    assert f"/local-offer/activities/{swim.id}.ics" in hrefs


def test_nothing_shows_for_a_service_without_dated_sessions(today):
    activities = build_activities()
    activities.youth_club.delete()  # what is left is opening hours
    assert render(activities.opening_hours.service).strip() == ""
