"""Retention of the Local Offer's personal data (core/retention.py, docs/retention.md).

- Feedback: the text and the reply address are removed 2 years after it was received
  (the theme, the date and any published "You said, we did" stay: the editor's summary
  is written without personal data). Legal holds name the feedback's id.
- Searches that found nothing: deleted 1 year after the day they were counted (the
  words people typed can include a name).
"""

import datetime as dt
from datetime import time

from django.db.models import Q, QuerySet
from django.utils import timezone

from opensend.core.retention import ANONYMISE, DELETE, RecordType, register
from opensend.directory.feedback.models import Feedback
from opensend.directory.public.models import ZeroResultSearch


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time.min))


def _feedback_due(cutoff: dt.date) -> QuerySet[Feedback]:
    # Received before the start of the day after the cutoff: on or before the cutoff.
    received = Q(received_at__lt=_start_of(cutoff + dt.timedelta(days=1)))
    return Feedback.objects.filter(received).exclude(text="", reply_email="")


def _anonymise_feedback(feedback: QuerySet[Feedback]) -> int:
    return feedback.update(text="", reply_email="")


def _searches_due(cutoff: dt.date) -> QuerySet[ZeroResultSearch]:
    return ZeroResultSearch.objects.filter(day__lte=cutoff)


def _delete_searches(searches: QuerySet[ZeroResultSearch]) -> int:
    count, _ = searches.delete()
    return count


register(
    RecordType(
        name="local_offer_feedback_text",
        label="Local Offer feedback text and reply addresses",
        action=ANONYMISE,
        starts="when it was received",
        due=_feedback_due,
        apply=_anonymise_feedback,
    )
)
register(
    RecordType(
        name="local_offer_zero_result_search",
        label="Local Offer searches that found nothing",
        action=DELETE,
        starts="the day they were counted",
        due=_searches_due,
        apply=_delete_searches,
    )
)
