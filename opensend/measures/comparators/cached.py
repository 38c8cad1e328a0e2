"""The published comparators, cached. What the DfE published changes only when a release
is imported, the statistical neighbours are loaded or an area's comparison is changed, so
what is read from it is cached under a version naming all three (read in one query): the
dashboard and the indicators API read no published rows again until one of them changes.
"""

import hashlib
from collections.abc import Callable, Sequence
from typing import Final

from django.core.cache import cache
from django.db import connection

from opensend.measures.comparators.selectors import Comparators, comparators_for_many
from opensend.measures.models import AreaComparison, EesRelease, StatisticalNeighbour
from opensend.people.models import Organisation

__all__ = ["COMPARATOR_CACHE_SECONDS", "cached_per_code", "comparators_cached", "published_version"]

COMPARATOR_CACHE_SECONDS: Final = 24 * 60 * 60  # and the key changes with every import anyway

# The table names are the models' own; the area code is a bound parameter.
_VERSION_SQL: Final = f"""
SELECT (SELECT max(id) FROM {EesRelease._meta.db_table}),
       (SELECT max(imported_at) FROM {EesRelease._meta.db_table}),
       (SELECT array_agg(ARRAY[c.compares_as, c.region_code, c.neighbours_of, c.note])
          FROM {AreaComparison._meta.db_table} c
          JOIN {Organisation._meta.db_table} o ON o.id = c.local_authority_id
         WHERE o.ons_code = %s),
       (SELECT count(*) FROM {StatisticalNeighbour._meta.db_table}),
       (SELECT max(id) FROM {StatisticalNeighbour._meta.db_table})
"""  # noqa: S608


def published_version(area_code: str) -> str:
    """Changes with every release imported, neighbours loaded or comparison of the area
    changed (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL, [area_code])
        found = cursor.fetchone()
    return hashlib.sha256(repr(found).encode()).hexdigest()[:16]


def cached_per_code[Found](
    *,
    name: str,
    codes: Sequence[str],
    area_code: str,
    year: int,
    read: Callable[[list[str]], dict[str, Found]],
) -> dict[str, Found]:
    """Each code's ``read`` answer, from the cache under the published version; the codes
    not cached are read together (one ``read`` call, none when every code is cached)."""
    version = published_version(area_code)
    keys = {code: f"measures:{name}:{version}:{code}:{area_code}:{year}" for code in codes}
    cached = cache.get_many(list(keys.values()))
    missing = [code for code, key in keys.items() if key not in cached]
    computed = read(missing) if missing else {}
    cache.set_many(
        {keys[code]: found for code, found in computed.items()}, timeout=COMPARATOR_CACHE_SECONDS
    )
    return {code: computed[code] if code in computed else cached[keys[code]] for code in codes}


def comparators_cached(*, code: str, area_code: str, year: int) -> Comparators:
    """``selectors.comparators_for``, cached (raises the same UnknownArea, never cached)."""
    found = cached_per_code(
        name="published-comparators",
        codes=[code],
        area_code=area_code,
        year=year,
        read=lambda missing: comparators_for_many(codes=missing, area_code=area_code, year=year),
    )
    return found[code]
