"""When the demo services run, relative to the demo's `today` so the calendar is never
empty: weekly, fortnightly and monthly sessions, holiday schemes in the next school
holidays, one-off parties, and opening hours (no dtstart: not on the calendar)."""

import datetime as dt
import random

from opensend.directory import models as m
from opensend.nonprod.local_offer.catalogue import Kind

# (month, day, days long): the Monday on or after each date starts a holiday week.
HOLIDAYS = ((12, 21, 4), (2, 15, 5), (4, 6, 5), (5, 25, 5), (7, 27, 5), (10, 26, 5))
WEEKDAYS = "MO,TU,WE,TH,FR"


def _monday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=-day.weekday() % 7)


def holiday_weeks(today: dt.date, count: int = 3) -> list[tuple[dt.date, dt.date]]:
    """The next `count` school-holiday weeks (first and last day) from today."""
    weeks = []
    for year in (today.year, today.year + 1):
        for month, day, length in HOLIDAYS:
            monday = _monday_on_or_after(dt.date(year, month, day))
            if monday + dt.timedelta(days=length - 1) >= today:
                weeks.append((monday, monday + dt.timedelta(days=length - 1)))
    return sorted(weeks)[:count]


def _base(
    service: m.Service,
    place: m.ServiceAtLocation | None,
    kind: Kind,
    rng: random.Random,
    make_id: object,
) -> dict[str, object]:
    shift = rng.choice((0, 0, 30))
    return {
        "id": make_id(),  # type: ignore[operator]
        "service": service,
        "service_at_location": place,
        "opens_at": dt.time(kind.hours[0], shift),
        "closes_at": dt.time(kind.hours[1], shift),
        "attending_type": kind.delivery,
    }


def schedules_for(
    service: m.Service,
    place: m.ServiceAtLocation | None,
    kind: Kind,
    today: dt.date,
    rng: random.Random,
    make_id: object,
) -> list[m.Schedule]:
    base = _base(service, place, kind, rng, make_id)
    day = rng.choice(kind.days)
    term_start = today - dt.timedelta(days=rng.randrange(40, 90))
    if kind.schedule in ("weekly", "fortnightly"):
        interval = 2 if kind.schedule == "fortnightly" else 1
        every = "Every week" if interval == 1 else "Every other week"
        return [
            m.Schedule(
                **base,
                dtstart=term_start,
                freq="WEEKLY",
                interval=interval,
                byday=day,
                description=f"{every}, in term time and holidays",
            )
        ]
    if kind.schedule == "monthly":
        return [
            m.Schedule(
                **base,
                dtstart=term_start,
                freq="MONTHLY",
                interval=1,
                byday=day,
                description="Once a month",
            )
        ]
    if kind.schedule == "holiday":
        found = []
        for first, last in holiday_weeks(today):
            found.append(
                m.Schedule(
                    **{**base, "id": make_id()},
                    dtstart=first,  # type: ignore[operator]
                    freq="WEEKLY",
                    interval=1,
                    byday=WEEKDAYS,
                    until=last,
                    description=f"Holiday week from {first:%-d %B}",
                )
            )
        return found
    if kind.hours[0] < kind.hours[1]:  # opening hours: not dated, so not on the calendar
        return [
            m.Schedule(
                **base, freq="WEEKLY", byday=WEEKDAYS, description="Opening hours, Monday to Friday"
            )
        ]
    return []


def party(
    service: m.Service, place: m.ServiceAtLocation | None, today: dt.date, make_id: object
) -> m.Schedule:
    """A one-off dated event: the club's party, on the fourth Saturday from today."""
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7 + 21)
    return m.Schedule(
        id=make_id(),
        service=service,
        service_at_location=place,  # type: ignore[operator]
        dtstart=saturday,
        opens_at=dt.time(13),
        closes_at=dt.time(16),
        attending_type="in_person",
        description="Party for members and families (one-off)",
    )
