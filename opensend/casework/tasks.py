"""Casework's background jobs (Procrastinate; see docs/background-jobs.md).

procrastinate.contrib.django imports every installed app's `tasks.py` when Django starts
(setting PROCRASTINATE_AUTODISCOVER_MODULE_NAME, default "tasks"), so the worker knows
these tasks and their schedules. Periodic tasks only run while a worker runs:
`python manage.py procrastinate worker`.

Cron times are UTC (Procrastinate reads cron against the Unix clock): 02:00 UTC is 02:00
in London in winter and 03:00 in summer, both quiet hours. The day a job works for is the
London date of its scheduled time, so a job that starts late still works for the right day.
"""

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from procrastinate.contrib.django import app

from opensend.casework.clock import clock_for
from opensend.casework.models import Case, CaseStep
from opensend.casework.notifications import case_event_notify
from opensend.casework.reminders import reminders_send
from opensend.casework.services.clock import case_steps_refresh
from opensend.casework.services.transfers import phase_transfers_derive
from opensend.core.jobs import RETRY, SEND_RETRY, day_of
from opensend.statutory.clock import ClockError

logger = logging.getLogger(__name__)

BATCH_SIZE = 500  # cases per transaction in the clock refresh
LOG_EVERY = 5000  # cases between two progress lines
LOG_FAILURES = 20  # cases named in the log when the clock rejects their events; then a count


@dataclass
class ClockRefreshReport:
    today: dt.date
    refreshed: int = 0  # recomputed for today
    changed: int = 0  # of those, the ones whose stored steps were out of date and rewritten
    failed: int = 0  # the clock rejected the case's events; its steps are left as they were

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "refreshed": self.refreshed,
            "changed": self.changed,
            "failed": self.failed,
        }


def open_case_ids() -> list[int]:
    """Cases whose stored steps can change with the date alone: a step not yet done (its
    status goes from open to overdue, a window closes) or no stored steps at all."""
    step_not_done = Exists(CaseStep.objects.filter(case=OuterRef("pk"), done__isnull=True))
    any_step = Exists(CaseStep.objects.filter(case=OuterRef("pk")))
    cases = Case.objects.filter(step_not_done | ~any_step).order_by("pk")
    return list(cases.values_list("pk", flat=True))


def _rows(steps: Iterable[Any]) -> Counter[tuple[Any, ...]]:
    """The steps as a multiset (a Counter, not a sorted list: `done` may be None)."""
    return Counter((s.step, s.due, s.done, s.status, s.rule) for s in steps)


def _refresh_batch(case_ids: list[int], today: dt.date, report: ClockRefreshReport) -> None:
    # FOR UPDATE: a caseworker's save (case_lock updates the case row) waits for the batch,
    # so two refreshes of one case never interleave and duplicate its steps.
    cases = (
        Case.objects.filter(pk__in=case_ids)
        .select_for_update(of=("self",))
        .select_related("child")
        .prefetch_related("events", "steps")
        .order_by("pk")
    )
    with transaction.atomic():
        for case in cases:
            try:
                result = clock_for(case, case.events.all(), today)
            except ClockError as error:  # nothing written: the batch goes on
                report.failed += 1
                if report.failed <= LOG_FAILURES:
                    logger.warning("Clock refresh: case %s skipped: %s", case.pk, error)
                continue
            report.refreshed += 1
            # Most nights most cases do not change: write only the ones that did.
            if _rows(result.steps) != _rows(case.steps.all()):
                case_steps_refresh(case=case, today=today)
                report.changed += 1


def clock_refresh_open_cases(
    *, today: dt.date, batch_size: int = BATCH_SIZE, log_every: int = LOG_EVERY
) -> ClockRefreshReport:
    """Recompute the stored clock (CaseStep) of every open case for ``today``."""
    report = ClockRefreshReport(today=today)
    case_ids = open_case_ids()
    logger.info("Clock refresh for %s: %d cases", today, len(case_ids))
    next_log = log_every
    for start in range(0, len(case_ids), batch_size):
        _refresh_batch(case_ids[start : start + batch_size], today, report)
        done = min(start + batch_size, len(case_ids))
        if done >= next_log:
            logger.info("Clock refresh: %d of %d cases", done, len(case_ids))
            next_log = done - done % log_every + log_every
    if report.failed:
        logger.warning("Clock refresh: the clock rejected the events of %d cases", report.failed)
    logger.info("Clock refresh done: %s", report.as_dict())
    return report


@app.periodic(cron="0 2 * * *")
@app.task(queueing_lock="nightly_phase_transfers", lock="nightly_phase_transfers", retry=RETRY)
def nightly_phase_transfers(timestamp: int) -> dict[str, Any]:
    """02:00: record the phase transfers due within 18 months (Reg 18)."""
    report = phase_transfers_derive(actor=None, today=day_of(timestamp))
    logger.info("Nightly phase transfers: %s", report.as_dict())
    return report.as_dict()


@app.periodic(cron="30 2 * * *")
@app.task(queueing_lock="nightly_clock_refresh", lock="nightly_clock_refresh", retry=RETRY)
def nightly_clock_refresh(timestamp: int) -> dict[str, Any]:
    """02:30: recompute every open case's steps, whose statuses depend on the date."""
    return clock_refresh_open_cases(today=day_of(timestamp)).as_dict()


@app.task(queue="notifications", retry=SEND_RETRY)
def case_event_notify_job(event_id: int) -> int:
    """Tell the people a case event concerns (deferred when the event commits): the
    notifications it creates are sent by opensend.core.jobs.notification_send."""
    return case_event_notify(event_id=event_id, today=timezone.localdate())


@app.periodic(cron="30 6 * * *")
@app.task(queueing_lock="daily_reminders", lock="daily_reminders", retry=RETRY)
def daily_reminders(timestamp: int) -> dict[str, int]:
    """06:30 UTC: remind advisers, caseworkers, schools and families of what is due
    (casework/reminders.py); each reminder is sent once, so a retry sends nothing twice."""
    report = reminders_send(day_of(timestamp))
    logger.info("Daily reminders: %s", report.as_dict())
    return report.as_dict()
