"""A large invented directory for benchmarks: `manage.py generate_directory`.

Names and descriptions are assembled from invented parts (no real organisation's
text); services are spread over the demo area's towns, at real demo postcodes' centroids,
with needs, ages, categories, schedules, costs and contacts. Everything is written with
bulk_create, then the search index is rebuilt in one statement.
"""

import datetime as dt
import random
from decimal import Decimal

from opensend.directory import models as m
from opensend.directory.public import geography, index
from opensend.directory.public.needs import ORDER as NEED_CODES
from opensend.nonprod import geography as demo_places

TAXONOMY = "Northmoor Local Offer categories"
CATEGORIES: dict[str, tuple[str, ...]] = {
    "Activities and short breaks": (
        "Sport and swimming",
        "Arts and music",
        "Youth clubs",
        "Holiday clubs",
        "Play and sensory sessions",
    ),
    "Health and therapy": (
        "Speech and language therapy",
        "Occupational therapy",
        "Physiotherapy",
        "Mental health and wellbeing",
    ),
    "Education and learning": (
        "Early years",
        "Tuition and learning support",
        "Specialist teaching",
    ),
    "Family support": ("Parent support groups", "Advice and information", "Respite care"),
    "Preparing for adulthood": ("Work and training", "Independent living", "Travel training"),
}
ACTIVITIES: dict[str, tuple[str, ...]] = {
    "Sport and swimming": (
        "Swimming",
        "Swim Club",
        "Football",
        "Trampolining",
        "Climbing",
        "Cycling",
        "Multi-sports",
        "Boccia",
    ),
    "Arts and music": ("Drama", "Music Makers", "Art Club", "Dance", "Drumming"),
    "Youth clubs": ("Youth Club", "Friday Club", "Gaming Club", "Teen Social"),
    "Holiday clubs": ("Holiday Club", "Summer Scheme", "Half-term Club"),
    "Play and sensory sessions": ("Sensory Play", "Stay and Play", "Messy Play"),
    "Speech and language therapy": ("Talking Together", "Speech Drop-in", "Signing Group"),
    "Occupational therapy": ("Sensory Needs Clinic", "Handwriting Group"),
    "Physiotherapy": ("Hydrotherapy", "Physio Clinic"),
    "Mental health and wellbeing": ("Wellbeing Group", "Calm Minds", "Anxiety Support"),
    "Early years": ("Little Steps Nursery", "Portage Home Visiting"),
    "Tuition and learning support": ("Reading Buddies", "Maths Support", "Homework Club"),
    "Specialist teaching": ("Sensory Support Team", "Autism Outreach Team"),
    "Parent support groups": ("Parent Carer Forum", "Dads' Group", "Coffee Morning"),
    "Advice and information": ("SENDIASS Advice Line", "Benefits Advice", "Family Hub"),
    "Respite care": ("Overnight Short Breaks", "Family Link Carers", "Sitting Service"),
    "Work and training": ("Supported Internships", "Job Coaching", "Work Tasters"),
    "Independent living": ("Life Skills", "Cooking for Independence", "Money Skills"),
    "Travel training": ("Travel Buddies", "Independent Travel Training"),
}
FLAVOURS = ("", "Autism-friendly ", "Inclusive ", "Relaxed ", "SEND ", "Family ", "Quiet ")
OPENERS = (
    "A friendly {activity} session for children and young people with SEND.",
    "Small groups, trained staff and a calm space: {activity} for everyone.",
    "{activity} run by people who understand additional needs.",
    "A welcoming {activity} group where children can try new things at their own pace.",
)
MIDDLES = (
    "Sessions are kept small and staff know sign language and visual timetables.",
    "There is a quiet room for anyone who needs a break.",
    "Parents and carers can stay, or drop off once their child is settled.",
    "Changing Places toilet and hoist available.",
    "We work with families to plan each child's first visit.",
    "Staff are trained in autism awareness and positive behaviour support.",
)
AGES = ((0, 5), (2, 8), (4, 11), (5, 12), (8, 16), (11, 18), (14, 25), (16, 25), (None, None))
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
VENUES = ("Leisure Centre", "Community Hall", "Family Hub", "Library")
DELIVERY = ("in person", "in person", "in person", "online", "phone")


def ensure_categories() -> list[m.TaxonomyTerm]:
    """The category tree (created once); the leaf terms, which services carry."""
    taxonomy, _ = m.Taxonomy.objects.get_or_create(
        name=TAXONOMY, defaults={"description": "What a Local Offer service is for."}
    )
    leaves = []
    for parent_name, children in CATEGORIES.items():
        parent, _ = m.TaxonomyTerm.objects.get_or_create(
            taxonomy=taxonomy, parent=None, name=parent_name, defaults={"description": parent_name}
        )
        for name in children:
            term, _ = m.TaxonomyTerm.objects.get_or_create(
                taxonomy=taxonomy, parent=parent, name=name, defaults={"description": name}
            )
            leaves.append(term)
    return leaves


