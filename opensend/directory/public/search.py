"""The Local Offer search: one query on the search index (ServiceSearchEntry).

Words: PostgreSQL full text ('english' stemming, accents removed), each word first
corrected to the nearest word of the directory when it is not one (pg_trgm); any word
may match, and matching all of them ranks first. When the text matches nothing, services
whose name is close to the words (word_similarity) are shown. Filters combine with AND.
With a place, results are sorted by distance (worked out in SQL, see _NEAR).
docs/local-offer-search.md explains the choices; bench/bench_search.py measures them.
"""

import math
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db import connection

PAGE_SIZE = 20
# A word missing from the directory is replaced by its nearest word if at least this
# similar (pg_trgm similarity, 0 to 1): "swiming" -> "swimming", "autsim" -> "autism".
CORRECTION_SIMILARITY = 0.25
_CORRECT = """
SELECT q.t, EXISTS (SELECT 1 FROM directory_searchword w WHERE w.word = q.t),
    n.word, similarity(n.word, q.t)
FROM unnest(%s::text[]) AS q(t)
LEFT JOIN LATERAL (
    SELECT w.word FROM directory_searchword w ORDER BY w.word <-> q.t LIMIT 1
) n ON true
"""
# Distance in miles on a flat map (equirectangular): within 0.1% of the great-circle
# distance at a county's scale, and no trigonometry per row. %(lng_miles)s is the miles
# in a degree of longitude at the origin's latitude.
_NEAR = """, near AS (
    SELECT p.entry_id, min(sqrt(power((p.latitude - %(lat)s) * 69.09, 2)
        + power((p.longitude - %(lng)s) * %(lng_miles)s, 2))) AS miles
    FROM directory_servicesearchpoint p{box}
    GROUP BY p.entry_id
)"""
_BOX = (
    " WHERE p.latitude BETWEEN %(lat_min)s AND %(lat_max)s"
    " AND p.longitude BETWEEN %(lng_min)s AND %(lng_max)s"
)
_TEXT_MATCH = "e.document @@ (SELECT q FROM tsq)"
_NAME_MATCH = "%(terms)s <%% lower(opensend_unaccent(e.name))"
_NAME_RANK = "word_similarity(%(terms)s, lower(opensend_unaccent(e.name)))"
_RANK = (
    "ts_rank(e.document, (SELECT q FROM tsq))"
    " + CASE WHEN e.document @@ (SELECT a FROM tsq) THEN 1 ELSE 0 END"
)
_TSQUERY = """, tsq AS (
    SELECT websearch_to_tsquery('english', opensend_unaccent(%(terms)s)) AS a,
        coalesce(nullif(replace(websearch_to_tsquery('english',
            opensend_unaccent(%(terms)s))::text, '&', '|'), ''), 'x')::tsquery AS q
) """


@dataclass(frozen=True)
class Origin:
    label: str  # "NM3 4AB" or "Millbrook"
    latitude: float
    longitude: float


@dataclass(frozen=True)
class SearchQuery:
    words: str = ""
    needs: tuple[str, ...] = ()
    age: int | None = None
    category: uuid.UUID | None = None
    free: bool = False
    delivery: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    origin: Origin | None = None
    within_miles: float | None = None


@dataclass(frozen=True)
class Hit:
    service_id: uuid.UUID
    name: str
    organization_name: str
    summary: str
    needs: list[str]
    minimum_age: int | None
    maximum_age: int | None
    free: bool
    delivery: list[str]
    assured_date: date | None
    miles: float | None


