"""The one place the dashboard reads figures from: the live engine, the snapshots, the
DfE comparators and the suppression rules (opensend.measures.live, .comparators,
.suppression, built beside this package). Everything else here works on what these
return, so a change in those modules' shape is absorbed here.
"""

from __future__ import annotations

import datetime as dt

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from opensend.measures.dashboard.presenters import ComparatorLine, Comparators, SeriesPoint
from opensend.statutory.indicators import Period


def figures(
    *,
    local_authority_id: int,
    period: Period,
    breakdown: str | None = None,
    codes: Sequence[str] | None = None,
) -> list[Any]:
    from opensend.measures.live import live_figures

    return live_figures(
        local_authority_id=local_authority_id,
        period=period,
        breakdown=breakdown,
        codes=list(codes) if codes is not None else None,
    )


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
    from opensend.measures.live import cases_behind

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
    from opensend.measures.live import BREAKDOWNS

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


def comparators(*, code: str, area_code: str, year: int) -> Comparators:
    """England, region, neighbours' average and rank as the DfE published them (api's
    comparators_for), or none when the area or the indicator has no published figures."""
    from opensend.measures.comparators import REGION_NAMES, UnknownArea, comparators_for

    try:
        found = comparators_for(code=code, area_code=area_code, year=year)
    except UnknownArea:
        return Comparators(year=year)
    lines = []
    if found.england is not None:
        lines.append(_published_line("England", found.england))
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
    table = ""
    if found.source is not None and found.time_period:
        table = (
            f"DfE, Education, health and care plans: table {found.source.table}, "
            f"{found.time_period}" + (f". {found.source.note}" if found.source.note else "")
        )
    return Comparators(lines=tuple(lines), rank=rank, year=year, table=table)


def monthly_series(
    *, local_authority_id: int, months: int, today: dt.date, codes: Sequence[str] | None = None
) -> dict[str, list[SeriesPoint]]:
    """Each indicator's value as stored at the end of each of the last `months` months."""
    try:
        from opensend.measures.live import snapshot_series  # type: ignore[attr-defined]
    except ImportError:  # the snapshot task is not merged yet: no stored values, no trend
        return {}
    return snapshot_series(
        local_authority_id=local_authority_id, months=months, today=today, codes=codes
    )
