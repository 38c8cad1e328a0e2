"""iCalendar (RFC 5545) feeds of activities, written with the `icalendar` library.

One VEVENT per schedule: a one-off event, or a series with its RRULE. The UID comes
from the schedule's UUID, so it stays the same across requests, edits and reloads of
the directory, and a calendar app updates the event it already has instead of adding
a second one. A cancelled session is an EXDATE of its series; a cancelled one-off
event or a cancelled activity keeps its VEVENT with STATUS:CANCELLED (ADR 0013).
"""

import datetime as dt

import icalendar

from opensend.directory import models as m
from opensend.directory.calendar import occurrences
from opensend.directory.calendar.presenters import address_lines, service_page_path
from opensend.directory.calendar.selectors import LONDON, location_of, rule_of, service_of

PRODID = "-//OpenSEND//Local Offer activities//EN"
UID_DOMAIN = "local-offer.opensend"


def event_uid(schedule: m.Schedule) -> str:
    return f"{schedule.id}@{UID_DOMAIN}"


def _london() -> icalendar.Timezone:
    """Europe/London as two yearly rules (not a table of dates that runs out)."""
    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/London")
    for kind, name, month, start, offsets in (
        (icalendar.TimezoneDaylight, "BST", 3, dt.datetime(1970, 3, 29, 1), (0, 1)),
        (icalendar.TimezoneStandard, "GMT", 10, dt.datetime(1970, 10, 25, 2), (1, 0)),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        part.add("tzoffsetfrom", dt.timedelta(hours=offsets[0]))
        part.add("tzoffsetto", dt.timedelta(hours=offsets[1]))
        zone.add_component(part)
    return zone


def _when(schedule: m.Schedule, day: dt.date) -> dt.date | dt.datetime:
    """A session's start: a local date-time, or the date alone when no time is given."""
    if schedule.opens_at is None:
        return day
    return dt.datetime.combine(day, schedule.opens_at, tzinfo=LONDON)


def _end(schedule: m.Schedule, day: dt.date) -> dt.date | dt.datetime:
    if schedule.opens_at is None:
        return day + dt.timedelta(days=1)
    closes = schedule.closes_at or schedule.opens_at
    return dt.datetime.combine(day, closes, tzinfo=LONDON)


def _recurrence(schedule: m.Schedule, rule: occurrences.Rule) -> dict[str, object]:
    parts = occurrences.rrule_parts(rule)
    until = parts.get("UNTIL")
    if isinstance(until, dt.date) and schedule.opens_at is not None:
        # RFC 5545 3.3.10: with a zoned DTSTART, UNTIL is a UTC date-time.
        parts["UNTIL"] = _when(schedule, until).astimezone(dt.UTC)  # type: ignore[union-attr]
    return parts


def _description(schedule: m.Schedule, url: str, reasons: list[str]) -> str:
    lines = [schedule.description or service_of(schedule).description]
    lines += [f"Cancelled: {reason}" for reason in reasons if reason]
    lines.append(f"Details and how to book: {url}")
    return "\n\n".join(line for line in lines if line)


def schedule_event(schedule: m.Schedule, site: str) -> icalendar.Event | None:
    """The VEVENT for a schedule (None when it never runs)."""
    rule = rule_of(schedule)
    try:
        first = occurrences.first_date(rule)
        recurrence = _recurrence(schedule, rule) if rule.recurs else None
    except occurrences.RuleError:
        return None
    if first is None:
        return None
    service = service_of(schedule)
    url = site + service_page_path(service.id)
    whole = getattr(schedule, "activity_cancellation", None)
    sessions = list(schedule.session_cancellations.all())
    cancelled = whole is not None or (not rule.recurs and any(c.date == first for c in sessions))
    event = icalendar.Event()
    event.add("uid", event_uid(schedule))
    event.add("dtstamp", schedule.last_modified.astimezone(dt.UTC))
    event.add("last-modified", schedule.last_modified.astimezone(dt.UTC))
    event.add("summary", f"Cancelled: {service.name}" if cancelled else service.name)
    event.add("dtstart", _when(schedule, first))
    event.add("dtend", _end(schedule, first))
    if recurrence:
        event.add("rrule", recurrence)
        exdates = [_when(schedule, c.date) for c in sessions]
        if exdates:
            event.add("exdate", exdates)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    location = location_of(schedule)
    lines = address_lines(location)
    if lines:
        event.add("location", ", ".join(lines))
    if location and location.latitude is not None and location.longitude is not None:
        event.add("geo", (location.latitude, location.longitude))
    event.add("url", url)
    if service.email:
        event.add(
            "organizer", f"mailto:{service.email}", parameters={"CN": service.organization.name}
        )
    reasons = [whole.reason] if whole else [c.reason for c in sessions]
    event.add("description", _description(schedule, url, reasons))
    return event


def activities_calendar(schedules: list[m.Schedule], name: str, site: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add_component(_london())
    for schedule in schedules:
        event = schedule_event(schedule, site)
        if event is not None:
            calendar.add_component(event)
    return calendar.to_ical()
