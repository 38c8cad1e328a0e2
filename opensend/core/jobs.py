"""What every app's background jobs share (Procrastinate; see docs/background-jobs.md).

Cron times are UTC (Procrastinate reads cron against the Unix clock). The day a job works
for is the London date of its scheduled time, so a job that starts late still works for
the right day.
"""

import datetime as dt

from django.utils import timezone
from procrastinate import RetryStrategy

# The nightly jobs are idempotent, so a failed run (say the database restarted) is retried.
RETRY = RetryStrategy(max_attempts=3, wait=600)


def day_of(timestamp: int) -> dt.date:
    """The London date of a job's scheduled time (a Unix timestamp)."""
    return timezone.localdate(dt.datetime.fromtimestamp(timestamp, tz=dt.UTC))
