"""The strategy app's background job (Procrastinate; docs/background-jobs.md): the daily
reminders to action owners (strategy/reminders.py)."""

import logging

from procrastinate.contrib.django import app

from opensend.core.jobs import RETRY, day_of
from opensend.strategy.reminders import strategy_reminders_send

logger = logging.getLogger(__name__)


@app.periodic(cron="40 6 * * *")
@app.task(queueing_lock="strategy_reminders", lock="strategy_reminders", retry=RETRY)
def strategy_reminders(timestamp: int) -> dict[str, int]:
    """06:40 UTC, after the casework reminders: milestones and progress updates due in 7
    days, in 1 day, or overdue; each reminder is sent once, so a retry sends nothing twice."""
    report = strategy_reminders_send(day_of(timestamp))
    logger.info("Strategy reminders: %s", report.created)
    return dict(report.created)
