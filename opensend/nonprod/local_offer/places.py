"""Where the demo Local Offer's services happen: invented venues in invented places.

Northmoor is fictional (opensend/nonprod/generator/names.py). Each locality gets a
centre inside one bounding box and a postcode district NM1 to NM18; venues sit within
about 2 km of their locality's centre. Coordinates inside a box on a map of England are
bound to fall somewhere real; the names, postcodes and addresses are not.
"""

import random
from dataclasses import dataclass

from opensend.nonprod.generator.names import NORTH_LOCALITIES, SOUTH_LOCALITIES

# The demo area's bounding box (latitude, longitude), about 30 km by 30 km.
SOUTH, NORTH = 54.55, 54.82
WEST, EAST = -1.95, -1.48
LOCALITIES = NORTH_LOCALITIES + SOUTH_LOCALITIES
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # Royal Mail: no C, I, K, M, O, V in the inward code
STREETS = (
    "Mill Lane",
    "Station Road",
    "Church Street",
    "Beck Side",
    "Moor Road",
    "Chapel Walk",
    "Quarry Bank",
    "Front Street",
    "Market Place",
    "Coronation Terrace",
    "Wellfield Road",
    "Garth Lane",
    "Tannery Yard",
    "Abbey Row",
    "Fell View",
    "Hollins Crescent",
)


@dataclass(frozen=True)
class Locality:
    name: str
    district: int  # NM<district>
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Venue:
    key: str
    name: str
    locality: Locality
    street: str
    postcode: str
    latitude: float
    longitude: float
    accessibility: str


# (kind, accessibility note). Every town has each of the first four; the rest are shared.
VENUE_KINDS = (
    ("Leisure Centre", "Step-free entrance, changing places toilet, pool hoist"),
    ("Community Centre", "Step-free entrance and an accessible toilet"),
    ("Library", "Level access, hearing loop at the desk, quiet room on request"),
    ("Family Hub", "Step-free, baby change, sensory room, parking for blue badge holders"),
    ("Sports Hall", "Ramp at the side entrance, accessible toilet, dimmable lights"),
    ("Youth Centre", "Lift to the first floor, accessible toilet, quiet space"),
)


def localities(rng: random.Random) -> list[Locality]:
    places = []
    for district, name in enumerate(LOCALITIES, start=1):
        places.append(
            Locality(
                name=name,
                district=district,
                latitude=round(rng.uniform(SOUTH + 0.02, NORTH - 0.02), 5),
                longitude=round(rng.uniform(WEST + 0.03, EAST - 0.03), 5),
            )
        )
    return places


def _postcode(rng: random.Random, district: int) -> str:
    letters = rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"NM{district} {rng.randrange(1, 10)}{letters}"


def venues(rng: random.Random, places: list[Locality]) -> list[Venue]:
    """Every locality's leisure centre, community centre, library and family hub, and a
    sports hall or youth centre in every other one."""
    found = []
    for index, place in enumerate(places):
        kinds = (*VENUE_KINDS[:4], VENUE_KINDS[4 + index % 2])
        for kind, access in kinds:
            found.append(
                Venue(
                    key=f"{place.name} {kind}",
                    name=f"{place.name} {kind}",
                    locality=place,
                    street=f"{rng.randrange(1, 120)} {rng.choice(STREETS)}",
                    postcode=_postcode(rng, place.district),
                    latitude=round(place.latitude + rng.uniform(-0.012, 0.012), 5),
                    longitude=round(place.longitude + rng.uniform(-0.02, 0.02), 5),
                    accessibility=access,
                )
            )
    return found
