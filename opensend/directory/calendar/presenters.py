"""What the calendar page and the service page show about sessions, and their
schema.org Event markup (JSON-LD)."""

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from opensend.directory import models as m
from opensend.directory.calendar.selectors import Occurrence

SCHEMA = "https://schema.org"


def service_page_path(service_id: object) -> str:
    """The public service page (the search task's /local-offer/services/<uuid>/)."""
    return f"/local-offer/services/{service_id}/"


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week `day` falls in."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class Day:
    date: dt.date
    occurrences: list[Occurrence]


def by_day(found: list[Occurrence]) -> list[Day]:
    return [Day(day, list(group)) for day, group in itertools.groupby(found, lambda o: o.date)]


def is_free(service: m.Service) -> bool:
    """Free unless one of its cost options has an amount above zero."""
    return not any(option.amount for option in service.cost_options.all())


def cost_text(service: m.Service) -> str:
    amounts = sorted(o.amount for o in service.cost_options.all() if o.amount)
    if not amounts:
        return "Free"
    return f"From £{amounts[0]:.2f}" if len(amounts) > 1 else f"£{amounts[0]:.2f}"


def age_text(service: m.Service) -> str:
    low, high = service.minimum_age, service.maximum_age
    if low is None and high is None:
        return "All ages"
    if high is None:
        return f"Aged {low} and over"
    if low is None:
        return f"Aged up to {high}"
    return f"Aged {low} to {high}"


def address_lines(location: m.Location | None) -> list[str]:
    if location is None:
        return []
    addresses = list(location.addresses.all())
    if not addresses:
        return [location.name] if location.name else []
    address = addresses[0]
    parts = [location.name, address.address_1, address.address_2, address.city]
    return [part for part in parts if part] + [address.postal_code]


def is_online(occurrence: Occurrence) -> bool:
    location = occurrence.location
    return location is not None and location.location_type == m.LocationType.VIRTUAL


def _place(occurrence: Occurrence) -> dict[str, Any]:
    location = occurrence.location
    if location is None or is_online(occurrence):
        return {"@type": "VirtualLocation", "url": occurrence.service.url or "about:blank"}
    place: dict[str, Any] = {"@type": "Place", "name": location.name or occurrence.service.name}
    addresses = list(location.addresses.all())
    if addresses:
        address = addresses[0]
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(p for p in (address.address_1, address.address_2) if p),
            "addressLocality": address.city,
            "postalCode": address.postal_code,
            "addressCountry": address.country,
        }
    if location.latitude is not None and location.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    return place


def _offers(service: m.Service) -> dict[str, Any]:
    amounts = [o.amount for o in service.cost_options.all() if o.amount]
    price = min(amounts) if amounts else Decimal("0")
    return {"@type": "Offer", "price": f"{price:.2f}", "priceCurrency": "GBP"}


def event_markup(occurrence: Occurrence, site: str) -> dict[str, Any]:
    """A schema.org Event for one session (`site`: the scheme and host, for URLs)."""
    service = occurrence.service
    start = occurrence.starts or occurrence.date
    end = occurrence.ends or start
    status = "EventCancelled" if occurrence.cancelled else "EventScheduled"
    mode = "OnlineEventAttendanceMode" if is_online(occurrence) else "OfflineEventAttendanceMode"
    event: dict[str, Any] = {
        "@type": "Event",
        "name": service.name,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": f"{SCHEMA}/{status}",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "location": _place(occurrence),
        "isAccessibleForFree": is_free(service),
        "offers": _offers(service),
        "organizer": {"@type": "Organization", "name": service.organization.name},
        "url": site + service_page_path(service.id),
    }
    if occurrence.schedule.description or service.description:
        event["description"] = occurrence.schedule.description or service.description
    if service.minimum_age is not None or service.maximum_age is not None:
        event["typicalAgeRange"] = f"{service.minimum_age or 0}-{service.maximum_age or ''}"
    if service.organization.website:
        event["organizer"]["url"] = service.organization.website
    return event


def events_markup(found: list[Occurrence], site: str) -> dict[str, Any]:
    """One JSON-LD document for a page: a graph of Events."""
    return {"@context": SCHEMA, "@graph": [event_markup(o, site) for o in found]}
