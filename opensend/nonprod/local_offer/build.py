"""`generate_local_offer`: the demo area's Local Offer, built in memory and saved in bulk.

Deterministic: the same seed and `today` give the same rows with the same UUIDs (uuid5
from the seed and a counter), so iCalendar UIDs survive a reload of the demo.
"""

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from opensend.directory import models as m
from opensend.directory.calendar.models import ActivityCancellation, SessionCancellation
from opensend.directory.calendar.occurrences import occurrence_dates
from opensend.directory.calendar.selectors import rule_of
from opensend.directory.public.index import refresh as search_index_refresh
from opensend.nonprod.generator.names import EMAIL_DOMAIN
from opensend.nonprod.local_offer import catalogue as c
from opensend.nonprod.local_offer import places as p
from opensend.nonprod.local_offer.schedules import party, schedules_for
from opensend.statutory import codes

NAMESPACE = uuid.UUID("6b0f6f52-4f1e-4f7e-9a53-0c5e5d1e2026")
VENUE_MARK = "opensend-demo-venue"
TAXONOMY = "Local Offer categories"
SHOWCASE = "Fellbeck autism-friendly swimming"


class LocalOfferExistsError(RuntimeError):
    pass


@dataclass
class Rows:
    """Everything to save, by model, in the order it must be saved."""

    by_model: dict[type, list] = field(default_factory=dict)

    def add(self, *records: object) -> None:
        for record in records:
            self.by_model.setdefault(type(record), []).append(record)

    def count(self, model: type) -> int:
        return len(self.by_model.get(model, []))


class Builder:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.seed, self.today, self.counter = seed, today, 0
        self.rows = Rows()

    def make_id(self) -> uuid.UUID:
        self.counter += 1
        return uuid.uuid5(NAMESPACE, f"{self.seed}:{self.counter}")

    def taxonomy(self) -> dict[str, m.TaxonomyTerm]:
        taxonomy = m.Taxonomy(
            id=self.make_id(),
            name=TAXONOMY,
            version="1",
            description="The categories of the Northmoor Local Offer",
        )
        self.rows.add(taxonomy)
        terms = {
            code: m.TaxonomyTerm(
                id=self.make_id(), taxonomy=taxonomy, code=code, name=name, description=text
            )
            for code, name, text in c.CATEGORIES
        }
        self.rows.add(*terms.values())
        return terms

    def organisations(self) -> list[m.Organization]:
        found = [
            m.Organization(
                id=self.make_id(),
                name=name,
                description=text,
                website=f"https://{host}/",
                email=f"hello@{host}",
            )
            for name, text, host in c.ORGANISATIONS
        ]
        self.rows.add(*found)
        return found

    def venues(self) -> dict[str, m.Location]:
        localities = p.localities(self.rng)
        found = {}
        for venue in p.venues(self.rng, localities):
            location = m.Location(
                id=self.make_id(),
                name=venue.name,
                latitude=venue.latitude,
                longitude=venue.longitude,
                external_identifier=venue.key,
                external_identifier_type=VENUE_MARK,
            )
            self.rows.add(
                location,
                m.Address(
                    id=self.make_id(),
                    location=location,
                    address_1=venue.street,
                    city=venue.locality.name,
                    state_province="Northmoor",
                    postal_code=venue.postcode,
                ),
                m.Accessibility(
                    id=self.make_id(), location=location, description=venue.accessibility
                ),
                m.PostcodeCentroid(
                    postcode=m.normalise_postcode(venue.postcode),
                    latitude=venue.latitude,
                    longitude=venue.longitude,
                ),
            )
            found[venue.key] = location
        online = m.Location(
            id=self.make_id(),
            name="Online",
            location_type="virtual",
            external_identifier="online",
            external_identifier_type=VENUE_MARK,
        )
        self.rows.add(online)
        found["online"] = online
        return found

    def assured(self) -> dt.date:
        """Most listings checked in the last year; about one in seven overdue."""
        days = (
            self.rng.randrange(400, 700) if self.rng.random() < 0.15 else self.rng.randrange(5, 330)
        )
        return self.today - dt.timedelta(days=days)


