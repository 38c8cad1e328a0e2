"""Feedback counts for the measures dashboard.

    feedback_counts(start=date(2026, 4, 1), end=date(2027, 3, 31)) -> FeedbackCounts

The cohort is the feedback RECEIVED between `start` and `end` (inclusive, dates in
London time). Of that cohort: how many were answered (an editor set "answered" at least
once, at any time up to now) and how many were answered within the target of
ANSWER_TARGET_WORKING_DAYS (20) working days after the day they were received
(working_days.py: weekends and England and Wales bank holidays do not count). The same
figures by theme ("" for feedback no one has given a theme yet). No personal data:
counts only.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from opensend.directory.feedback.models import Feedback
from opensend.directory.feedback.working_days import (
    ANSWER_TARGET_WORKING_DAYS,
    add_working_days,
)


@dataclass
class Tally:
    received: int = 0
    answered: int = 0
    answered_within_target: int = 0

    def add(self, answered: bool, within: bool) -> None:
        self.received += 1
        self.answered += answered
        self.answered_within_target += within


@dataclass
class FeedbackCounts:
    start: dt.date
    end: dt.date
    target_working_days: int = ANSWER_TARGET_WORKING_DAYS
    total: Tally = field(default_factory=Tally)
    by_theme: dict[str, Tally] = field(default_factory=dict)


def _local_day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def feedback_counts(*, start: dt.date, end: dt.date) -> FeedbackCounts:
    counts = FeedbackCounts(start=start, end=end)
    received = Feedback.objects.filter(
        received_at__date__gte=start, received_at__date__lte=end
    ).values_list("theme", "received_at", "answered_at")
    for theme, received_at, answered_at in received:
        due = add_working_days(_local_day(received_at), ANSWER_TARGET_WORKING_DAYS)
        answered = answered_at is not None
        within = answered and _local_day(answered_at) <= due
        counts.total.add(answered, within)
        counts.by_theme.setdefault(theme, Tally()).add(answered, within)
    return counts
