"""The one place the dashboard reads figures from: the live engine (opensend.measures.live),
the stored snapshots (snapshots.selectors) and the DfE comparators (comparators.selectors).
Everything else here works on what these return, so a change in their shape is absorbed
here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from dateutil.relativedelta import relativedelta
from django.db.models.functions import TruncMonth
from django.http import Http404

from opensend.measures.comparators.cached import cached_per_code
from opensend.measures.comparators.rows import latest_england_periods, latest_tables
from opensend.measures.comparators.selectors import REGION_NAMES, UnknownArea, comparators_for_many
from opensend.measures.comparators.sources import COMPARATOR_SOURCES
from opensend.measures.dashboard.presenters import ComparatorLine, Comparators, SeriesPoint
from opensend.measures.live import BREAKDOWNS, cases_behind
from opensend.measures.live.sql import facts_version, sql_figures
from opensend.measures.models import (
    IndicatorSnapshot,
    PeriodKind,
)
from opensend.measures.snapshots.selectors import snapshot_as_of, whole_area_series
from opensend.statutory.indicators import INDICATORS, IndicatorValue, Period


def figures(
    *,
    local_authority_id: int,
    period: Period,
    breakdown: str | None = None,
    codes: Sequence[str] | None = None,
) -> list[Any]:
    return sql_figures(
        local_authority_id=local_authority_id,
        period=period,
        breakdown=breakdown,
        codes=list(codes) if codes is not None else None,
    )


def figures_version(*, local_authority_id: int) -> int:
    """Raised with every casework change of the area: pages cached under it stay right."""
    return facts_version(local_authority_id)


def cases(
    *,
    user: Any,
    local_authority_id: int,
    code: str,
    period: Period,
    breakdown: str | None,
    group: str | None,
    part: str,
    request: object,
) -> list[Any]:
    """The cases behind a number (engine's cases_behind: checks the user, audits the read)."""

    return cases_behind(
        user=user,
        local_authority_id=local_authority_id,
        code=code,
        period=period,
        breakdown=breakdown,
        group=group,
        part=part,
        request=request,  # type: ignore[arg-type]
    )


def breakdowns() -> dict[str, str]:

    return dict(BREAKDOWNS)


def query_url(base: str, **params: str) -> str:
    """`base` with the non-empty parameters as a query string."""
    kept = {key: value for key, value in params.items() if value}
    return f"{base}?{urlencode(kept)}" if kept else base


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _published_line(name: str, published: Any) -> ComparatorLine:
    figure = published.figure
    return ComparatorLine(name, figure.value, figure.published)


def comparators_many(*, codes: Sequence[str], area_code: str, year: int) -> dict[str, Comparators]:
    """Each code's comparators (below), cached under the published version
    (comparators.cached): a page of 60 indicators does not ask for the same published
    figures each time. Those not cached are read together (comparators_for_many): a first
    load costs a bounded number of queries, not some per indicator."""
    return cached_per_code(
        name="comparators",
        codes=codes,
        area_code=area_code,
        year=year,
        read=lambda missing: _comparators(codes=missing, area_code=area_code, year=year),
    )


def comparators(*, code: str, area_code: str, year: int) -> Comparators:
    return comparators_many(codes=[code], area_code=area_code, year=year)[code]


def _comparators(*, codes: Sequence[str], area_code: str, year: int) -> dict[str, Comparators]:
    """England, region, neighbours' average and rank as the DfE published them (api's
    comparators_for_many) for `year`, or for the latest year published before it (the DfE
    publishes a calendar year the June after it ends); none when nothing is published.
    One read per year asked for (at most one per table), not one per code."""
    found = {code: Comparators(year=year) for code in codes}
    by_year: dict[int, list[str]] = defaultdict(list)
    latest = _latest_published_years(codes)
    for code in codes:
        if code in latest:
            by_year[min(year, latest[code])].append(code)
    for published_year, same_year in sorted(by_year.items()):
        try:
            read = comparators_for_many(codes=same_year, area_code=area_code, year=published_year)
        except UnknownArea:
            return found
        found |= {code: _presented(one) for code, one in read.items() if one.england is not None}
    return found


def _latest_published_years(codes: Sequence[str]) -> dict[str, int]:
    """Each code's latest year England has a row for in its table ("2024", or "202425" ->
    2024); codes with no table or no row for England are left out. Two queries."""
    sources = {code: COMPARATOR_SOURCES[code] for code in codes if code in COMPARATOR_SOURCES}
    tables = latest_tables(source.table for source in sources.values())
    last = latest_england_periods(tables.values())
    return {
        code: int(last[tables[source.table].pk][:4])
        for code, source in sources.items()
        if source.table in tables and last.get(tables[source.table].pk)
    }


def _presented(found: Any) -> Comparators:
    lines = [_published_line("England", found.england)]
    if found.region is not None:
        region = REGION_NAMES.get(found.region.area_code, found.region.area_code)
        lines.append(_published_line(region, found.region))
    average = found.neighbours_average
    if average is not None and average.neighbours:
        lines.append(
            ComparatorLine(
                "Statistical neighbours' average",
                average.value,
                "" if average.value is None else str(average.value),
                f"average of the {average.used} of {average.neighbours} neighbours with a figure",
            )
        )
    rank = ""
    if found.rank is not None and found.rank.position is not None:
        rank = (
            f"{_ordinal(found.rank.position)} of {found.rank.out_of} local authorities "
            "(1st = highest)"
        )
    table = (
        f"DfE, Education, health and care plans: table {found.source.table}, "
        f"{found.time_period}" + (f". {found.source.note}" if found.source.note else "")
    )
    return Comparators(
        lines=tuple(lines), rank=rank, year=found.year, table=table, note=found.area.note
    )


def _value(point: Any) -> IndicatorValue:
    return IndicatorValue(point.value, point.numerator, point.denominator)


def monthly_series(
    *, local_authority_id: int, months: int, today: dt.date, codes: Sequence[str] | None = None
) -> dict[str, list[SeriesPoint]]:
    """Each indicator's value for the 12 months to each month's last snapshot, oldest first,
    over the last `months` months (engine's snapshot_series; months with none left out)."""

    series = whole_area_series(
        local_authority_id=local_authority_id,
        codes=list(codes if codes is not None else INDICATORS),
        months=months,
        period_kind=PeriodKind.LAST_12_MONTHS,
        until=today,
    )
    return {
        code: [SeriesPoint(point.taken_on.replace(day=1), _value(point)) for point in points]
        for code, points in series.items()
    }


def snapshot_months(*, local_authority_id: int) -> list[dt.date]:
    """The months (their first days) with at least one stored snapshot, newest first."""

    return list(
        IndicatorSnapshot.objects.filter(local_authority_id=local_authority_id)
        .annotate(month=TruncMonth("taken_on"))
        .values_list("month", flat=True)
        .distinct()
        .order_by("-month")
    )


def month_snapshot(
    *, local_authority_id: int, month: dt.date
) -> tuple[dt.date, dict[str, IndicatorValue]]:
    """The month's last snapshot (12 months to that day, whole area): its day and values.
    A 404 when no snapshot was taken in that month: the board saw nothing from here."""

    points = snapshot_as_of(
        local_authority_id=local_authority_id,
        on=month + relativedelta(day=31),
        period_kind=PeriodKind.LAST_12_MONTHS,
    )
    if not points or points[0].taken_on < month:
        raise Http404("No snapshot was stored in that month")
    return points[0].taken_on, {point.code: _value(point) for point in points}