def _listings(kind: c.Kind) -> list[tuple[int, str]]:
    """(wording index, place name or "") for each service of a kind."""
    if kind.distinct:
        return [
            (index, place)
            for index, name in enumerate(kind.names)
            for place in (p.LOCALITIES[: kind.localities] if "{place}" in name else ("",))
        ]
    return [(-1, place) for place in p.LOCALITIES[: kind.localities]]


def _service(
    b: Builder, kind: c.Kind, index: int, place: str, orgs: list[m.Organization]
) -> m.Service:
    pick = index if index >= 0 else b.rng.randrange(len(kind.names))
    showcase = kind is c.KINDS[0] and place == p.LOCALITIES[0]
    if showcase:
        pick = 1  # Fellbeck autism-friendly swimming
    name = kind.names[pick].format(place=place or "Northmoor")
    description = (
        kind.descriptions[min(pick, len(kind.descriptions) - 1)]
        if index >= 0 or showcase
        else b.rng.choice(kind.descriptions)
    )
    org = orgs[kind.organisations[min(pick, len(kind.organisations) - 1)]]
    text = " ".join((description, b.rng.choice(c.SEND_SUPPORT), b.rng.choice(c.BOOKING)))
    host = org.website.removeprefix("https://").rstrip("/")
    low, high = kind.ages
    service = m.Service(
        id=b.make_id(),
        organization=org,
        name=name,
        description=text,
        url=f"{org.website}services/{slugify(name)}",
        email=f"bookings@{host}",
        minimum_age=low,
        maximum_age=high,
        assured_date=b.assured(),
        assurer_email=f"localoffer@{EMAIL_DOMAIN}",
    )
    return service


def _details(b: Builder, service: m.Service, kind: c.Kind, terms: dict, orgs: list) -> None:
    needs = sorted(set(b.rng.sample(kind.needs, k=min(len(kind.needs), b.rng.randrange(2, 5)))))
    if service.name == SHOWCASE:
        needs = ["ASD", "SLCN"]
    amount = b.rng.choice(kind.costs)
    b.rows.add(
        m.LocalOfferDetails(
            service=service,
            needs_supported=needs,
            short_break_tier=kind.tier,
            referral_route=kind.referral,
            needs_description=", ".join(
                codes.NeedType(n).label.lower() for n in needs
            ).capitalize(),
            eligibility=f"Children and young people aged {kind.ages[0]} to {kind.ages[1]}",
        ),
        m.CostOption(
            id=b.make_id(),
            service=service,
            option="Per session" if amount else "Free",
            amount=Decimal(amount) if amount else None,
        ),
        m.ServiceArea(
            id=b.make_id(),
            service=service,
            name="Northmoor",
            description="The whole of the Northmoor council area",
        ),
        m.Language(id=b.make_id(), service=service, name="English", code="en"),
        m.Attribute(
            id=b.make_id(),
            link_entity="service",
            link_id=service.id,
            taxonomy_term=terms[kind.category],
        ),
    )
    contact = m.Contact(
        id=b.make_id(), service=service, name="Bookings and enquiries", email=service.email
    )
    phone = m.Phone(
        id=b.make_id(),
        contact=contact,
        number=f"0191 498 0{b.rng.randrange(1000):03d}",
        type="voice",
    )
    b.rows.add(contact, phone)
    if kind.category in ("SB", "HOL"):
        b.rows.add(
            m.Funding(
                id=b.make_id(), service=service, source="Northmoor Council short breaks grant"
            )
        )


def _place(
    b: Builder, service: m.Service, kind: c.Kind, place: str, venues: dict
) -> m.ServiceAtLocation | None:
    if kind.delivery == "phone":
        return None
    key = "online" if kind.delivery == "online" else f"{place or p.LOCALITIES[0]} {kind.venue}"
    if key not in venues:
        key = f"{place or p.LOCALITIES[0]} Community Centre"
    link = m.ServiceAtLocation(id=b.make_id(), service=service, location=venues[key])
    b.rows.add(link)
    return link


