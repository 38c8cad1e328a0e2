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

from django.db import connections, router, transaction
from django.utils import timezone

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


# The columns _store writes, in the order of the tuples snapshots_take builds.
_COLUMNS = (
    "local_authority_id", "code", "period_kind", "period_start", "period_end", "breakdown",
    "group", "value", "numerator", "denominator", "taken_on", "created_at",
)  # fmt: skip


def _store(snapshots: list[tuple[object, ...]]) -> None:
    """Insert a day's figures (6,528 at two periods and every breakdown) with one COPY:
    building as many model instances and INSERT statements took most of the snapshot's
    time (bench/README.md)."""
    table = IndicatorSnapshot._meta.db_table
    columns = ", ".join(f'"{column}"' for column in _COLUMNS)
    connection = connections[router.db_for_write(IndicatorSnapshot)]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for snapshot in snapshots:
            copy.write_row(snapshot)


def snapshots_take(
    *,
    local_authority_id: int,
    taken_on: dt.date,
    breakdowns: Iterable[str] = tuple(BREAKDOWNS),
) -> SnapshotReport:
    """Store every indicator as it stood on ``taken_on`` (replacing that day's set)."""
    report = SnapshotReport(local_authority_id=local_authority_id, taken_on=taken_on)
    wanted = tuple(breakdowns)
    now = timezone.now()
    snapshots = []
    for kind, period_of in STANDARD_PERIODS.items():
        period = period_of(taken_on)
        for breakdown, figure in _figures(local_authority_id, period, taken_on, wanted):
            value = figure.value
            snapshots.append(
                (local_authority_id, figure.code, kind, period.start, period.end, breakdown,
                 figure.group or "", value.value, value.numerator, value.denominator, taken_on,
                 now)
            )  # fmt: skip
    with transaction.atomic():
        report.replaced, _ = IndicatorSnapshot.objects.filter(
            local_authority_id=local_authority_id, taken_on=taken_on
        ).delete()
        _store(snapshots)
    report.stored = len(snapshots)
    logger.info("Indicator snapshots: %s", report.as_dict())
    return report
