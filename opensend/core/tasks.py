"""Core's background jobs (Procrastinate; docs/background-jobs.md): retention
(core/retention.py), notifications (core/jobs.py) and the virus scan of uploads.

Procrastinate imports every installed app's `tasks.py` when Django starts, so the worker
knows these tasks and their schedules.

upload_virus_scan: every upload, once its transaction commits, is sent to ClamAV's clamd
(opensend.core.uploads.upload_scan). clamd being down or restarting (its signature
database reloads) is expected, so the job is retried; after the last try the file is
marked "scan failed" and stays held from everyone but its uploader.
"""

import logging
from typing import Any

from procrastinate import JobContext, RetryStrategy
from procrastinate.contrib.django import app

from opensend.core.clamd import ClamdUnavailable
from opensend.core.jobs import RETRY, day_of, notification_digests, notification_send
from opensend.core.retention import retention_run
from opensend.core.uploads import upload_scan, upload_scan_failed

logger = logging.getLogger(__name__)

__all__ = ["daily_retention", "notification_digests", "notification_send", "upload_virus_scan"]

# Tries 2 minutes apart for about half an hour: longer than clamd takes to restart or
# reload its signatures. Only "cannot reach clamd" is retried; any other error is a bug.
SCAN_RETRY = RetryStrategy(max_attempts=15, wait=120, retry_exceptions={ClamdUnavailable})


@app.periodic(cron="0 4 * * *")
@app.task(queueing_lock="daily_retention", lock="daily_retention", retry=RETRY)
def daily_retention(timestamp: int) -> dict[str, Any]:
    """04:00: delete or anonymise every record whose retention period has ended, except
    those under a legal hold. Idempotent, so a retry changes nothing a run already did."""
    report = retention_run(day_of(timestamp))
    logger.info("Daily retention: %s", report.as_dict())
    return report.as_dict()


@app.task(queue="default", retry=SCAN_RETRY, pass_context=True)
def upload_virus_scan(context: JobContext, upload_id: int) -> str | None:
    try:
        status = upload_scan(upload_id)
    except ClamdUnavailable as error:
        if SCAN_RETRY.get_retry_decision(exception=error, job=context.job) is None:
            upload_scan_failed(upload_id, str(error))  # the last try: no more retries
        raise
    return None if status is None else str(status)