@dataclass
class Results:
    hits: list[Hit]
    total: int
    page: int
    corrected: str = ""  # the words as searched, if any was corrected
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = max(1, -(-self.total // PAGE_SIZE))


def normalise_words(text: str) -> str:
    """Lower case, accents removed, only letters and digits, single spaces, 100 chars."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", plain))[:100].strip()


def correct_words(words: str) -> str:
    """Each word of 4 letters or more that the directory does not use, replaced by the
    nearest word it does use, when that is similar enough."""
    tokens = words.split()
    candidates = sorted({t for t in tokens if len(t) >= 4 and t.isalpha()})
    if not candidates:
        return words
    with connection.cursor() as cursor:
        cursor.execute(_CORRECT, [candidates])
        swaps = {
            word: nearest
            for word, known, nearest, similarity in cursor.fetchall()
            if not known and nearest and similarity >= CORRECTION_SIMILARITY
        }
    return " ".join(swaps.get(token, token) for token in tokens)


def _conditions(query: SearchQuery, params: dict[str, object]) -> list[str]:
    where = []
    if query.needs:
        where.append("e.needs && %(needs)s::varchar[]")
        params["needs"] = list(query.needs)
    if query.age is not None:
        where.append(
            "coalesce(e.minimum_age, 0) <= %(age)s AND coalesce(e.maximum_age, 200) >= %(age)s"
        )
        params["age"] = query.age
    if query.category:
        where.append("e.categories @> ARRAY[%(category)s::uuid]")
        params["category"] = str(query.category)
    if query.free:
        where.append("e.free")
    if query.delivery:
        where.append("e.delivery && %(delivery)s::varchar[]")
        params["delivery"] = list(query.delivery)
    if query.days:
        where.append("e.days && %(days)s::varchar[]")
        params["days"] = list(query.days)
    return where


def _near(query: SearchQuery, params: dict[str, object]) -> str:
    """The `near` CTE: each service's distance to the origin (its nearest place); with
    a radius, only the points inside its bounding box (an index range scan)."""
    origin = query.origin
    assert origin is not None
    lng_miles = 69.09 * math.cos(math.radians(origin.latitude))
    params.update(lat=origin.latitude, lng=origin.longitude, lng_miles=lng_miles)
    if query.within_miles is None:
        return _NEAR.replace("{box}", "")
    params.update(
        lat_min=origin.latitude - query.within_miles / 69.09,
        lat_max=origin.latitude + query.within_miles / 69.09,
        lng_min=origin.longitude - query.within_miles / lng_miles,
        lng_max=origin.longitude + query.within_miles / lng_miles,
    )
    return _NEAR.replace("{box}", _BOX)


_COLUMNS = (
    "e.service_id, e.name, e.organization_name, e.summary, e.needs, e.minimum_age,"
    " e.maximum_age, e.free, e.delivery, e.assured_date"
)


def _outer(order: str) -> str:
    """The page's ORDER BY, on the `page` CTE's columns."""
    return (
        order.replace("near.miles", "p.miles")
        .replace("rank", "p.rank")
        .replace("e.name", "p.name")
        .replace("e.service_id", "p.service_id")
    )


def search(query: SearchQuery, page: int = 1) -> Results:
    """One page of the services that match, best (or nearest) first. When no service's
    text matches the words, services whose name is close to them (trigrams) are shown."""
    found = _search(query, page, by_name=False)
    if query.words and not found.total:
        found = _search(query, page, by_name=True)
    return found


def _search(query: SearchQuery, page: int, by_name: bool) -> Results:
    params: dict[str, object] = {}
    where = _conditions(query, params)
    ctes, rank, corrected, join = "", "0", "", ""
    if query.words:
        corrected = correct_words(query.words)
        params["terms"] = corrected
        ctes, rank = _TSQUERY, _RANK
        where.append(_TEXT_MATCH)
        if by_name:
            rank, where[-1] = _NAME_RANK, _NAME_MATCH
    order = "rank DESC, e.name, e.service_id"
    if query.origin:
        ctes = _near(query, params) + ctes
        within = query.within_miles is not None
        join = f" {'' if within else 'LEFT '}JOIN near ON near.entry_id = e.service_id"
        order = "near.miles NULLS LAST, " + order
        if within:
            where.append("near.miles <= %(within)s")
            params["within"] = query.within_miles
    params.update(limit=PAGE_SIZE, offset=(max(page, 1) - 1) * PAGE_SIZE)
    conditions = f" WHERE {' AND '.join(where)}" if where else ""
    miles = "near.miles" if query.origin else "NULL::float"
    # The page is chosen on narrow rows (id, rank, distance, name) and only its 20
    # services are read in full: the window count over thousands of wide rows was half
    # the time of a broad search (bench/bench_search.py).
    sql = (
        f"WITH x AS (SELECT 1){ctes}, page AS ("  # noqa: S608 (constant fragments)
        f" SELECT e.service_id, e.name, {rank} AS rank, {miles} AS miles,"
        f" count(*) OVER () AS total FROM directory_servicesearchentry e{join}{conditions}"
        f" ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s)"
        f" SELECT {_COLUMNS}, p.rank, p.miles, p.total FROM page p"
        " JOIN directory_servicesearchentry e ON e.service_id = p.service_id"
        f" ORDER BY {_outer(order)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows and page > 1:  # past the last page (an old link): show the first
        return _search(query, 1, by_name)
    hits = [Hit(*row[:10], miles=row[11]) for row in rows]
    total = rows[0][12] if rows else 0
    changed = corrected if corrected and corrected != query.words else ""
    return Results(hits=hits, total=total, page=page, corrected=changed)
