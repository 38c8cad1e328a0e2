"""Preparing the SEN2 return in the background (Procrastinate; docs/background-jobs.md).

A whole area takes tens of seconds (bench/bench_returns.py), too long for a page request.
The SEN manager asks for a run; a small area (SYNC_LIMIT cases or fewer) is prepared at
once, a larger one by the ``sen2_prepare`` job (opensend/measures/returns/tasks.py). The run
keeps the XML (gzip) and the validation failures, so the report and the download read the
stored result: what is downloaded is exactly what was checked.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import time
from dataclasses import asdict

from django.db.models import QuerySet
from django.utils import timezone

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.measures.returns.sen2.exports import area_cases, sen2_build, user_cases
from opensend.measures.returns.sen2.models import RunStatus, Sen2Run
from opensend.measures.returns.sen2.validation import Failure
from opensend.people.models import Organisation, User

__all__ = [
    "SYNC_LIMIT",
    "latest_run",
    "run_download",
    "run_failures",
    "sen2_run_execute",
    "sen2_run_start",
]

logger = logging.getLogger(__name__)

SYNC_LIMIT = 2000  # cases: at most about a second; larger areas go to the job


def sen2_run_start(
    *, user: User, local_authority: Organisation, census_date: dt.date, today: dt.date
) -> Sen2Run:
    """Ask for a run: prepared now for a small area, else queued for the worker."""
    from opensend.measures.returns.tasks import sen2_prepare  # the task module imports this one

    run = Sen2Run.objects.create(
        local_authority=local_authority, census_date=census_date, requested_by=user
    )
    if user_cases(user, local_authority, today).count() <= SYNC_LIMIT:
        return sen2_run_execute(run_id=run.pk, today=today)
    sen2_prepare.defer(run_id=run.pk)
    return run


def _cases(run: Sen2Run, today: dt.date) -> QuerySet:
    user = run.requested_by
    if user is None or not user.is_active:
        return area_cases(run.local_authority).none()
    return user_cases(user, run.local_authority, today)


def sen2_run_execute(*, run_id: int, today: dt.date) -> Sen2Run:
    """Build the return for the run's area, census date and requester's scope."""
    run = Sen2Run.objects.select_related("local_authority", "requested_by").get(pk=run_id)
    Sen2Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    started = time.monotonic()
    try:
        export = sen2_build(
            cases=_cases(run, today),
            local_authority=run.local_authority,
            census_date=run.census_date,
            today=today,
        )
    except Exception as error:
        logger.exception("SEN2 run %s failed", run.pk)
        run.status, run.error = RunStatus.FAILED, str(error)[:2000]
    else:
        run.status = RunStatus.DONE
        run.people = len(export.sen2.persons)
        run.children = sorted({person.child_id for person in export.sen2.persons})
        run.failures = [asdict(failure) for failure in export.failures]
        run.xml_gzip = gzip.compress(export.xml(), mtime=0)
        run.file_name = export.file_name
    run.finished_at = timezone.now()
    run.seconds = round(time.monotonic() - started, 2)
    run.save()
    if run.status == RunStatus.DONE:  # keep one prepared return per area and census date
        Sen2Run.objects.filter(
            local_authority=run.local_authority, census_date=run.census_date, pk__lt=run.pk
        ).exclude(status__in=(RunStatus.QUEUED, RunStatus.RUNNING)).delete()
    return run


def latest_run(
    *, local_authority: Organisation, census_date: dt.date, ready: bool = False
) -> Sen2Run | None:
    """The area's latest run for the census date (the latest finished one if ``ready``)."""
    runs = Sen2Run.objects.filter(local_authority=local_authority, census_date=census_date)
    runs = runs.filter(status=RunStatus.DONE) if ready else runs.defer("xml_gzip")
    return runs.order_by("-requested_at", "-pk").first()


def run_failures(run: Sen2Run) -> list[Failure]:
    return [Failure(**failure) for failure in run.failures]


def run_download(*, run: Sen2Run, actor: object, why: str, request: object = None) -> bytes:
    """The prepared XML, after writing the audit row naming every child in it."""
    audit(
        actor=actor,
        action=AuditAction.EXPORT,
        why=why,
        request=request,
        detail={
            "export": "SEN2",
            "census_date": run.census_date.isoformat(),
            "local_authority": run.local_authority.la_code,
            "run": run.pk,
            "children": run.children,
        },
    )
    return gzip.decompress(bytes(run.xml_gzip or b""))
