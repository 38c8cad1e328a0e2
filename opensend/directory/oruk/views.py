"""The Open Referral UK 3.0 read API (`/api/oruk/v3/`): public, JSON, no personal data."""

import json
import uuid
from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from opensend.directory import models as m
from opensend.directory import selectors
from opensend.directory.oruk import params, presenters
from opensend.directory.oruk.http import listing, not_found, oruk_endpoint

OPENAPI_FILE = Path(__file__).parent / "openapi" / "oruk-3.0.json"
PROFILE = "https://openreferraluk.org/specifications/3.0"


@oruk_endpoint
def api_details(request: HttpRequest) -> HttpResponse:
    openapi_url = request.build_absolute_uri(reverse("oruk:openapi"))
    return JsonResponse({"version": "HSDS-UK-3.0", "profile": PROFILE, "openapi_url": openapi_url})


@oruk_endpoint
def openapi(request: HttpRequest) -> HttpResponse:
    document = _openapi_document() | {"servers": [{"url": request.build_absolute_uri("./")}]}
    return JsonResponse(document)


@cache
def _openapi_document() -> dict:
    return json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))


@oruk_endpoint
def services(request: HttpRequest) -> HttpResponse:
    filters = params.service_filters(request.GET)
    if params.optional_bool(request.GET, "minimal"):
        return listing(request, selectors.service_list(filters), presenters.service_minimal)
    if params.optional_bool(request.GET, "full"):
        return listing(
            request, selectors.service_list_full(filters), _service_full, _load_attributes
        )
    return listing(request, selectors.service_list(filters), presenters.service)


@oruk_endpoint
def service(request: HttpRequest, service_id: str) -> HttpResponse:
    try:
        record = selectors.service_get(uuid.UUID(service_id))
    except (ValueError, m.Service.DoesNotExist):
        return not_found("service")
    return JsonResponse(_service_full(record))


def _load_attributes(records: list[m.Service]) -> None:
    """One query for the attributes of a whole batch of services."""
    found = selectors.attributes_of("service", [record.id for record in records])
    for record in records:
        record.oruk_attributes = found[record.id]


def _service_full(record: m.Service) -> dict:
    attributes = getattr(record, "oruk_attributes", None)
    if attributes is None:
        attributes = selectors.attributes_of("service", [record.id])[record.id]
    return presenters.service_full(record, attributes)


@oruk_endpoint
def taxonomies(request: HttpRequest) -> HttpResponse:
    found = selectors.taxonomy_list(request.GET.get("search", "").strip())
    return listing(request, found, presenters.taxonomy)


@oruk_endpoint
def taxonomy_terms(request: HttpRequest) -> HttpResponse:
    found = selectors.taxonomy_term_list(
        search=request.GET.get("search", "").strip(),
        taxonomy_id=params.optional_uuid(request.GET, "taxonomy_id"),
        parent_id=params.optional_uuid(request.GET, "parent_id"),
        top_only=params.optional_bool(request.GET, "top_only"),
    )
    return listing(request, found, presenters.taxonomy_term)


@oruk_endpoint
def organizations(request: HttpRequest) -> HttpResponse:
    found = selectors.organization_list(request.GET.get("search", "").strip())
    return listing(request, found, presenters.organization)


@oruk_endpoint
def service_at_locations(request: HttpRequest) -> HttpResponse:
    links = selectors.service_at_location_list(params.service_filters(request.GET))
    within = params.proximity_metres(request.GET)
    if postcode := request.GET.get("postcode", "").strip():
        origin = selectors.postcode_centroid(postcode)
        if origin is None:
            raise params.BadRequest("postcode", f"Unknown postcode: {postcode}")
        nearest = selectors.nearest(links, origin, within)
        return listing(request, nearest, presenters.service_at_location)
    return listing(request, links, presenters.service_at_location)
