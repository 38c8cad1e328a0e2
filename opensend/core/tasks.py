"""Core's background jobs (Procrastinate; see docs/background-jobs.md).

upload_virus_scan: every upload, once its transaction commits, is sent to ClamAV's clamd
(opensend.core.uploads.upload_scan). clamd being down or restarting (its signature
database reloads) is expected, so the job is retried; after the last try the file is
marked "scan failed" and stays held from everyone but its uploader.
"""

from procrastinate import JobContext, RetryStrategy
from procrastinate.contrib.django import app

from opensend.core.clamd import ClamdUnavailable
from opensend.core.uploads import upload_scan, upload_scan_failed

# Tries 2 minutes apart for about half an hour: longer than clamd takes to restart or
# reload its signatures. Only "cannot reach clamd" is retried; any other error is a bug.
SCAN_RETRY = RetryStrategy(max_attempts=15, wait=120, retry_exceptions={ClamdUnavailable})


@app.task(queue="default", retry=SCAN_RETRY, pass_context=True)
def upload_virus_scan(context: JobContext, upload_id: int) -> str | None:
    try:
        status = upload_scan(upload_id)
    except ClamdUnavailable as error:
        if SCAN_RETRY.get_retry_decision(exception=error, job=context.job) is None:
            upload_scan_failed(upload_id, str(error))  # the last try: no more retries
        raise
    return None if status is None else str(status)
