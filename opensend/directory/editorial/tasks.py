"""The Local Offer's daily review reminders (Procrastinate; docs/background-jobs.md).

Registered through opensend/directory/tasks.py, the module Procrastinate imports.
"""

import logging
from typing import Any

from procrastinate.contrib.django import app

from opensend.core.jobs import RETRY, day_of
from opensend.directory.editorial.reminders import reminders_send

logger = logging.getLogger(__name__)


@app.periodic(cron="0 7 * * *")
@app.task(
    queueing_lock="local_offer_review_reminders",
    lock="local_offer_review_reminders",
    retry=RETRY,
)
def local_offer_review_reminders(timestamp: int) -> dict[str, Any]:
    """07:00 UTC: remind providers of listings whose review date is 30 or 7 days away."""
    report = reminders_send(day_of(timestamp))
    logger.info("Local Offer review reminders: %s", report.as_dict())
    return report.as_dict()
