"""Measures' background jobs (Procrastinate; see docs/background-jobs.md).

03:00 UTC, after the clock refresh (02:30) has brought the stored steps up to date:
store every live indicator as it stands that day (opensend/measures/snapshots.py).
On request: prepare a large area's SEN2 return (opensend/measures/sen2/jobs.py).
"""

import logging
from typing import Any

from procrastinate.contrib.django import app

from opensend.core.jobs import RETRY, day_of
from opensend.core.today import today
from opensend.measures.sen2.jobs import sen2_run_execute
from opensend.measures.snapshots import snapshot_areas, snapshots_take

logger = logging.getLogger(__name__)


@app.periodic(cron="0 3 * * *")
@app.task(
    queueing_lock="nightly_indicator_snapshots", lock="nightly_indicator_snapshots", retry=RETRY
)
def nightly_indicator_snapshots(timestamp: int) -> dict[str, Any]:
    """03:00: snapshot every indicator of every area with casework (idempotent for a day)."""
    taken_on = day_of(timestamp)
    reports = [
        snapshots_take(local_authority_id=area, taken_on=taken_on).as_dict()
        for area in snapshot_areas()
    ]
    logger.info("Nightly indicator snapshots for %s: %d areas", taken_on, len(reports))
    return {"taken_on": taken_on.isoformat(), "areas": reports}


# sen2 (issue 3, item 6): prepare a SEN2 return a SEN manager asked for. Not retried: a
# failed run is shown as failed and the manager asks again.
@app.task(queue="default", lock="sen2_prepare")
def sen2_prepare(run_id: int) -> dict[str, Any]:
    run = sen2_run_execute(run_id=run_id, today=today())
    return {"run": run.pk, "status": run.status, "people": run.people, "seconds": run.seconds}
