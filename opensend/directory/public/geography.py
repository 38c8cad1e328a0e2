"""Where things are: postcodes, the demo area's towns, and distances.

The demo area, Northmoor, is invented (opensend/nonprod/generator/names.py): its
postcodes use the area letters "NM", which no real postcode uses, so no real gazetteer
knows them. `demo_postcodes` gives every possible NM postcode a centroid near its
district's town, deterministically, so the lookup can be rebuilt anywhere. A real area
imports the ONS Postcode Directory instead (`manage.py import_postcodes`).
"""

import hashlib
import math
import re
from collections.abc import Iterator

from opensend.nonprod.generator.names import NORTH_LOCALITIES, SOUTH_LOCALITIES

METRES_PER_MILE = 1609.344
EARTH_RADIUS_METRES = 6_371_008.8

# A full UK postcode: outward code (area, district, optional letter) and inward code.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")
# Something that looks like an attempt at a postcode (has a digit and is short).
POSTCODE_LIKE = re.compile(r"^[A-Z0-9]{2,8}$")

# The towns' centres (invented coordinates in an empty stretch of moorland map).
TOWNS: dict[str, tuple[float, float]] = {
    "Northmoor": (54.700, -2.000),
    "Millbrook": (54.660, -1.930),
    "Stanwick Vale": (54.640, -2.080),
    "Cawdon": (54.720, -2.110),
    "Elderby": (54.610, -1.990),
    "Thornleigh": (54.680, -1.860),
    "Wexley": (54.740, -1.950),
    "Harrowden Green": (54.590, -2.060),
    "Lowther Bridge": (54.650, -2.160),
    "Kilnsey Park": (54.760, -2.040),
    "Fellbeck": (54.840, -2.020),
    "Brackenholm": (54.880, -2.120),
    "Ravensby": (54.860, -1.900),
    "Ulleskirk": (54.920, -2.000),
    "Hawkshaw": (54.900, -2.230),
    "Cragside Moor": (54.960, -2.100),
    "Alderwick": (54.940, -1.880),
    "Thrunton Edge": (54.820, -2.200),
}
assert set(TOWNS) == set(SOUTH_LOCALITIES) | set(NORTH_LOCALITIES)

# District numbers as the demo generator gives them: south from 1, north from 10
# (NM10 is shared; it is placed at the southern town, Kilnsey Park).
DISTRICTS: dict[int, str] = {n + 10: town for n, town in enumerate(NORTH_LOCALITIES)}
DISTRICTS.update({n + 1: town for n, town in enumerate(SOUTH_LOCALITIES)})
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def normalise_postcode(text: str) -> str:
    return "".join(text.split()).upper()


def is_postcode(text: str) -> bool:
    return bool(POSTCODE.match(normalise_postcode(text)))


def looks_like_postcode(text: str) -> bool:
    """Short, with a digit: someone meant a postcode (as opposed to a town's name)."""
    compact = normalise_postcode(text)
    return bool(POSTCODE_LIKE.match(compact)) and any(ch.isdigit() for ch in compact)


def pretty_postcode(text: str) -> str:
    compact = normalise_postcode(text)
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def outward_code(text: str) -> str:
    """The district part ("NM3" of "NM3 4AB"): all the zero-result log keeps."""
    match = POSTCODE.match(normalise_postcode(text))
    return match.group(1) if match else ""


def _jitter(key: str, scale: float) -> tuple[float, float]:
    digest = hashlib.sha256(key.encode()).digest()
    return ((digest[0] / 255 - 0.5) * scale, (digest[1] / 255 - 0.5) * scale)


def demo_postcodes() -> Iterator[tuple[str, float, float]]:
    """Every possible NM postcode with a centroid: its sector (the digit) on a ring about
    1.5 km round the town, its unit letters within about 300 m of the sector."""
    for district, town in DISTRICTS.items():
        lat, lng = TOWNS[town]
        for sector in range(10):
            angle = 2 * math.pi * sector / 10
            s_lat = lat + 0.0135 * math.sin(angle)
            s_lng = lng + 0.0230 * math.cos(angle)
            for first in INWARD_LETTERS:
                for second in INWARD_LETTERS:
                    code = f"NM{district}{sector}{first}{second}"
                    d_lat, d_lng = _jitter(code, 0.006)
                    yield code, round(s_lat + d_lat, 6), round(s_lng + d_lng, 6)


def haversine_metres(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = math.radians(lat2 - lat1), math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))
