"""Query parameters of the ORUK API, read strictly: a bad value is a 400, never a guess."""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from opensend.directory.selectors import ServiceFilters

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000
# The row offset (page - 1) * per_page must fit PostgreSQL's OFFSET, a signed 64-bit
# integer: a page past this is refused as a 400, never sent to the database.
MAX_PAGE = (2**63 - 1) // MAX_PER_PAGE
MAX_TEXT = 200  # search terms and postcodes longer than this are not a real question


class BadRequest(Exception):
    """A query parameter the API cannot use; the message says which and why."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


def paging(query: QueryDict) -> Paging:
    page = _positive_int(query, "page", 1, MAX_PAGE)
    per_page = _positive_int(query, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    return Paging(page, per_page)


def _positive_int(query: QueryDict, name: str, default: int, most: int) -> int:
    if name not in query:
        return default
    raw = query.get(name, "")
    # An empty value is not a number either. ASCII digits only ("²".isdigit() is true),
    # and no more of them than `most` has, so int() never meets a 5,000-digit number.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(most)):
        raise BadRequest(name, f"{name} must be a whole number from 1 to {most}")
    value = int(raw)
    if not 1 <= value <= most:
        raise BadRequest(name, f"{name} must be a whole number from 1 to {most}")
    return value


def text(query: QueryDict, name: str) -> str:
    """A free-text parameter (`search`, `postcode`), stripped: refused if it holds a NUL,
    which PostgreSQL cannot store or compare, or is longer than MAX_TEXT."""
    raw = query.get(name, "")
    if "\x00" in raw:
        raise BadRequest(name, f"{name} must not contain a NUL character")
    if len(raw) > MAX_TEXT:
        raise BadRequest(name, f"{name} must be at most {MAX_TEXT} characters")
    return raw.strip()


def optional_uuid(query: QueryDict, name: str) -> uuid.UUID | None:
    if name not in query:
        return None
    raw = query.get(name, "")  # present but empty is no UUID (the OpenAPI file)
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadRequest(name, f"{name} must be a UUID") from None


def optional_bool(query: QueryDict, name: str) -> bool:
    if name not in query:
        return False
    raw = query.get(name, "").lower()  # present but empty is no boolean (the OpenAPI file)
    if raw in ("false", "0"):
        return False
    if raw in ("true", "1"):
        return True
    raise BadRequest(name, f"{name} must be true or false")


def optional_datetime(query: QueryDict, name: str) -> dt.datetime | None:
    if name not in query:
        return None
    raw = query.get(name, "")  # present but empty is no date-time either (the OpenAPI file)
    try:
        moment = parse_datetime(raw)
        if moment is None and (day := parse_date(raw)):
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest(name, f"{name} must be an ISO 8601 date or date-time")
    if timezone.is_naive(moment):
        return timezone.make_aware(moment, dt.UTC)
    try:
        # In UTC: PostgreSQL refuses offsets past 15:59 that Python accepts (+18:21).
        return moment.astimezone(dt.UTC)
    except OverflowError:
        raise BadRequest(name, f"{name} is out of range") from None


def is_ndjson(query: QueryDict) -> bool:
    requested = query.get("format", "json")
    if requested not in ("json", "ndjson"):
        raise BadRequest("format", "format must be json or ndjson")
    return requested == "ndjson"


def service_filters(query: QueryDict) -> ServiceFilters:
    return ServiceFilters(
        search=text(query, "search"),
        taxonomy_term_id=optional_uuid(query, "taxonomy_term_id"),
        taxonomy_id=optional_uuid(query, "taxonomy_id"),
        organization_id=optional_uuid(query, "organization_id"),
        modified_after=optional_datetime(query, "modified_after"),
    )


def proximity_metres(query: QueryDict) -> float | None:
    if "proximity" not in query:
        return None
    raw = query.get("proximity", "")  # present but empty is no number (the OpenAPI file)
    if not text(query, "postcode"):
        raise BadRequest("proximity", "proximity needs a postcode to measure from")
    try:
        metres = float(raw)
    except ValueError:
        metres = -1
    if not 0 <= metres < 1_000_000:  # also refuses nan and inf
        raise BadRequest("proximity", "proximity must be a distance in metres")
    return metres
