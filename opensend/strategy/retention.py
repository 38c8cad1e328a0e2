"""Retention of the strategy app's short-lived records (core/retention.py, docs/retention.md).

- Abandoned pending imports: a plan uploaded for import and left in its preview (never
  confirmed nor discarded) is deleted 7 days after it was last touched, rows and mapping
  together (the uploaded file itself is never stored: strategy/imports/models.py). The
  rows can hold staff names and whatever the council's Word or Excel plan said; keeping
  them longer serves no purpose (UK GDPR Art. 5(1)(e)). Run by the daily retention job
  (core/tasks.py daily_retention, 04:00); a legal hold names the pending import's id.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from opensend.core.retention import DELETE, RecordType, register
from opensend.strategy.imports.models import PendingImport


def _abandoned(cutoff: dt.date) -> QuerySet[PendingImport]:
    """Last touched on or before the cutoff day (today minus the period)."""
    next_day = dt.datetime.combine(cutoff + dt.timedelta(days=1), dt.time.min)
    return PendingImport.objects.filter(updated_at__lt=timezone.make_aware(next_day))


def _delete(pending: QuerySet[PendingImport]) -> int:
    count, _ = pending.delete()
    return count


register(
    RecordType(
        name="strategy_abandoned_import",
        label="Plans uploaded for import and never confirmed nor discarded",
        action=DELETE,
        starts="when the import was last touched (uploaded, its table or columns chosen)",
        due=_abandoned,
        apply=_delete,
    )
)
