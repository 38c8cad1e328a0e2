"""Reads of the stored snapshots: trend lines and "what did the board see on that day".

Snapshots are area-level figures, not child records: no user, no audit row (as the
comparators). Small numbers are suppressed by whoever shows them to the public.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Max

from opensend.measures.models import IndicatorSnapshot, PeriodKind

__all__ = ["SnapshotPoint", "snapshot_as_of", "snapshot_series", "whole_area_series"]


@dataclass(frozen=True)
class SnapshotPoint:
    code: str
    period_kind: str
    period_start: dt.date
    period_end: dt.date
    breakdown: str  # "" = whole area
    group: str  # "" = whole area
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    taken_on: dt.date


FIELDS = (
    "code",
    "period_kind",
    "period_start",
    "period_end",
    "breakdown",
    "group",
    "value",
    "numerator",
    "denominator",
    "taken_on",
)


def snapshot_series(
    *,
    local_authority_id: int,
    code: str,
    group: str | None = None,
    breakdown: str | None = None,
    months: int = 12,
    period_kind: str = PeriodKind.LAST_12_MONTHS,
    until: dt.date | None = None,
) -> list[SnapshotPoint]:
    """One point a month, oldest first: the last snapshot taken in each of the ``months``
    months up to ``until`` (default: the latest snapshot). Months with none are left out."""
    snapshots = IndicatorSnapshot.objects.filter(
        local_authority_id=local_authority_id,
        code=code,
        period_kind=period_kind,
        breakdown=breakdown or "",
        group=group or "",
    )
    last = until or snapshots.aggregate(last=Max("taken_on"))["last"]
    if last is None:
        return []
    first = (last - relativedelta(months=months - 1)).replace(day=1)
    points: dict[tuple[int, int], SnapshotPoint] = {}
    for values in (
        snapshots.filter(taken_on__range=(first, last)).order_by("taken_on").values_list(*FIELDS)
    ):
        point = SnapshotPoint(*values)
        points[(point.taken_on.year, point.taken_on.month)] = point
    return list(points.values())


def whole_area_series(
    *,
    local_authority_id: int,
    codes: list[str],
    until: dt.date,
    months: int = 12,
    period_kind: str = PeriodKind.LAST_12_MONTHS,
) -> dict[str, list[SnapshotPoint]]:
    """``snapshot_series`` (whole area, up to ``until``) for many codes in one query."""
    first = (until - relativedelta(months=months - 1)).replace(day=1)
    snapshots = IndicatorSnapshot.objects.filter(
        local_authority_id=local_authority_id,
        code__in=codes,
        period_kind=period_kind,
        breakdown="",
        group="",
        taken_on__range=(first, until),
    )
    points: dict[str, dict[tuple[int, int], SnapshotPoint]] = {code: {} for code in codes}
    for values in snapshots.order_by("taken_on").values_list(*FIELDS):
        point = SnapshotPoint(*values)
        points[point.code][(point.taken_on.year, point.taken_on.month)] = point
    return {code: list(found.values()) for code, found in points.items()}


def snapshot_as_of(
    *,
    local_authority_id: int,
    on: dt.date,
    code: str | None = None,
    breakdown: str | None = None,
    period_kind: str | None = None,
) -> list[SnapshotPoint]:
    """The figures as the last snapshot on or before ``on`` stored them (whole area
    unless ``breakdown``): what the board saw that day. Empty when none was taken."""
    snapshots = IndicatorSnapshot.objects.filter(
        local_authority_id=local_authority_id, taken_on__lte=on, breakdown=breakdown or ""
    )
    if code is not None:
        snapshots = snapshots.filter(code=code)
    if period_kind is not None:
        snapshots = snapshots.filter(period_kind=period_kind)
    day = snapshots.aggregate(day=Max("taken_on"))["day"]
    if day is None:
        return []
    found = snapshots.filter(taken_on=day).order_by("period_kind", "code", "group", "pk")
    return [SnapshotPoint(*values) for values in found.values_list(*FIELDS)]
