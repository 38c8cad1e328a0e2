"""The SQL engine: every indicator counted by the database over the projection, one
query per kind of fact for all indicators at once (and, with a breakdown, for all its
groups at once: GROUPING SETS give the whole area and each group in the same query).

Same interface and answers as ``measures.live.live_figures`` (docs/measures-live.md).
"""

import datetime as dt
import hashlib
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal
from typing import Any, Final

from django.core.cache import cache
from django.db import connections, router

from opensend.measures.live.figures import Figure, UnknownBreakdown, _checked
from opensend.measures.live.people import BREAKDOWNS, NOT_KNOWN
from opensend.measures.live.sql.groups import (
    SETTINGS_CTE,
    as_of_day,
    fixed_labels,
    group_column,
    group_cte,
    group_params,
    settings_params,
)
from opensend.measures.live.sql.terms import MEASURES, Measure, rows_counted
from opensend.measures.models import PlanFact
from opensend.statutory.dates import DAYS_PER_WEEK
from opensend.statutory.indicators import IndicatorValue, Period
from opensend.statutory.indicators.arithmetic import percent, ratio, tenths

__all__ = [
    "case_ids_behind",
    "facts_version",
    "measure_aggregates",
    "sql_figures",
    "sql_figures_every_breakdown",
]

# Each kind of fact: its table (with what its predicates join) and the rows any of its
# measures can count (the same pre-filters as the Python engine's queries).
SOURCES: Final[dict[str, tuple[str, str]]] = {
    "requests": ("measures_requestfact f", "f.received <= %(last)s"),
    "plans": (
        "measures_planfact f LEFT JOIN settings s ON s.id = f.named_setting_id",
        "f.issued <= %(last)s",
    ),
    "advice": (
        "measures_advicefact f",
        "f.due BETWEEN %(start)s AND %(end)s AND f.requested <= %(last)s",
    ),
    "reviews": (
        "measures_reviewfact f",
        "(f.due BETWEEN %(start)s AND %(end)s OR f.held BETWEEN %(start)s AND %(end)s)",
    ),
    "transfers": ("measures_transferfact f", "f.deadline BETWEEN %(start)s AND %(end)s"),
    "cases": ("measures_casefact f", "f.caseworker_id IS NOT NULL AND f.opened <= %(last)s"),
    "disputes": ("measures_disputefact f", "f.started <= %(last)s"),
}
WHOLE: Final = ""  # the breakdown key of the whole area's row


def measure_aggregates(measure: Measure) -> list[str]:
    """The aggregates a measure's value is made from, in the order ``_value`` reads them."""
    of, hit = f"({measure.of})", f"({measure.of}) AND ({measure.hit})"
    counted = f"COUNT(*) FILTER (WHERE {of})"
    if measure.shape == "count":
        return [counted]
    if measure.shape == "percent":
        return [f"COUNT(*) FILTER (WHERE {hit})", counted]
    if measure.shape == "ratio":
        return [counted, f"COUNT(DISTINCT f.caseworker_id) FILTER (WHERE {of})"]
    return [f"SUM(f.issued - f.request_received) FILTER (WHERE {of})", counted]


def _value(measure: Measure, numbers: Sequence[int | None]) -> IndicatorValue:
    first, second = (int(number or 0) for number in (*numbers, 0)[:2])
    if measure.shape == "count":
        return IndicatorValue(value=Decimal(first), numerator=first, denominator=None)
    if measure.shape == "percent":
        return percent(first, second)
    if measure.shape == "ratio":
        return ratio(first, second)
    value = tenths(first, DAYS_PER_WEEK * second) if second else None  # average weeks
    return IndicatorValue(value=value, numerator=None, denominator=second)


# Every query is built from the constant SQL of terms.py and groups.py (no user input);
# all values (area, dates, labels) are bound parameters.
def _which(breakdowns: Sequence[str], of: str) -> str:
    """The breakdown a grouping-sets row belongs to ('' for the whole area), or its label."""
    whens = " ".join(
        f"WHEN GROUPING(g.{group_column(key)}) = 0 THEN "
        + (f"'{key}'" if of == "key" else f"g.{group_column(key)}")
        for key in breakdowns
    )
    otherwise = "''" if of == "key" else "NULL"
    return f"CASE {whens} ELSE {otherwise} END" if breakdowns else otherwise


def _kind_query(kind: str, codes: Sequence[str], breakdowns: Sequence[str]) -> str:
    """One kind's aggregates as one array per row: (kind, breakdown, label, numbers), for
    the whole area and every group of every breakdown (GROUPING SETS: one pass), over the
    rows the asked measures can count (a group left with no row reads as zeros)."""
    table, rows = SOURCES[kind]
    numbers = f"ARRAY[{', '.join(_aggregates(codes))}]::bigint[]"
    counted = rows_counted(MEASURES[code] for code in codes)
    narrowed = f" AND ({' OR '.join(f'({of})' for of in counted)})" if counted else ""
    where = f"WHERE f.local_authority_id = %(la)s AND {rows}{narrowed}"
    if not breakdowns:
        return f"SELECT '{kind}', '', NULL::text, {numbers} FROM {table} {where}"  # noqa: S608
    sets = ", ".join(["()", *(f"(g.{group_column(key)})" for key in breakdowns)])
    return (
        f"SELECT '{kind}', {_which(breakdowns, 'key')}, {_which(breakdowns, 'label')},"  # noqa: S608
        f" {numbers} FROM {table} LEFT JOIN grp g ON g.case_id = f.case_id {where}"
        f" GROUP BY GROUPING SETS ({sets})"
    )


