"""The SEN2 return's background job (Procrastinate; see docs/background-jobs.md).

On request: prepare a large area's SEN2 return (opensend/measures/returns/sen2/jobs.py).
Registered through opensend/measures/tasks.py, the module Procrastinate imports.
"""

from typing import Any

from procrastinate.contrib.django import app

from opensend.core.today import today
from opensend.measures.returns.sen2.jobs import sen2_run_execute

# The name stored with queued jobs: kept from before the task moved here, so that a run
# queued by an older release still finds it.
TASK_NAME = "opensend.measures.tasks.sen2_prepare"


# sen2 (issue 3, item 6): prepare a SEN2 return a SEN manager asked for. Not retried: a
# failed run is shown as failed and the manager asks again.
@app.task(name=TASK_NAME, queue="default", lock="sen2_prepare")
def sen2_prepare(run_id: int) -> dict[str, Any]:
    run = sen2_run_execute(run_id=run_id, today=today())
    return {"run": run.pk, "status": run.status, "people": run.people, "seconds": run.seconds}
