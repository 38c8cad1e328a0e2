"""Reads of the public directory. No user argument: it holds no personal data."""

import math
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet

from opensend.directory import models as m

EARTH_RADIUS_METRES = 6_371_008.8

_LOCATION_PARTS = ("location__addresses", "location__accessibility")
SERVICE_NESTED = (
    "schedules",
    "service_areas",
    Prefetch(
        "service_at_locations",
        queryset=m.ServiceAtLocation.objects.select_related("location").prefetch_related(
            "location__addresses", "location__accessibility"
        ),
    ),
    "languages",
    "funding",
    "cost_options",
    "contacts__phones__languages",
    "phones__languages",
)


@dataclass(frozen=True)
class ServiceFilters:
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime | None = None


def _tagged(entity: str, term_id: uuid.UUID | None, taxonomy_id: uuid.UUID | None) -> Q:
    """Records carrying the term (or any term of the taxonomy), through `attribute`."""
    condition = Q()
    if term_id:
        condition &= Q(taxonomy_term_id=term_id)
    if taxonomy_id:
        condition &= Q(taxonomy_term__taxonomy_id=taxonomy_id)
    links = m.Attribute.objects.filter(condition, link_entity=entity).values("link_id")
    return Q(id__in=links)


def service_list(filters: ServiceFilters) -> QuerySet[m.Service]:
    services = m.Service.objects.all()
    if filters.search:
        services = services.filter(
            Q(name__icontains=filters.search) | Q(description__icontains=filters.search)
        )
    if filters.taxonomy_term_id or filters.taxonomy_id:
        services = services.filter(
            _tagged("service", filters.taxonomy_term_id, filters.taxonomy_id)
        )
    if filters.organization_id:
        services = services.filter(organization_id=filters.organization_id)
    if filters.modified_after:
        services = services.filter(last_modified__gte=filters.modified_after)
    return services.order_by("name", "id")


def service_list_full(filters: ServiceFilters) -> QuerySet[m.Service]:
    return (
        service_list(filters)
        .select_related("organization", "local_offer")
        .prefetch_related(*SERVICE_NESTED)
    )


def service_get(service_id: uuid.UUID) -> m.Service:
    """The service with everything about it; raises Service.DoesNotExist."""
    return (
        m.Service.objects.select_related("organization", "local_offer")
        .prefetch_related(*SERVICE_NESTED)
        .get(id=service_id)
    )


def attributes_of(entity: str, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[m.Attribute]]:
    found: dict[uuid.UUID, list[m.Attribute]] = defaultdict(list)
    attributes = m.Attribute.objects.filter(link_entity=entity, link_id__in=list(ids))
    for attribute in attributes.select_related("taxonomy_term__taxonomy").order_by("id"):
        found[attribute.link_id].append(attribute)
    return found


def organization_list(search: str = "") -> QuerySet[m.Organization]:
    organizations = m.Organization.objects.prefetch_related("organization_identifiers")
    if search:
        organizations = organizations.filter(
            Q(name__icontains=search) | Q(description__icontains=search)
        )
    return organizations.order_by("name", "id")


def taxonomy_list(search: str = "") -> QuerySet[m.Taxonomy]:
    taxonomies = m.Taxonomy.objects.all()
    if search:
        taxonomies = taxonomies.filter(name__icontains=search)
    return taxonomies.order_by("name", "id")


def taxonomy_term_list(
    *,
    search: str = "",
    taxonomy_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
    top_only: bool = False,
) -> QuerySet[m.TaxonomyTerm]:
    terms = m.TaxonomyTerm.objects.select_related("taxonomy")
    if search:
        terms = terms.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if taxonomy_id:
        terms = terms.filter(taxonomy_id=taxonomy_id)
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    if top_only:
        terms = terms.filter(parent__isnull=True)
    return terms.order_by("name", "id")


def service_at_location_list(filters: ServiceFilters) -> QuerySet[m.ServiceAtLocation]:
    links = m.ServiceAtLocation.objects.filter(service__in=service_list(filters))
    return (
        links.select_related("location")
        .prefetch_related(*_LOCATION_PARTS)
        .order_by("service__name", "id")
    )


def postcode_centroid(postcode: str) -> m.PostcodeCentroid | None:
    return m.PostcodeCentroid.objects.filter(postcode=m.normalise_postcode(postcode)).first()


def nearest(
    links: QuerySet[m.ServiceAtLocation],
    origin: m.PostcodeCentroid,
    within_metres: float | None,
) -> list[m.ServiceAtLocation]:
    """The links whose location is within reach of the origin, nearest first."""
    placed = links.filter(location__latitude__isnull=False, location__longitude__isnull=False)
    measured = []
    for link in placed:
        distance = haversine_metres(
            origin.latitude, origin.longitude, link.location.latitude, link.location.longitude
        )
        if within_metres is None or distance <= within_metres:
            measured.append((distance, link))
    measured.sort(key=lambda pair: (pair[0], str(pair[1].id)))
    return [link for _, link in measured]


def haversine_metres(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = math.radians(lat2 - lat1), math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(a))
