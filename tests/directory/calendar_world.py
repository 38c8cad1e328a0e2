"""A small directory of activities for the calendar tests."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from opensend.directory import models as m
from tests.directory.factories import LocationFactory, OrganizationFactory, ServiceFactory


@dataclass
class Activities:
    swimming: m.Schedule  # weekly, Saturdays 10am, ages 5 to 11, autism, free
    youth_club: m.Schedule  # weekly, Tuesdays 6pm, ages 11 to 18, SEMH, £2
    fun_day: m.Schedule  # one-off, Sunday 29 November 2026, all ages, any need
    opening_hours: m.Schedule  # no dtstart: opening hours, never on the calendar
    category: m.TaxonomyTerm  # "Sport and leisure": swimming only


def _service(
    name: str, low: int | None, high: int | None, needs: list[str], amount: Decimal | None
) -> tuple[m.Service, m.ServiceAtLocation]:
    service = ServiceFactory(
        name=name,
        minimum_age=low,
        maximum_age=high,
        organization=OrganizationFactory(name=f"{name} provider"),
    )
    m.LocalOfferDetails.objects.create(service=service, needs_supported=needs)
    m.CostOption.objects.create(service=service, option="Per session", amount=amount)
    location = LocationFactory(name=f"{name} venue", latitude=54.6, longitude=-1.6)
    m.Address.objects.create(
        location=location,
        address_1="1 Mill Lane",
        city="Fellbeck",
        state_province="Northmoor",
        postal_code="NM1 2AB",
    )
    return service, m.ServiceAtLocation.objects.create(service=service, location=location)


def build_activities() -> Activities:
    swim, swim_place = _service("Quiet splash swimming", 5, 11, ["ASD", "SLCN"], None)
    club, club_place = _service("Tuesday youth club", 11, 18, ["SEMH"], Decimal("2.00"))
    fun, fun_place = _service("Winter fun day", None, None, [], None)
    taxonomy = m.Taxonomy.objects.create(name="Local Offer categories", description="Ours")
    sport = m.TaxonomyTerm.objects.create(
        taxonomy=taxonomy, name="Sport and leisure", description="Sport"
    )
    m.Attribute.objects.create(link_entity="service", link_id=swim.id, taxonomy_term=sport)
    return Activities(
        swimming=m.Schedule.objects.create(
            service=swim,
            service_at_location=swim_place,
            dtstart=dt.date(2026, 9, 5),
            freq="WEEKLY",
            interval=1,
            byday="SA",
            opens_at=dt.time(10),
            closes_at=dt.time(11),
            description="Autism-friendly swim, quiet pool",
        ),
        youth_club=m.Schedule.objects.create(
            service=club,
            service_at_location=club_place,
            dtstart=dt.date(2026, 9, 1),
            freq="WEEKLY",
            byday="TU",
            opens_at=dt.time(18),
            closes_at=dt.time(20),
        ),
        fun_day=m.Schedule.objects.create(
            service=fun,
            service_at_location=fun_place,
            dtstart=dt.date(2026, 11, 29),
            opens_at=dt.time(11),
            closes_at=dt.time(15),
        ),
        opening_hours=m.Schedule.objects.create(
            service=club,
            freq="WEEKLY",
            byday="MO,TU,WE,TH,FR",
            opens_at=dt.time(9),
            closes_at=dt.time(17),
        ),
        category=sport,
    )
