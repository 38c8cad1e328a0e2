"""A small, exactly known Local Offer for the public site's tests.

Places (see opensend/directory/public/geography.py): NM3 4AB is in Stanwick Vale.
Distances from NM3 4AB: swimming pool 0.1 miles, Elderby hall about 4 miles,
Millbrook pool about 6 miles; the wellbeing group is online only (no distance).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from opensend.directory import models as m
from opensend.directory.public import index, information

ASSURED = dt.date(2026, 9, 1)
HOME_POSTCODE = "NM3 4AB"
HOME = (54.640, -2.080)


@dataclass
class LocalOffer:
    swimming: m.Service  # Autism-friendly Swimming: ASD, 5-12, free, in person, Saturday
    swim_school: m.Service  # Swim School: 4-16, paid, Tuesday, Millbrook
    speech: m.Service  # Speech Drop-in: SLCN, 0-5, free, by phone, Wednesday, Elderby
    wellbeing: m.Service  # Online Wellbeing Group: SEMH, 11-18, online, Monday
    drama: m.Service  # Café Drama Club: 8-16, paid, Friday, Elderby; mentions swimming once
    closed: m.Service  # Closed Swimming Club: defunct, never listed
    sport: m.TaxonomyTerm  # "Sport and swimming", under "Activities and short breaks"
    activities: m.TaxonomyTerm


def build_local_offer() -> LocalOffer:
    # The data migration loads these, but a transactional test's clean-up empties them.
    information.load(m.InformationPage)
    m.PostcodeCentroid.objects.create(postcode="NM34AB", latitude=HOME[0], longitude=HOME[1])
    m.Place.objects.update_or_create(
        name="Millbrook", defaults={"latitude": 54.660, "longitude": -1.930}
    )
    taxonomy = m.Taxonomy.objects.create(name="Local Offer categories", description="Ours")
    activities = m.TaxonomyTerm.objects.create(
        taxonomy=taxonomy, name="Activities and short breaks", description="Things to do"
    )
    sport = m.TaxonomyTerm.objects.create(
        taxonomy=taxonomy, parent=activities, name="Sport and swimming", description="Sport"
    )
    therapy = m.TaxonomyTerm.objects.create(
        taxonomy=taxonomy, name="Health and therapy", description="Therapy"
    )
    provider = m.Organization.objects.create(name="Northmoor Leisure Trust", description="Pools")
    offer = LocalOffer(
        swimming=_service(
            provider,
            "Autism-friendly Swimming",
            "Quiet pool sessions with trained staff.",
            (5, 12),
            ["ASD"],
            None,
            "SA",
            "in person",
            (54.641, -2.078),
            sport,
        ),
        swim_school=_service(
            provider,
            "Swim School",
            "Learn to swim in small groups.",
            (4, 16),
            [],
            Decimal("6.00"),
            "TU",
            "in person",
            (54.660, -1.930),
            sport,
        ),
        speech=_service(
            provider,
            "Speech Drop-in",
            "Talk to a speech and language therapist about your child.",
            (0, 5),
            ["SLCN"],
            None,
            "WE",
            "phone",
            (54.610, -1.990),
            therapy,
        ),
        wellbeing=_service(
            provider,
            "Online Wellbeing Group",
            "A group for young people who feel anxious.",
            (11, 18),
            ["SEMH"],
            None,
            "MO",
            "online",
            None,
            therapy,
        ),
        drama=_service(
            provider,
            "Café Drama Club",
            "Drama games and shows; some members also go swimming together.",
            (8, 16),
            [],
            Decimal("3.00"),
            "FR",
            "in person",
            (54.611, -1.991),
            activities,
        ),
        closed=_service(
            provider,
            "Closed Swimming Club",
            "No longer runs.",
            (5, 12),
            ["ASD"],
            None,
            "SA",
            "in person",
            (54.640, -2.080),
            sport,
            status=m.ServiceStatus.DEFUNCT,
        ),
        sport=sport,
        activities=activities,
    )
    index.refresh()
    return offer


def _service(
    provider,
    name,
    description,
    ages,
    needs,
    amount,
    day,
    attending,
    place,
    term,
    status=m.ServiceStatus.ACTIVE,
) -> m.Service:
    service = m.Service.objects.create(
        organization=provider,
        name=name,
        description=description,
        minimum_age=ages[0],
        maximum_age=ages[1],
        assured_date=ASSURED,
        status=status,
    )
    m.LocalOfferDetails.objects.create(
        service=service, needs_supported=needs, referral_route=m.ReferralRoute.SELF
    )
    if place:
        location = m.Location.objects.create(
            name=f"{name} venue", latitude=place[0], longitude=place[1]
        )
        m.Address.objects.create(
            location=location,
            address_1="1 High Street",
            city="Northmoor",
            state_province="Northmoor",
            postal_code=HOME_POSTCODE,
        )
    else:
        location = m.Location.objects.create(name="Online", location_type="virtual")
    link = m.ServiceAtLocation.objects.create(service=service, location=location)
    m.Schedule.objects.create(
        service_at_location=link,
        freq="WEEKLY",
        byday=day,
        opens_at=dt.time(10),
        closes_at=dt.time(12),
        attending_type=attending,
    )
    if amount is not None:
        m.CostOption.objects.create(service=service, option="Per session", amount=amount)
    contact = m.Contact.objects.create(service=service, name="Bookings team")
    m.Phone.objects.create(contact=contact, number="01632 960000")
    m.Attribute.objects.create(link_entity="service", link_id=service.id, taxonomy_term=term)
    return service
