"""iCalendar feeds: parse them back with icalendar and check what a calendar app sees."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from dateutil.rrule import rrulestr

from opensend.directory import models as m
from opensend.directory.calendar.models import ActivityCancellation, SessionCancellation
from opensend.directory.calendar.occurrences import occurrence_dates
from opensend.directory.calendar.selectors import rule_of
from tests.directory.calendar_world import Activities, build_activities

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
FEED = "/local-offer/activities.ics"


@pytest.fixture
def activities(today) -> Activities:
    return build_activities()


def fetch(client, path: str, **query) -> icalendar.Calendar:
    response = client.get(path, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    return icalendar.Calendar.from_ical(response.content)


def events(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def expand(event: icalendar.Event, until: dt.datetime) -> list[dt.date]:
    """What a calendar app shows: the RRULE from DTSTART, less the EXDATEs."""
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    exdates = event.get("exdate") or []
    excluded = {
        d.dt for exdate in (exdates if isinstance(exdates, list) else [exdates]) for d in exdate.dts
    }
    return [
        moment.date() for moment in rule.between(start, until, inc=True) if moment not in excluded
    ]


def test_one_activity_feed_has_its_series(client, activities):
    calendar = fetch(client, f"/local-offer/activities/{activities.swimming.id}.ics")
    assert calendar["version"] == "2.0" and calendar["prodid"]
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    (event,) = calendar.walk("VEVENT")
    assert event["uid"] == f"{activities.swimming.id}@local-offer.opensend"
    assert event.decoded("dtstart") == dt.datetime(2026, 9, 5, 10, tzinfo=LONDON)
    assert event.decoded("dtend") == dt.datetime(2026, 9, 5, 11, tzinfo=LONDON)
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=SA"
    assert event["status"] == "CONFIRMED"
    assert event["location"] == "Quiet splash swimming venue, 1 Mill Lane, Fellbeck, NM1 2AB"
    assert event["url"].endswith(f"/local-offer/services/{activities.swimming.service_id}/")
    assert isinstance(event.decoded("dtstamp"), dt.datetime)


def test_a_service_id_gives_all_its_dated_schedules(client, activities):
    calendar = fetch(client, f"/local-offer/activities/{activities.youth_club.service_id}.ics")
    (event,) = calendar.walk("VEVENT")  # the opening hours are not an event
    assert event["uid"] == f"{activities.youth_club.id}@local-offer.opensend"


def test_an_unknown_activity_is_not_found(client, activities):
    assert (
        client.get("/local-offer/activities/4f1c2a8e-0000-4000-8000-000000000000.ics").status_code
        == 404
    )
    assert (
        client.get(f"/local-offer/activities/{activities.opening_hours.id}.ics").status_code == 404
    )


def test_uids_stay_the_same_across_requests_and_after_edits(client, activities):
    first = {str(e["uid"]) for e in fetch(client, FEED).walk("VEVENT")}
    assert first == {
        f"{s.id}@local-offer.opensend"
        for s in (activities.swimming, activities.youth_club, activities.fun_day)
    }
    assert {str(e["uid"]) for e in fetch(client, FEED).walk("VEVENT")} == first
    activities.swimming.opens_at = dt.time(9, 30)
    activities.swimming.save()
    m.Schedule.objects.create(
        service=activities.swimming.service, dtstart=dt.date(2026, 12, 12), opens_at=dt.time(14)
    )  # a new row must not shift the others
    after = fetch(client, FEED).walk("VEVENT")
    assert first < {str(e["uid"]) for e in after} and len(after) == 4
    swim = [e for e in after if e["uid"] == f"{activities.swimming.id}@local-offer.opensend"]
    assert swim[0].decoded("dtstart") == dt.datetime(2026, 9, 5, 9, 30, tzinfo=LONDON)


def test_the_filtered_feed_matches_the_page_filters(client, activities):
    names = set(events(fetch(client, FEED, age="9", need="ASD")))
    assert names == {"Quiet splash swimming"}
    assert set(events(fetch(client, FEED, age="15"))) == {"Tuesday youth club", "Winter fun day"}


def test_a_cancelled_session_is_an_exdate_and_the_app_skips_it(client, activities):
    SessionCancellation.objects.create(
        schedule=activities.swimming, date=dt.date(2026, 12, 5), reason="Pool closed"
    )
    event = events(fetch(client, FEED))["Quiet splash swimming"]
    exdates = [d.dt for d in event["exdate"].dts]
    assert exdates == [dt.datetime(2026, 12, 5, 10, tzinfo=LONDON)]
    shown = expand(event, dt.datetime(2026, 12, 31, tzinfo=LONDON))
    assert dt.date(2026, 12, 5) not in shown
    assert dt.date(2026, 11, 28) in shown and dt.date(2026, 12, 12) in shown
    assert "Pool closed" in event["description"]
    assert event["status"] == "CONFIRMED"


def test_the_published_rule_gives_the_same_sessions_as_the_page(client, activities):
    activities.swimming.interval, activities.swimming.valid_from = 2, dt.date(2026, 10, 1)
    activities.swimming.valid_to = dt.date(2027, 3, 31)
    activities.swimming.save()
    event = events(fetch(client, FEED))["Quiet splash swimming"]
    assert event["rrule"]["UNTIL"][0] == dt.datetime(2027, 3, 31, 9, tzinfo=dt.UTC)  # 10am BST
    shown = expand(event, dt.datetime(2027, 12, 31, tzinfo=LONDON))
    assert shown == occurrence_dates(
        rule_of(activities.swimming), dt.date(2026, 1, 1), dt.date(2027, 12, 31)
    )


def test_a_cancelled_one_off_event_is_status_cancelled(client, activities):
    SessionCancellation.objects.create(schedule=activities.fun_day, date=dt.date(2026, 11, 29))
    event = events(fetch(client, FEED))["Cancelled: Winter fun day"]
    assert event["status"] == "CANCELLED"
    assert event["uid"] == f"{activities.fun_day.id}@local-offer.opensend"


def test_a_cancelled_activity_keeps_its_uid_with_status_cancelled(client, activities):
    ActivityCancellation.objects.create(schedule=activities.youth_club, reason="Leader away")
    event = events(fetch(client, FEED))["Cancelled: Tuesday youth club"]
    assert event["status"] == "CANCELLED"
    assert event["uid"] == f"{activities.youth_club.id}@local-offer.opensend"


def test_an_all_day_event_uses_dates(client, activities):
    activities.fun_day.opens_at = activities.fun_day.closes_at = None
    activities.fun_day.save()
    event = events(fetch(client, FEED))["Winter fun day"]
    assert event.decoded("dtstart") == dt.date(2026, 11, 29)
    assert event.decoded("dtend") == dt.date(2026, 11, 30)


def test_past_activities_are_left_out_of_the_feed(client, activities):
    activities.fun_day.dtstart = dt.date(2026, 11, 1)
    activities.fun_day.save()
    assert "Winter fun day" not in events(fetch(client, FEED))


def test_a_cancellation_changes_dtstamp_but_not_the_uid(client, activities):
    from opensend.directory.calendar import services

    before = events(fetch(client, FEED))["Quiet splash swimming"]
    with time_machine.travel(dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)):
        services.session_cancel(
            schedule=activities.swimming, date=dt.date(2026, 11, 28), reason="Gala"
        )
    after = events(fetch(client, FEED))["Quiet splash swimming"]
    assert after["uid"] == before["uid"]
    assert after.decoded("dtstamp") > before.decoded("dtstamp")
    assert after.decoded("last-modified") == after.decoded("dtstamp")


def test_feeds_may_be_cached_briefly_but_not_for_signed_in_users(client, activities, sam):
    response = client.get(FEED)
    assert response["Cache-Control"] == "public, max-age=900"
    client.force_login(sam)
    assert client.get(FEED)["Cache-Control"] == "no-store"