def _aggregates(codes: Iterable[str]) -> list[str]:
    """The distinct aggregates of the measures of one kind (shared ones counted once)."""
    return list(dict.fromkeys(a for code in codes for a in measure_aggregates(MEASURES[code])))


def _query(by_kind: dict[str, list[str]], breakdowns: Sequence[str]) -> str:
    """Every kind asked for in one statement: the groups of every breakdown are worked out
    once (a materialised CTE) and each kind's rows are grouped by all of them in one pass;
    the localities found come back in the same statement (their labels are not fixed)."""
    ctes = [SETTINGS_CTE, *([group_cte(breakdowns)] if breakdowns else [])]
    parts = [f"({_kind_query(kind, codes, breakdowns)})" for kind, codes in by_kind.items()]
    if "locality" in breakdowns:
        column = group_column("locality")
        found = f"SELECT 'labels', 'locality', {column}, NULL::bigint[] FROM grp"  # noqa: S608
        parts.append(f"({found} GROUP BY {column})")
    return f"WITH {', '.join(ctes)} {' UNION ALL '.join(parts)}"


class _Counts:
    """The aggregates of one kind: the whole area's and each (breakdown, group)'s."""

    def __init__(self) -> None:
        self.whole: dict[str, Any] = {}
        self.groups: dict[tuple[str, str], dict[str, Any]] = {}


def _count(
    by_kind: dict[str, list[str]], breakdowns: Sequence[str], params: dict[str, Any], alias: str
) -> tuple[dict[str, _Counts], set[str]]:
    """The counts of each kind, and the localities found (when asked for)."""
    aggregates = {kind: _aggregates(codes) for kind, codes in by_kind.items()}
    counts = {kind: _Counts() for kind in aggregates}
    localities: set[str] = set()
    with connections[alias].cursor() as cursor:
        cursor.execute(_query(by_kind, breakdowns), params)
        for kind, key, label, numbers in cursor.fetchall():
            if kind == "labels":
                localities.add(label)
                continue
            found = dict(zip(aggregates[kind], numbers, strict=True))
            if key == WHOLE:
                counts[kind].whole = found
            elif label is not None:
                counts[kind].groups[(key, label)] = found
    return counts, localities


def _labels(breakdown: str, localities: set[str]) -> list[str]:
    fixed = fixed_labels(breakdown)
    if fixed is not None:
        return list(fixed)
    return [*sorted(localities - {NOT_KNOWN}), *([NOT_KNOWN] if NOT_KNOWN in localities else [])]


def _params(
    local_authority_id: int, period: Period, as_of: dt.date | None, breakdowns: Sequence[str]
) -> dict[str, Any]:
    day = as_of_day(as_of)
    params = {
        "la": local_authority_id,
        "start": period.start,
        "end": period.end,
        "as_of": day,
        "last": min(period.end, day),
        **settings_params(local_authority_id),
    }
    if breakdowns:
        params |= group_params(breakdowns, local_authority_id)
    return params


def _figures(
    codes: Iterable[str], counts: dict[str, _Counts], breakdown: str | None, labels: list[str]
) -> list[Figure]:
    figures = []
    for code in codes:
        measure = MEASURES[code]
        found = counts[measure.kind]
        names = measure_aggregates(measure)
        figures.append(Figure(code, None, _value(measure, [found.whole.get(a) for a in names])))
        for label in labels if breakdown is not None else ():
            group = found.groups.get((breakdown, label), {})
            figures.append(Figure(code, label, _value(measure, [group.get(a) for a in names])))
    return figures


def sql_figures(
    *,
    local_authority_id: int,
    period: Period,
    breakdown: str | None = None,
    codes: Collection[str] | None = None,
    as_of: dt.date | None = None,
    using: str | None = None,
    fresh: bool = False,
) -> list[Figure]:
    """``live_figures`` counted by the database over the projection (measures_*fact).

    Outside a transaction the answer is cached for the area's facts version (see
    ``FIGURES_CACHE_SECONDS``); ``fresh`` counts again whatever the cache holds."""
    if breakdown is not None and breakdown not in BREAKDOWNS:
        raise UnknownBreakdown(breakdown)
    wanted = _checked(codes)
    alias = using or router.db_for_read(PlanFact)
    if fresh or connections[alias].in_atomic_block:  # in a write: count what it sees
        return _counted(local_authority_id, period, breakdown, wanted, as_of, alias)
    key = (alias, local_authority_id, period, breakdown, tuple(wanted), as_of)
    version = facts_version(local_authority_id, using=alias)
    cached = cache.get(_cache_key(key, version))
    if cached is None:
        cached = _counted(local_authority_id, period, breakdown, wanted, as_of, alias)
        cache.set(_cache_key(key, version), cached, FIGURES_CACHE_SECONDS)
    return cached


