"""Searches that found nothing: counted per day by their normalised words and filters.

Nothing that could identify a family is kept: no IP address, session, user or time of
day, and a postcode is cut to its district (NM3 4AB -> NM3)."""

import datetime as dt

from django.db import connection
from django.db.models import Sum

from opensend.directory import models as m
from opensend.directory.public import geography
from opensend.directory.public.search import SearchQuery

_UPSERT = """
INSERT INTO directory_zeroresultsearch (day, terms, filters, count) VALUES (%s, %s, %s, 1)
ON CONFLICT (day, terms, filters) DO UPDATE SET count = directory_zeroresultsearch.count + 1
"""


def describe_filters(query: SearchQuery, place: str) -> str:
    parts = []
    if query.needs:
        parts.append("need " + "+".join(sorted(query.needs)))
    if query.age is not None:
        parts.append(f"age {query.age}")
    if query.category:
        term = m.TaxonomyTerm.objects.filter(id=query.category).first()
        parts.append(f"category {term.name if term else query.category}")
    if query.free:
        parts.append("free")
    if query.delivery:
        parts.append("delivery " + "+".join(sorted(query.delivery)))
    if query.days:
        parts.append("day " + "+".join(query.days))
    if place:
        district = geography.outward_code(place)
        parts.append(f"near {district or place[:40]}")
        if query.within_miles:
            parts.append(f"within {query.within_miles:g} miles")
    return "; ".join(parts)[:300]


def record(day: dt.date, query: SearchQuery, place: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [day, query.words[:100], describe_filters(query, place)])


def most_frequent(since: dt.date, limit: int = 200) -> list[dict[str, object]]:
    rows = (
        m.ZeroResultSearch.objects.filter(day__gte=since)
        .values("terms", "filters")
        .annotate(total=Sum("count"))
        .order_by("-total", "terms", "filters")
    )
    return list(rows[:limit])
