"""Keeping the search index (ServiceSearchEntry and SearchWord) in step with the HSDS
tables. `refresh()` rebuilds every entry; `refresh(ids)` only those services. One SQL
statement does a batch: the text, weights, arrays and flags are all worked out in
PostgreSQL. Model signals (signals.py) call it after any change is committed."""

from collections.abc import Iterable

from django.db import connection, transaction

from opensend.directory.public.needs import PLAIN_NEEDS, need_words

_SOURCE = """
WITH need_words AS (
    SELECT * FROM unnest(%(codes)s::text[], %(words)s::text[]) AS n(code, words)
), chosen AS (
    SELECT s.* FROM directory_service s
    WHERE s.status = 'active' AND (%(everything)s OR s.id = ANY(%(ids)s::uuid[]))
), src AS (
    SELECT s.id, s.name, o.name AS organization_name, s.description,
        s.minimum_age, s.maximum_age, s.assured_date,
        coalesce(cat.words, '') || ' ' || coalesce(nw.words, '') || ' '
            || coalesce(lo.needs_description, '') AS b_text,
        s.description || ' ' || coalesce(lo.eligibility, '') || ' ' || o.name AS c_text,
        coalesce(ARRAY(SELECT jsonb_array_elements_text(lo.needs_supported)), '{}') AS needs,
        coalesce(cat.ids, '{}') AS categories,
        array_remove(ARRAY[
            CASE WHEN loc.physical OR sch.types ILIKE '%%person%%' THEN 'in_person' END,
            CASE WHEN loc.virtual OR sch.types ILIKE '%%online%%' THEN 'online' END,
            CASE WHEN sch.types ILIKE '%%phone%%' THEN 'phone' END
        ], NULL) AS delivery,
        coalesce(sch.days, '{}') AS days,
        s.fees = '' AND NOT EXISTS (
            SELECT 1 FROM directory_costoption c WHERE c.service_id = s.id AND c.amount > 0
        ) AS free,
        coalesce(loc.lats, '{}') AS lats, coalesce(loc.lngs, '{}') AS lngs
    FROM chosen s
    JOIN directory_organization o ON o.id = s.organization_id
    LEFT JOIN directory_localofferdetails lo ON lo.service_id = s.id
    LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT t.id) AS ids, string_agg(DISTINCT t.name, ' ') AS words
        FROM directory_attribute a
        JOIN directory_taxonomyterm leaf ON leaf.id = a.taxonomy_term_id
        JOIN directory_taxonomyterm t ON t.id IN (leaf.id, leaf.parent_id)
        WHERE a.link_entity = 'service' AND a.link_id = s.id
    ) cat ON true
    LEFT JOIN LATERAL (
        SELECT string_agg(n.words, ' ') AS words
        FROM jsonb_array_elements_text(coalesce(lo.needs_supported, '[]')) AS needed(c)
        JOIN need_words n ON n.code = needed.c
    ) nw ON true
    LEFT JOIN LATERAL (
        SELECT array_agg(l.latitude) FILTER (WHERE l.latitude IS NOT NULL
                AND l.longitude IS NOT NULL AND l.location_type = 'physical') AS lats,
            array_agg(l.longitude) FILTER (WHERE l.latitude IS NOT NULL
                AND l.longitude IS NOT NULL AND l.location_type = 'physical') AS lngs,
            bool_or(l.location_type = 'physical') AS physical,
            bool_or(l.location_type = 'virtual') AS virtual
        FROM directory_serviceatlocation sal
        JOIN directory_location l ON l.id = sal.location_id
        WHERE sal.service_id = s.id
    ) loc ON true
    LEFT JOIN LATERAL (
        SELECT string_agg(DISTINCT lower(sc.attending_type), ' ') AS types,
            ARRAY(SELECT DISTINCT right(trim(d), 2)
                  FROM unnest(array_agg(sc.byday)) AS b,
                       unnest(string_to_array(b, ',')) AS d
                  WHERE trim(d) <> '') AS days
        FROM (
            SELECT byday, attending_type FROM directory_schedule WHERE service_id = s.id
            UNION ALL
            SELECT x.byday, x.attending_type FROM directory_schedule x
            JOIN directory_serviceatlocation xl ON xl.id = x.service_at_location_id
            WHERE xl.service_id = s.id AND x.service_id IS DISTINCT FROM s.id
        ) sc
    ) sch ON true
)"""

