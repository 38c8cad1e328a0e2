"""What every app's background jobs share (Procrastinate; see docs/background-jobs.md).

Cron times are UTC (Procrastinate reads cron against the Unix clock). The day a job works
for is the London date of its scheduled time, so a job that starts late still works for
the right day.
"""

import datetime as dt
import logging

from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from opensend.core.notifications import digest_deliver, digest_recipients, notification_deliver

logger = logging.getLogger(__name__)

# The nightly jobs are idempotent, so a failed run (say the database restarted) is retried.
RETRY = RetryStrategy(max_attempts=3, wait=600)


def day_of(timestamp: int) -> dt.date:
    """The London date of a job's scheduled time (a Unix timestamp)."""
    return timezone.localdate(dt.datetime.fromtimestamp(timestamp, tz=dt.UTC))


# --- Notifications (issue 11, item 4; docs/notifications.md) ---
# A send that fails (the mail server or GOV.UK Notify refuses or cannot be reached) is
# retried: 6 attempts, 1, 2, 4, 8 and 16 minutes apart. Sending is idempotent
# (notification_deliver does nothing for a notification already sent), so a retry never
# sends twice.
SEND_RETRY = RetryStrategy(max_attempts=6, exponential_wait=60)


@app.task(queue="notifications", retry=SEND_RETRY)
def notification_send(notification_id: int) -> bool:
    """Send one immediate notification (deferred when the change that made it commits)."""
    return notification_deliver(notification_id=notification_id)


@app.periodic(cron="0 17 * * *")
@app.task(queueing_lock="notification_digests", lock="notification_digests", retry=RETRY)
def notification_digests(timestamp: int) -> dict[str, int]:
    """17:00 UTC: each person who asked for a daily digest gets one message with the
    day's changes. A recipient whose send fails is left waiting and the job is retried;
    the others' digests are already sent and are not sent again."""
    sent = failed = 0
    for recipient in digest_recipients():
        try:
            sent += digest_deliver(recipient=recipient) > 0
        except Exception:
            logger.exception("Digest to one recipient failed; the job will retry")
            failed += 1
    report = {"sent": sent, "failed": failed}
    logger.info("Notification digests for %s: %s", day_of(timestamp), report)
    if failed:
        raise RuntimeError(f"{failed} digest(s) not sent")
    return report
