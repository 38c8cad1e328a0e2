"""Reads for the activities calendar. No user argument: the directory is public."""

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q, QuerySet

from opensend.directory import models as m
from opensend.directory.calendar import occurrences
from opensend.directory.calendar.occurrences import Rule

LONDON = ZoneInfo("Europe/London")
# Services that no longer run are left out of the calendar; a temporarily closed one
# stays, so families see its sessions (and any cancellations) rather than nothing.
HIDDEN_STATUSES = (m.ServiceStatus.INACTIVE, m.ServiceStatus.DEFUNCT)


@dataclass(frozen=True)
class CalendarFilters:
    age: int | None = None
    need: str = ""
    category: uuid.UUID | None = None


@dataclass(frozen=True)
class Occurrence:
    """One dated session of a schedule."""

    schedule: m.Schedule
    service: m.Service
    location: m.Location | None
    date: dt.date
    starts: dt.datetime | None
    ends: dt.datetime | None
    cancelled: bool
    cancellation_reason: str


def rule_of(schedule: m.Schedule) -> Rule:
    return Rule(
        dtstart=schedule.dtstart,
        freq=schedule.freq,
        interval=schedule.interval,
        byday=schedule.byday,
        bymonthday=schedule.bymonthday,
        until=schedule.until,
        valid_from=schedule.valid_from,
        valid_to=schedule.valid_to,
    )


def service_of(schedule: m.Schedule) -> m.Service:
    if schedule.service_id:
        return schedule.service  # type: ignore[return-value]
    return schedule.service_at_location.service  # type: ignore[union-attr]


def location_of(schedule: m.Schedule) -> m.Location | None:
    """The schedule's own place, else the service's first place."""
    if schedule.service_at_location_id:
        return schedule.service_at_location.location  # type: ignore[union-attr]
    links = list(service_of(schedule).service_at_locations.all())
    return links[0].location if links else None


def _services(filters: CalendarFilters) -> QuerySet[m.Service]:
    services = m.Service.objects.exclude(status__in=HIDDEN_STATUSES)
    if filters.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age),
        )
    if filters.need:
        services = services.filter(local_offer__needs_supported__contains=[filters.need])
    if filters.category:
        terms = m.TaxonomyTerm.objects.filter(
            Q(id=filters.category) | Q(parent_id=filters.category)
        ).values("id")
        tagged = m.Attribute.objects.filter(link_entity="service", taxonomy_term__in=terms)
        services = services.filter(id__in=tagged.values("link_id"))
    return services


_LOCATION = ("location__addresses",)


def _with_everything(schedules: QuerySet[m.Schedule]) -> QuerySet[m.Schedule]:
    return schedules.select_related(
        "service__organization",
        "service__local_offer",
        "service_at_location__location",
        "service_at_location__service__organization",
        "service_at_location__service__local_offer",
        "activity_cancellation",
    ).prefetch_related(
        "session_cancellations",
        "service_at_location__location__addresses",
        Prefetch(
            "service__service_at_locations",
            queryset=m.ServiceAtLocation.objects.select_related("location").prefetch_related(
                *_LOCATION
            ),
        ),
        "service__cost_options",
        "service_at_location__service__cost_options",
    )


def activity_schedules(
    filters: CalendarFilters, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[m.Schedule]:
    """Dated schedules (events and sessions) of services matching the filters that may
    run between `start` and `end` (either may be left open)."""
    services = _services(filters)
    schedules = m.Schedule.objects.filter(dtstart__isnull=False).filter(
        Q(service__in=services) | Q(service_at_location__service__in=services)
    )
    if start:
        for field in ("until", "valid_to"):
            schedules = schedules.filter(
                Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": start})
            )
        schedules = schedules.exclude(freq="", dtstart__lt=start)
    if end:
        schedules = schedules.filter(dtstart__lte=end)
    return _with_everything(schedules).order_by("id")


def activity_schedules_for(activity_id: uuid.UUID) -> list[m.Schedule]:
    """The dated schedules behind an "Add to calendar" link: one schedule, or every
    dated schedule of a service. Empty when the id is neither."""
    schedules = m.Schedule.objects.filter(dtstart__isnull=False).exclude(
        Q(service__status__in=HIDDEN_STATUSES)
        | Q(service_at_location__service__status__in=HIDDEN_STATUSES)
    )
    by_schedule = _with_everything(schedules.filter(id=activity_id))
    if by_schedule:
        return list(by_schedule)
    by_service = schedules.filter(
        Q(service_id=activity_id) | Q(service_at_location__service_id=activity_id)
    )
    return list(_with_everything(by_service).order_by("dtstart", "id"))


def _moment(day: dt.date, time: dt.time | None) -> dt.datetime | None:
    return dt.datetime.combine(day, time, tzinfo=LONDON) if time else None


def occurrences_of(schedule: m.Schedule, start: dt.date, end: dt.date) -> list[Occurrence]:
    whole = getattr(schedule, "activity_cancellation", None)
    cancelled_days = {c.date: c.reason for c in schedule.session_cancellations.all()}
    try:
        days = occurrences.occurrence_dates(rule_of(schedule), start, end)
    except occurrences.RuleError:
        return []  # a rule no calendar could expand is left out, not guessed at
    service, location = service_of(schedule), location_of(schedule)
    return [
        Occurrence(
            schedule=schedule,
            service=service,
            location=location,
            date=day,
            starts=_moment(day, schedule.opens_at),
            ends=_moment(day, schedule.closes_at),
            cancelled=whole is not None or day in cancelled_days,
            cancellation_reason=whole.reason if whole else cancelled_days.get(day, ""),
        )
        for day in days
    ]


def calendar_occurrences(
    filters: CalendarFilters, start: dt.date, end: dt.date
) -> list[Occurrence]:
    """Every session from `start` to `end` (both included), in date and time order."""
    found = [
        occurrence
        for schedule in activity_schedules(filters, start, end)
        for occurrence in occurrences_of(schedule, start, end)
    ]
    return sorted(found, key=lambda o: (o.date, o.schedule.opens_at or dt.time(), o.service.name))


def upcoming_occurrences(service: m.Service, start: dt.date, days: int = 28) -> list[Occurrence]:
    """The service's sessions over the next `days` days, for its service page."""
    end = start + dt.timedelta(days=days - 1)
    schedules = activity_schedules_for(service.id)
    found = [o for schedule in schedules for o in occurrences_of(schedule, start, end)]
    return sorted(found, key=lambda o: (o.date, o.schedule.opens_at or dt.time()))
