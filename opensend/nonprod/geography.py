"""The demo area's towns and postcodes, and loading them into the Local Offer's lookup.

The demo area, Northmoor, is invented (opensend/nonprod/generator/names.py): its
postcodes use the area letters "NM", which no real postcode uses, so no real gazetteer
knows them. `demo_postcodes` gives every possible NM postcode a centroid near its
district's town, deterministically, so the lookup can be rebuilt anywhere. A real area
imports the ONS Postcode Directory instead (`manage.py import_postcodes`); none of this
ships to a council (docs/architecture.md, "Demo data").
"""

import hashlib
import math
from collections.abc import Iterable, Iterator

from opensend.directory import models as m
from opensend.nonprod.generator.names import NORTH_LOCALITIES, SOUTH_LOCALITIES

BATCH = 5000

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


def load_demo_towns() -> int:
    for name, (lat, lng) in TOWNS.items():
        m.Place.objects.update_or_create(name=name, defaults={"latitude": lat, "longitude": lng})
    return len(TOWNS)


def load_demo_postcodes() -> int:
    """Every NM postcode (68,000); existing rows are left as they are."""
    return _save(demo_postcodes())


def _save(rows: Iterable[tuple[str, float, float]]) -> int:
    count, batch = 0, []
    for code, lat, lng in rows:
        batch.append(m.PostcodeCentroid(postcode=code, latitude=lat, longitude=lng))
        if len(batch) == BATCH:
            count += _flush(batch)
    return count + _flush(batch)


def _flush(batch: list[m.PostcodeCentroid]) -> int:
    m.PostcodeCentroid.objects.bulk_create(batch, ignore_conflicts=True)
    count = len(batch)
    batch.clear()
    return count