_UPSERT = """
, entries AS (
    INSERT INTO directory_servicesearchentry (service_id, name, organization_name, summary,
        document, needs, categories, delivery, days, minimum_age, maximum_age, free,
        latitudes, longitudes, assured_date)
    SELECT id, name, organization_name, left(description, 300),
        setweight(to_tsvector('english', opensend_unaccent(name)), 'A')
        || setweight(to_tsvector('english', opensend_unaccent(b_text)), 'B')
        || setweight(to_tsvector('english', opensend_unaccent(c_text)), 'C'),
        needs, categories, delivery, days, minimum_age, maximum_age, free, lats, lngs,
        assured_date
    FROM src
    ON CONFLICT (service_id) DO UPDATE SET name = EXCLUDED.name,
        organization_name = EXCLUDED.organization_name, summary = EXCLUDED.summary,
        document = EXCLUDED.document, needs = EXCLUDED.needs,
        categories = EXCLUDED.categories, delivery = EXCLUDED.delivery,
        days = EXCLUDED.days, minimum_age = EXCLUDED.minimum_age,
        maximum_age = EXCLUDED.maximum_age, free = EXCLUDED.free,
        latitudes = EXCLUDED.latitudes, longitudes = EXCLUDED.longitudes,
        assured_date = EXCLUDED.assured_date
    RETURNING 1
), gone AS (
    DELETE FROM directory_servicesearchpoint
    WHERE entry_id IN (SELECT id FROM src)
), points AS (
    INSERT INTO directory_servicesearchpoint (entry_id, latitude, longitude)
    SELECT src.id, p.lat, p.lng FROM src, unnest(src.lats, src.lngs) AS p(lat, lng)
)  -- data-modifying WITHs run to completion even though nothing reads them
INSERT INTO directory_searchword (word)
SELECT DISTINCT word FROM src,
    regexp_split_to_table(lower(opensend_unaccent(
        name || ' ' || b_text || ' ' || c_text)), '[^a-z]+') AS word
WHERE length(word) BETWEEN 3 AND 60
ON CONFLICT (word) DO NOTHING
"""

_REMOVE_INACTIVE = """
WITH gone AS (
    DELETE FROM directory_servicesearchentry e
    WHERE (%(everything)s OR e.service_id = ANY(%(ids)s::uuid[]))
      AND NOT EXISTS (SELECT 1 FROM directory_service s
                      WHERE s.id = e.service_id AND s.status = 'active')
    RETURNING e.service_id
)
DELETE FROM directory_servicesearchpoint p WHERE p.entry_id IN (SELECT service_id FROM gone)
"""


def refresh(service_ids: Iterable[object] | None = None) -> None:
    """Rebuild the entries of these services (all of them if None), and add new words."""
    ids = [str(service_id) for service_id in service_ids or []]
    everything = service_ids is None
    if not everything and not ids:
        return
    params = {
        "codes": list(PLAIN_NEEDS),
        "words": [need_words(code) for code in PLAIN_NEEDS],
        "everything": everything,
        "ids": ids,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        if everything:
            cursor.execute("DELETE FROM directory_searchword")
        cursor.execute(_REMOVE_INACTIVE, params)
        cursor.execute(_SOURCE + _UPSERT, params)
        cursor.execute(_STAMP)


# Every refresh raises the index's version, in the same transaction: the search page's
# cached results are keyed by it (results_cache.py), so none outlives a change.
_STAMP = """
INSERT INTO directory_searchindexstamp (id, version) VALUES (1, 1)
ON CONFLICT (id) DO UPDATE SET version = directory_searchindexstamp.version + 1
"""


def bump() -> None:
    """Raise the version for a change outside the index that the search page shows
    (the category list of its form)."""
    with connection.cursor() as cursor:
        cursor.execute(_STAMP)


def version() -> int:
    """The search index's version (0 before its first refresh)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM directory_searchindexstamp WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0
