"""The activities calendar page: filters, cancellations, week navigation, JSON-LD."""

import datetime as dt
import json

import pytest

from opensend.directory.calendar.models import ActivityCancellation, SessionCancellation
from tests.directory.calendar_world import Activities, build_activities
from tests.pages import check_page, elements_with_class, text_of

pytestmark = pytest.mark.django_db
PAGE = "/local-offer/activities/"


@pytest.fixture
def activities(today) -> Activities:
    return build_activities()


def sessions(page) -> list[str]:
    return [text_of(item.find(".//h4")) for item in elements_with_class(page, "opensend-session")]


def markup(page) -> list[dict]:
    blocks = page.findall(".//script[@type='application/ld+json']")
    assert len(blocks) == 1
    return json.loads(blocks[0].text)["@graph"]


def test_the_first_seven_days_from_today_grouped_by_day(client, activities):
    """Today is Sunday 22 November 2026: Tuesday's club and Saturday's swim follow."""
    page = check_page(client.get(PAGE))
    days = [text_of(h) for h in page.findall(".//h3")]
    assert days == ["Tuesday 24 November 2026", "Saturday 28 November 2026"]
    assert sessions(page) == ["Tuesday youth club", "Quiet splash swimming"]
    assert "Sunday 22 November 2026 to Saturday 28 November 2026" in text_of(page)


def test_next_week_has_the_one_off_fun_day_and_keeps_the_filters(client, activities):
    page = check_page(client.get(PAGE, {"age": "9"}))
    next_link = page.find(".//a[@rel='next']")
    assert "age=9" in next_link.get("href") and "week=2026-11-29" in next_link.get("href")
    page = check_page(client.get(next_link.get("href")))
    assert sessions(page) == ["Winter fun day", "Quiet splash swimming"]
    previous = page.find(".//a[@rel='prev']")
    assert "week=2026-11-22" in previous.get("href")


def test_the_first_week_has_no_previous_link_and_past_weeks_are_not_shown(client, activities):
    page = check_page(client.get(PAGE, {"week": "2026-10-01"}))
    assert page.find(".//a[@rel='prev']") is None
    assert sessions(page) == ["Tuesday youth club", "Quiet splash swimming"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"age": "9"}, ["Quiet splash swimming"]),
        ({"age": "15"}, ["Tuesday youth club"]),
        ({"age": "9", "need": "ASD"}, ["Quiet splash swimming"]),
        ({"need": "SEMH"}, ["Tuesday youth club"]),
        ({"need": "HI"}, []),
        ({"age": "25"}, []),
    ],
)
def test_filters_by_age_and_need(client, activities, query, expected):
    page = check_page(client.get(PAGE, query))
    assert sessions(page) == expected
    if not expected:
        assert "No activities match your filters" in text_of(page)


def test_filters_by_category(client, activities):
    page = check_page(client.get(PAGE, {"category": str(activities.category.id)}))
    assert sessions(page) == ["Quiet splash swimming"]


@pytest.mark.parametrize("age", ["nine", "-1", "26"])
def test_a_wrong_age_is_explained_and_ignored(client, activities, age):
    page = check_page(client.get(PAGE, {"age": age}))
    assert elements_with_class(page, "govuk-error-summary")
    assert "Enter an age" in text_of(page)
    assert sessions(page) == ["Tuesday youth club", "Quiet splash swimming"]


def test_cancelled_sessions_are_shown_as_cancelled_with_the_reason(client, activities):
    SessionCancellation.objects.create(
        schedule=activities.swimming,
        date=dt.date(2026, 11, 28),
        reason="The pool is closed for maintenance.",
    )
    page = check_page(client.get(PAGE))
    swim = elements_with_class(page, "opensend-session")[1]
    assert "Cancelled" in text_of(swim.find(".//h4"))
    assert "The pool is closed for maintenance." in text_of(swim)
    club = elements_with_class(page, "opensend-session")[0]
    assert "Cancelled" not in text_of(club)
    statuses = {e["name"]: e["eventStatus"] for e in markup(page)}
    assert statuses == {
        "Tuesday youth club": "https://schema.org/EventScheduled",
        "Quiet splash swimming": "https://schema.org/EventCancelled",
    }


def test_a_cancelled_activity_shows_every_session_cancelled(client, activities):
    ActivityCancellation.objects.create(schedule=activities.youth_club, reason="Leader away")
    page = check_page(client.get(PAGE, {"week": "2026-11-29"}))
    club = [s for s in elements_with_class(page, "opensend-session") if "youth club" in text_of(s)]
    assert club and all("Cancelled" in text_of(s) and "Leader away" in text_of(s) for s in club)


def test_each_session_has_schema_org_event_markup(client, activities):
    page = check_page(client.get(PAGE))
    events = markup(page)
    assert [e["name"] for e in events] == ["Tuesday youth club", "Quiet splash swimming"]
    swim = events[1]
    assert swim["@type"] == "Event"
    assert swim["startDate"] == "2026-11-28T10:00:00+00:00"
    assert swim["endDate"] == "2026-11-28T11:00:00+00:00"
    assert swim["eventStatus"] == "https://schema.org/EventScheduled"
    assert swim["location"]["@type"] == "Place"
    assert swim["location"]["address"]["postalCode"] == "NM1 2AB"
    assert swim["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 54.6,
        "longitude": -1.6,
    }
    assert swim["isAccessibleForFree"] is True
    assert swim["offers"] == {"@type": "Offer", "price": "0.00", "priceCurrency": "GBP"}
    assert swim["organizer"]["name"] == "Quiet splash swimming provider"
    assert swim["url"].endswith(f"/local-offer/services/{activities.swimming.service_id}/")
    assert swim["typicalAgeRange"] == "5-11"
    assert events[0]["isAccessibleForFree"] is False
    assert events[0]["offers"]["price"] == "2.00"


def test_markup_cannot_break_out_of_its_script_block(client, activities):
    service = activities.swimming.service
    service.name = "</script><script>alert(1)</script>"
    service.save()
    page = check_page(client.get(PAGE))
    assert markup(page)[1]["name"] == "</script><script>alert(1)</script>"


def test_sessions_link_to_their_service_page_and_calendar_file(client, activities):
    page = check_page(client.get(PAGE))
    swim = elements_with_class(page, "opensend-session")[1]
    links = [a.get("href") for a in swim.iter("a")]
    assert f"/local-offer/services/{activities.swimming.service_id}/" in links
    assert f"/local-offer/activities/{activities.swimming.id}.ics" in links


def test_the_subscribe_link_carries_the_filters(client, activities):
    page = check_page(client.get(PAGE, {"age": "9", "need": "ASD"}))
    hrefs = [a.get("href") for a in page.iter("a")]
    assert "/local-offer/activities.ics?age=9&need=ASD" in hrefs


def test_opening_hours_and_closed_services_stay_off_the_calendar(client, activities):
    activities.fun_day.service.status = "defunct"
    activities.fun_day.service.save()
    page = check_page(client.get(PAGE, {"week": "2026-11-29"}))
    assert "Winter fun day" not in sessions(page)
    assert all(e["name"] != "Winter fun day" for e in markup(page))


def test_a_long_week_has_links_to_each_day(client, activities):
    page = check_page(client.get(PAGE))
    days = page.find(".//nav[@aria-label='Days']")
    assert [a.get("href") for a in days.iter("a")] == ["#day-2026-11-24", "#day-2026-11-28"]
    assert page.find(".//h3[@id='day-2026-11-28']") is not None
