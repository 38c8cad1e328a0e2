"""What every app's background jobs share (opensend/core/jobs.py)."""

import datetime as dt

import pytest
from procrastinate.contrib.django import app

from opensend.core import jobs


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> int:
    """A job's scheduled time, as Procrastinate passes it: a Unix timestamp (UTC)."""
    return int(dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC).timestamp())


@pytest.mark.parametrize(
    ("timestamp", "day"),
    [
        (at(2026, 11, 22, 2), dt.date(2026, 11, 22)),  # GMT
        (at(2027, 6, 30, 2), dt.date(2027, 6, 30)),  # 03:00 BST
        (at(2027, 6, 30, 23, 30), dt.date(2027, 7, 1)),  # 00:30 BST is the next day in London
    ],
)
def test_a_job_works_for_the_london_date_of_its_scheduled_time(timestamp, day):
    assert jobs.day_of(timestamp) == day


@pytest.mark.parametrize(
    "name",
    [
        "opensend.casework.tasks.nightly_phase_transfers",
        "opensend.casework.tasks.nightly_clock_refresh",
        "opensend.measures.tasks.nightly_indicator_snapshots",
        "opensend.directory.editorial.tasks.local_offer_review_reminders",
        "opensend.core.jobs.notification_digests",
        "opensend.casework.tasks.daily_reminders",
    ],
)
def test_every_daily_job_is_retried_three_times_ten_minutes_apart(name):
    retry = app.tasks[name].retry_strategy

    assert retry is jobs.RETRY
    assert (retry.max_attempts, retry.wait) == (3, 600)