# Figures are cached per version of the area's facts (bumped with every casework change),
# so a change shows at once; what people data changes (a need, an enrolment, a setting)
# shows within this many seconds.
FIGURES_CACHE_SECONDS: Final = 60


def facts_version(local_authority_id: int, *, using: str | None = None) -> int:
    """The version of the area's fact rows: raised in the transaction of every change, so
    whatever is cached under an older version is never shown again."""
    alias = using or router.db_for_read(PlanFact)
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT version FROM measures_factsversion WHERE local_authority_id = %s",
            [local_authority_id],
        )
        found = cursor.fetchone()
    return 0 if found is None else found[0]


def _cache_key(key: tuple[object, ...], version: int) -> str:
    digest = hashlib.sha256(repr((key, version)).encode()).hexdigest()
    return f"measures:sql-figures:{digest}"


def _counted_by_breakdown(
    local_authority_id: int,
    period: Period,
    breakdowns: Sequence[str],
    wanted: list[str],
    as_of: dt.date | None,
    alias: str,
) -> dict[str | None, list[Figure]]:
    """One statement: the whole area's figures (key None) and each breakdown's."""
    params = _params(local_authority_id, period, as_of, breakdowns)
    by_kind: dict[str, list[str]] = {}
    for code in wanted:
        by_kind.setdefault(MEASURES[code].kind, []).append(code)
    counts, localities = _count(by_kind, breakdowns, params, alias) if by_kind else ({}, set())
    return {
        key: _figures(wanted, counts, key, [] if key is None else _labels(key, localities))
        for key in (None, *breakdowns)
    }


def _counted(
    local_authority_id: int,
    period: Period,
    breakdown: str | None,
    wanted: list[str],
    as_of: dt.date | None,
    alias: str,
) -> list[Figure]:
    breakdowns = [] if breakdown is None else [breakdown]
    found = _counted_by_breakdown(local_authority_id, period, breakdowns, wanted, as_of, alias)
    return found[breakdown]


def sql_figures_every_breakdown(
    *,
    local_authority_id: int,
    period: Period,
    breakdowns: Sequence[str] = tuple(BREAKDOWNS),
    codes: Collection[str] | None = None,
    as_of: dt.date | None = None,
    using: str | None = None,
) -> dict[str | None, list[Figure]]:
    """The whole area's figures (under None) and every breakdown's, counted in one
    statement (GROUPING SETS over every breakdown's group column): what a day's snapshot
    stores for one period. Each list is what ``sql_figures`` answers for that breakdown."""
    unknown = [key for key in breakdowns if key not in BREAKDOWNS]
    if unknown:
        raise UnknownBreakdown(unknown[0])
    alias = using or router.db_for_read(PlanFact)
    wanted = _checked(codes)
    return _counted_by_breakdown(local_authority_id, period, breakdowns, wanted, as_of, alias)


def _behind(measure: Measure, part: str) -> str | None:
    """The predicate of the rows behind one part of a figure (as IndicatorValue's
    numerator_rows / denominator_rows): None when that part has no rows (a count's
    denominator)."""
    if part == "denominator":
        return None if measure.shape == "count" else measure.of
    if measure.shape == "percent":
        return f"({measure.of}) AND ({measure.hit})"
    return measure.of


def case_ids_behind(
    *,
    local_authority_id: int,
    code: str,
    period: Period,
    part: str = "numerator",
    breakdown: str | None = None,
    group: str | None = None,
    using: str | None = None,
) -> set[int]:
    """The cases behind one part of a figure, read from the same projection as the figure
    (the drill-down). With a breakdown and a group: that group's cases only."""
    measure = MEASURES[_checked([code])[0]]
    where = _behind(measure, part)
    if where is None:
        return set()
    table, rows = SOURCES[measure.kind]
    breakdowns = [breakdown] if breakdown is not None and group is not None else []
    ctes = [SETTINGS_CTE, *([group_cte(breakdowns)] if breakdowns else [])]
    params = _params(local_authority_id, period, None, breakdowns)
    in_group = (
        f" JOIN grp g ON g.case_id = f.case_id AND g.{group_column(breakdowns[0])} = %(group)s"
        if breakdowns
        else ""
    )
    sql = (
        f"WITH {', '.join(ctes)} SELECT DISTINCT f.case_id FROM {table}{in_group}"  # noqa: S608
        f" WHERE f.local_authority_id = %(la)s AND {rows} AND ({where})"
    )
    with connections[using or router.db_for_read(PlanFact)].cursor() as cursor:
        cursor.execute(sql, {**params, "group": group})
        return {row[0] for row in cursor.fetchall()}
