"""Snapshots of the live indicators: each figure as it stood on a day, stored.

``snapshots_take`` stores every indicator for the standard periods (calendar year to
date, last 12 months), for the whole area and every breakdown group. It replaces that
day's snapshots, so running it twice leaves one set. A backfill takes past month ends
from the append-only records (``as_of``: what had happened by then).
"""

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from opensend.casework.models import Case
from opensend.measures.live.figures import Figure
from opensend.measures.live.people import BREAKDOWNS
from opensend.measures.live.periods import last_12_months, year_to_date
from opensend.measures.live.sql import sql_figures_every_breakdown
from opensend.measures.models import IndicatorSnapshot, PeriodKind
from opensend.statutory.indicators import Period

__all__ = [
    "STANDARD_PERIODS",
    "SnapshotReport",
    "snapshot_areas",
    "snapshots_take",
]

logger = logging.getLogger(__name__)

STANDARD_PERIODS: dict[str, Callable[[dt.date], Period]] = {
    PeriodKind.YEAR_TO_DATE: year_to_date,
    PeriodKind.LAST_12_MONTHS: last_12_months,
}


@dataclass
class SnapshotReport:
    local_authority_id: int
    taken_on: dt.date
    stored: int = 0
    replaced: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "local_authority_id": self.local_authority_id,
            "taken_on": self.taken_on.isoformat(),
            "stored": self.stored,
            "replaced": self.replaced,
        }


def snapshot_areas() -> list[int]:
    """The local authorities with casework: the areas a nightly run snapshots."""
    areas = Case.objects.values_list("local_authority_id", flat=True).distinct()
    return sorted(areas)


def _figures(
    local_authority_id: int, period: Period, taken_on: dt.date, breakdowns: Iterable[str]
) -> Iterable[tuple[str, Figure]]:
    """(breakdown key, figure) for the whole area ("") and each breakdown's groups,
    counted by the SQL engine over the projection as known on ``taken_on``."""
    every = sql_figures_every_breakdown(
        local_authority_id=local_authority_id,
        period=period,
        as_of=taken_on,
        breakdowns=tuple(breakdowns),
    )  # one statement for the whole area and every breakdown's groups
    for breakdown, figures in every.items():
        for figure in figures:
            if breakdown is None or figure.group is not None:
                yield breakdown or "", figure


def snapshots_take(
    *,
    local_authority_id: int,
    taken_on: dt.date,
    breakdowns: Iterable[str] = tuple(BREAKDOWNS),
) -> SnapshotReport:
    """Store every indicator as it stood on ``taken_on`` (replacing that day's set)."""
    report = SnapshotReport(local_authority_id=local_authority_id, taken_on=taken_on)
    wanted = tuple(breakdowns)
    snapshots = []
    for kind, period_of in STANDARD_PERIODS.items():
        period = period_of(taken_on)
        for breakdown, figure in _figures(local_authority_id, period, taken_on, wanted):
            snapshots.append(
                IndicatorSnapshot(
                    local_authority_id=local_authority_id,
                    code=figure.code,
                    period_kind=kind,
                    period_start=period.start,
                    period_end=period.end,
                    breakdown=breakdown,
                    group=figure.group or "",
                    value=figure.value.value,
                    numerator=figure.value.numerator,
                    denominator=figure.value.denominator,
                    taken_on=taken_on,
                )
            )
    with transaction.atomic():
        report.replaced, _ = IndicatorSnapshot.objects.filter(
            local_authority_id=local_authority_id, taken_on=taken_on
        ).delete()
        IndicatorSnapshot.objects.bulk_create(snapshots, batch_size=2000)
    report.stored = len(snapshots)
    logger.info("Indicator snapshots: %s", report.as_dict())
    return report
