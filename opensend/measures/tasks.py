"""The measures app's background jobs (Procrastinate; see docs/background-jobs.md).

procrastinate.contrib.django imports every installed app's ``tasks.py`` when Django
starts, so the worker knows these tasks.
"""

from typing import Any

from procrastinate.contrib.django import app

from opensend.core.today import today
from opensend.measures.sen2.jobs import sen2_run_execute


# sen2 (issue 3, item 6): prepare a SEN2 return a SEN manager asked for. Not retried: a
# failed run is shown as failed and the manager asks again.
@app.task(queue="default", lock="sen2_prepare")
def sen2_prepare(run_id: int) -> dict[str, Any]:
    run = sen2_run_execute(run_id=run_id, today=today())
    return {"run": run.pk, "status": run.status, "people": run.people, "seconds": run.seconds}
