"""Where things are: postcodes and distances.

Postcode shapes, their display form and the distance between two points. The places
themselves are data: a real area imports the ONS Postcode Directory
(`manage.py import_postcodes`); the demo area's towns and NM postcodes come from
opensend/nonprod/geography.py, loaded only by the demo.
"""

import math
import re

METRES_PER_MILE = 1609.344
EARTH_RADIUS_METRES = 6_371_008.8

# A full UK postcode: outward code (area, district, optional letter) and inward code.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")
# Something that looks like an attempt at a postcode (has a digit and is short).
POSTCODE_LIKE = re.compile(r"^[A-Z0-9]{2,8}$")


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


def haversine_metres(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = math.radians(lat2 - lat1), math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))