def build(seed: int, today: dt.date) -> Rows:
    b = Builder(seed, today)
    terms, orgs, venues = b.taxonomy(), b.organisations(), b.venues()
    for kind in c.KINDS:
        for index, place in _listings(kind):
            service = _service(b, kind, index, place, orgs)
            b.rows.add(service)
            _details(b, service, kind, terms, orgs)
            link = _place(b, service, kind, place, venues)
            schedules = schedules_for(service, link, kind, today, b.rng, b.make_id)
            if kind.category == "SB" and kind.schedule == "weekly":
                schedules.append(party(service, link, today, b.make_id))
            b.rows.add(*schedules)
            _cancellations(b, schedules, service.name == SHOWCASE)
    return b.rows


def _cancellations(b: Builder, schedules: list[m.Schedule], showcase: bool) -> None:
    """About one series in twelve loses a session in the next three weeks; one in forty
    is cancelled outright. The showcase swim loses its session three weeks ahead."""
    for schedule in schedules:
        if not schedule.dtstart or schedule.freq == "":
            continue
        days = occurrence_dates(
            rule_of(schedule), b.today + dt.timedelta(days=7), b.today + dt.timedelta(days=27)
        )
        roll = b.rng.random()
        if showcase and days:
            b.rows.add(
                SessionCancellation(
                    id=b.make_id(),
                    schedule=schedule,
                    date=days[-1],
                    reason="The pool is closed for maintenance.",
                )
            )
        elif roll < 0.025:
            b.rows.add(
                ActivityCancellation(
                    schedule=schedule, reason="Paused until a new leader is found."
                )
            )
        elif roll < 0.11 and days:
            b.rows.add(
                SessionCancellation(
                    id=b.make_id(),
                    schedule=schedule,
                    date=b.rng.choice(days),
                    reason=b.rng.choice(c.CANCELLATION_REASONS),
                )
            )


def delete_local_offer() -> None:
    names = [name for name, _, _ in c.ORGANISATIONS]
    services = m.Service.objects.filter(organization__name__in=names)
    m.Attribute.objects.filter(link_id__in=services.values("id")).delete()
    services.delete()
    m.Organization.objects.filter(name__in=names).delete()
    m.Location.objects.filter(external_identifier_type=VENUE_MARK).delete()
    m.Taxonomy.objects.filter(name=TAXONOMY).delete()


SAVE_ORDER = (
    m.Taxonomy,
    m.TaxonomyTerm,
    m.Organization,
    m.Location,
    m.Address,
    m.Accessibility,
    m.PostcodeCentroid,
    m.Service,
    m.LocalOfferDetails,
    m.CostOption,
    m.ServiceArea,
    m.Language,
    m.Attribute,
    m.Contact,
    m.Phone,
    m.Funding,
    m.ServiceAtLocation,
    m.Schedule,
    SessionCancellation,
    ActivityCancellation,
)


@transaction.atomic
def generate_local_offer(*, seed: int, today: dt.date, reset: bool) -> Rows:
    if not settings.NONPROD_ENABLED:
        raise RuntimeError("NONPROD_ENABLED is False: demo data is not allowed here.")
    if reset:
        delete_local_offer()
    elif m.Organization.objects.filter(name=c.ORGANISATIONS[0][0]).exists():
        raise LocalOfferExistsError("The demo Local Offer is already loaded: use --reset.")
    rows = build(seed, today)
    for model in SAVE_ORDER:
        # Postcode centroids may be shared with other demo data: keep what is there.
        conflicts = model is m.PostcodeCentroid
        model.objects.bulk_create(
            rows.by_model.get(model, []), batch_size=1000, ignore_conflicts=conflicts
        )
    # bulk_create sends no signals, so the public search index is rebuilt here.
    search_index_refresh()
    return rows