class DirectoryGenerator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.rows: dict[type, list] = {}

    def add(self, obj: object) -> object:
        self.rows.setdefault(type(obj), []).append(obj)
        return obj

    def run(self, services: int) -> int:
        demo_places.load_demo_towns()
        demo_places.load_demo_postcodes()
        leaves = ensure_categories()
        postcodes = list(m.PostcodeCentroid.objects.filter(postcode__startswith="NM"))
        organizations = [self._organization(n) for n in range(max(1, services // 8))]
        for n in range(services):
            self._service(n, self.rng.choice(organizations), self.rng.choice(leaves), postcodes)
        order = (
            m.Organization,
            m.Service,
            m.LocalOfferDetails,
            m.Location,
            m.Address,
            m.Accessibility,
            m.ServiceAtLocation,
            m.Schedule,
            m.CostOption,
            m.Contact,
            m.Phone,
            m.Attribute,
        )
        for model in order:
            model.objects.bulk_create(self.rows.get(model, []), batch_size=2000)
        index.refresh()
        return services

    def _organization(self, n: int) -> m.Organization:
        town = self.rng.choice(list(demo_places.TOWNS))
        kind = self.rng.choice(("Trust", "Charity", "CIC", "Community Group", "Foundation"))
        name = f"{town} {self.rng.choice(('Families', 'Inclusion', 'Play', 'Youth'))} {kind} {n}"
        return self.add(m.Organization(name=name, description=f"{name} works with families."))

    def _service(self, n, organization, term, postcodes) -> None:
        rng = self.rng
        activity = rng.choice(ACTIVITIES[term.name])
        code = rng.choice(postcodes)
        town = demo_places.DISTRICTS.get(int(code.postcode[2:-3]), "Northmoor")
        name = f"{rng.choice(FLAVOURS)}{activity} at {town}"
        text = rng.choice(OPENERS).format(activity=activity.lower())
        description = f"{text[0].upper()}{text[1:]} " + " ".join(rng.sample(MIDDLES, 2))
        low, high = rng.choice(AGES)
        service = self.add(
            m.Service(
                organization=organization,
                name=name,
                description=description,
                minimum_age=low,
                maximum_age=high,
                assured_date=dt.date(2026, 11, 1) - dt.timedelta(days=rng.randrange(540)),
            )
        )
        needs = rng.sample(NEED_CODES, rng.choice((0, 1, 2, 3)))
        self.add(
            m.LocalOfferDetails(
                service=service,
                needs_supported=needs,
                needs_description="Open to all children with SEND." if not needs else "",
                eligibility=rng.choice(("", "Children with an EHC plan", "Living in Northmoor")),
                referral_route=rng.choice(m.ReferralRoute.values),
                short_break_tier=rng.choice(m.ShortBreakTier.values),
            )
        )
        self._where_and_when(n, service, code, town)
        if rng.random() < 0.5:
            self.add(
                m.CostOption(
                    service=service,
                    option="Per session",
                    amount=Decimal(rng.choice(("2.50", "4.00", "6.00", "12.00"))),
                )
            )
        contact = self.add(m.Contact(service=service, name="Bookings team"))
        self.add(m.Phone(contact=contact, number=f"01632 {960000 + n % 1000:06d}"))
        self.add(m.Attribute(link_entity="service", link_id=service.id, taxonomy_term=term))

    def _where_and_when(self, n, service, code, town) -> None:
        rng = self.rng
        attending = rng.choice(DELIVERY)
        if attending == "online":
            location = self.add(m.Location(name="Online", location_type=m.LocationType.VIRTUAL))
            link = self.add(m.ServiceAtLocation(service=service, location=location))
            self._schedule(service, link, attending)
            return
        location = self.add(
            m.Location(
                name=f"{town} {rng.choice(VENUES)}",
                latitude=code.latitude,
                longitude=code.longitude,
            )
        )
        self.add(
            m.Address(
                location=location,
                address_1=f"{1 + n % 90} {rng.choice(('High', 'Mill', 'Church'))} Street",
                city=town,
                state_province="Northmoor",
                postal_code=geography.pretty_postcode(code.postcode),
            )
        )
        self.add(m.Accessibility(location=location, description="Step-free access"))
        link = self.add(m.ServiceAtLocation(service=service, location=location))
        self._schedule(service, link, attending)

    def _schedule(self, service, link, attending: str) -> None:
        rng = self.rng
        self.add(
            m.Schedule(
                service=service,
                service_at_location=link,
                freq=m.Frequency.WEEKLY,
                interval=1,
                byday=",".join(sorted(rng.sample(DAYS, rng.choice((1, 1, 2))), key=DAYS.index)),
                opens_at=dt.time(rng.choice((9, 10, 16, 18))),
                closes_at=dt.time(rng.choice((12, 20))),
                attending_type=attending,
                description="Weekly in term time",
            )
        )
