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
    page = _positive_int(query, "page", 1)
    per_page = _positive_int(query, "per_page", DEFAULT_PER_PAGE)
    if per_page > MAX_PER_PAGE:
        raise BadRequest("per_page", f"per_page must be at most {MAX_PER_PAGE}")
    return Paging(page, per_page)


def _positive_int(query: QueryDict, name: str, default: int) -> int:
    raw = query.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(name, f"{name} must be a whole number of 1 or more")
    return int(raw)


def optional_uuid(query: QueryDict, name: str) -> uuid.UUID | None:
    raw = query.get(name, "")
    if raw == "":
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadRequest(name, f"{name} must be a UUID") from None


def optional_bool(query: QueryDict, name: str) -> bool:
    raw = query.get(name, "").lower()
    if raw in ("", "false", "0"):
        return False
    if raw in ("true", "1"):
        return True
    raise BadRequest(name, f"{name} must be true or false")


def optional_datetime(query: QueryDict, name: str) -> dt.datetime | None:
    raw = query.get(name, "")
    if raw == "":
        return None
    try:
        moment = parse_datetime(raw)
        if moment is None and (day := parse_date(raw)):
            moment = dt.datetime.combine(day, dt.time())
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest(name, f"{name} must be an ISO 8601 date or date-time")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt.UTC)


def is_ndjson(query: QueryDict) -> bool:
    requested = query.get("format", "json")
    if requested not in ("json", "ndjson"):
        raise BadRequest("format", "format must be json or ndjson")
    return requested == "ndjson"


def service_filters(query: QueryDict) -> ServiceFilters:
    return ServiceFilters(
        search=query.get("search", "").strip(),
        taxonomy_term_id=optional_uuid(query, "taxonomy_term_id"),
        taxonomy_id=optional_uuid(query, "taxonomy_id"),
        organization_id=optional_uuid(query, "organization_id"),
        modified_after=optional_datetime(query, "modified_after"),
    )


def proximity_metres(query: QueryDict) -> float | None:
    raw = query.get("proximity", "")
    if raw == "":
        return None
    if not query.get("postcode"):
        raise BadRequest("proximity", "proximity needs a postcode to measure from")
    try:
        metres = float(raw)
    except ValueError:
        metres = -1
    if not 0 <= metres < 1_000_000:  # also refuses nan and inf
        raise BadRequest("proximity", "proximity must be a distance in metres")
    return metres
