"""Core's background jobs: retention (core/retention.py) and notifications (core/jobs.py;
docs/background-jobs.md).

Procrastinate imports every installed app's `tasks.py` when Django starts, so the worker
knows these tasks and their schedules.
"""

import logging
from typing import Any

from procrastinate.contrib.django import app

from opensend.core.jobs import RETRY, day_of, notification_digests, notification_send
from opensend.core.retention import retention_run

logger = logging.getLogger(__name__)

__all__ = ["daily_retention", "notification_digests", "notification_send"]


@app.periodic(cron="0 4 * * *")
@app.task(queueing_lock="daily_retention", lock="daily_retention", retry=RETRY)
def daily_retention(timestamp: int) -> dict[str, Any]:
    """04:00: delete or anonymise every record whose retention period has ended, except
    those under a legal hold. Idempotent, so a retry changes nothing a run already did."""
    report = retention_run(day_of(timestamp))
    logger.info("Daily retention: %s", report.as_dict())
    return report.as_dict()
