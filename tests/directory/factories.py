"""A small Local Offer directory for the API tests."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from opensend.directory import models as m


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = m.Organization

    name = factory.Sequence(lambda n: f"Provider {n:02d}")
    description = factory.LazyAttribute(lambda o: f"{o.name} runs services for families.")
    website = "https://provider.example.org/"


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = m.Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n:02d}")
    description = "Activities for disabled children and young people."
    status = m.ServiceStatus.ACTIVE


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = m.Location

    name = factory.Sequence(lambda n: f"Centre {n:02d}")
    latitude = 51.5
    longitude = -0.1


@dataclass
class Directory:
    services: list[m.Service]
    organizations: list[m.Organization]
    terms: list[m.TaxonomyTerm]
    taxonomy: m.Taxonomy


def build_directory(count: int = 25) -> Directory:
    """`count` services from five providers, each at a place ~1 km further east of SW1A 1AA,
    with a weekly schedule, a cost, an area, a contact with a phone, a language and a term."""
    m.PostcodeCentroid.objects.create(postcode="SW1A1AA", latitude=51.501, longitude=-0.1416)
    taxonomy = m.Taxonomy.objects.create(name="Local Offer categories", description="Ours")
    parent = m.TaxonomyTerm.objects.create(
        taxonomy=taxonomy, name="Short breaks", description="Time apart", code="SB"
    )
    terms = [parent] + [
        m.TaxonomyTerm.objects.create(
            taxonomy=taxonomy, parent=parent, name=f"Term {n}", description=f"Term {n}"
        )
        for n in range(3)
    ]
    organizations = OrganizationFactory.create_batch(5)
    services = []
    for n in range(count):
        service = ServiceFactory(
            organization=organizations[n % 5],
            minimum_age=0 if n % 2 else None,
            maximum_age=25 if n % 2 else None,
            assured_date=dt.date(2026, 9, 1),
            email="hello@provider.example.org" if n % 3 else "",
        )
        _furnish(service, n, terms[n % len(terms)])
        services.append(service)
    return Directory(services, organizations, terms, taxonomy)


def _furnish(service: m.Service, n: int, term: m.TaxonomyTerm) -> None:
    location = LocationFactory(longitude=-0.1416 + 0.0145 * n)  # ~1 km a step
    m.Address.objects.create(
        location=location,
        address_1=f"{n + 1} High Street",
        city="London",
        state_province="Greater London",
        postal_code="SW1A 1AA",
    )
    m.Accessibility.objects.create(location=location, description="Step-free entrance")
    link = m.ServiceAtLocation.objects.create(service=service, location=location)
    m.Schedule.objects.create(
        service=service,
        service_at_location=link,
        freq=m.Frequency.WEEKLY,
        interval=1,
        byday="SA",
        opens_at=dt.time(10),
        closes_at=dt.time(13),
        dtstart=dt.date(2026, 9, 5),
        valid_from=dt.date(2026, 9, 1),
        description="Saturday mornings in term time",
    )
    m.CostOption.objects.create(
        service=service, option="Per session", amount=Decimal("5.50") if n % 2 else None
    )
    m.ServiceArea.objects.create(service=service, name="Whole borough")
    m.Language.objects.create(service=service, name="English", code="en")
    m.Funding.objects.create(service=service, source="Short breaks grant")
    contact = m.Contact.objects.create(service=service, name="Bookings team")
    m.Phone.objects.create(contact=contact, number="020 7946 0000")
    m.Attribute.objects.create(link_entity="service", link_id=service.id, taxonomy_term=term)
    m.LocalOfferDetails.objects.create(
        service=service,
        needs_supported=["ASD", "SLCN"] if n % 2 else [],
        eligibility="Children with an EHC plan" if n % 2 else "",
        referral_route=m.ReferralRoute.SELF,
        short_break_tier=m.ShortBreakTier.TARGETED,
    )
