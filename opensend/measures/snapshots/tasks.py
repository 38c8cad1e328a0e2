"""The nightly indicator snapshots (Procrastinate; see docs/background-jobs.md).

03:00 UTC, after the clock refresh (02:30) has brought the stored steps up to date:
store every live indicator as it stands that day (opensend/measures/snapshots/services.py).
Registered through opensend/measures/tasks.py, the module Procrastinate imports.
"""

import logging
from typing import Any

from procrastinate.contrib.django import app

from opensend.core.jobs import RETRY, day_of
from opensend.measures.snapshots.services import snapshot_areas, snapshots_take

logger = logging.getLogger(__name__)

# The name stored with queued jobs and periodic runs: kept from before the task moved
# here, so that jobs queued by an older release still find it.
TASK_NAME = "opensend.measures.tasks.nightly_indicator_snapshots"


@app.periodic(cron="0 3 * * *")
@app.task(
    name=TASK_NAME,
    queueing_lock="nightly_indicator_snapshots",
    lock="nightly_indicator_snapshots",
    retry=RETRY,
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
