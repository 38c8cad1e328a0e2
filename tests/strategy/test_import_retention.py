"""A plan uploaded for import and left in its preview is deleted 7 days after it was last
touched, by the daily retention job (opensend/strategy/retention.py); a legal hold keeps it."""

import datetime as dt

from django.utils import timezone

from opensend.core import tasks
from opensend.core.models import LegalHold
from opensend.strategy.models import PendingImport

TODAY = dt.date(2026, 11, 22)


def _touched(days_ago: int, hour: int = 12) -> dt.datetime:
    day = TODAY - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _pending(strategy, sam, name: str, days_ago: int, hour: int = 12) -> PendingImport:
    made = PendingImport.objects.create(
        strategy=strategy, uploaded_by=sam, file_name=name, tables=[], mapping={}
    )
    PendingImport.objects.filter(pk=made.pk).update(updated_at=_touched(days_ago, hour))
    return made


def test_abandoned_imports_are_deleted_after_7_days(strategy, sam):
    for name, days_ago, hour in (("old.docx", 30, 12), ("week.xlsx", 7, 23), ("six.xlsx", 6, 0),
                                 ("today.docx", 0, 9), ("held.docx", 20, 12)):  # fmt: skip
        _pending(strategy, sam, name, days_ago, hour)
    held = PendingImport.objects.get(file_name="held.docx")
    LegalHold.objects.create(
        record_type="strategy_abandoned_import", object_id=str(held.pk),
        reason="Complaint about the import", placed_on=TODAY - dt.timedelta(days=1),
    )  # fmt: skip
    timestamp = int(dt.datetime(2026, 11, 22, 4, tzinfo=dt.UTC).timestamp())

    result = tasks.daily_retention(timestamp=timestamp)

    assert result["done"]["strategy_abandoned_import"] == 2
    assert result["held"]["strategy_abandoned_import"] == 1
    kept = set(PendingImport.objects.values_list("file_name", flat=True))
    assert kept == {"six.xlsx", "today.docx", "held.docx"}
    again = tasks.daily_retention(timestamp=timestamp)
    assert again["done"].get("strategy_abandoned_import", 0) == 0
