"""Store the clock's steps for the queues (the write side of casework/clock.py)."""

import datetime as dt

from opensend.casework.clock import clock_for
from opensend.casework.models import Case, CaseStep
from opensend.casework.signals import case_changed
from opensend.statutory.clock import ClockResult


def case_steps_refresh(*, case: Case, today: dt.date) -> ClockResult:
    """Recompute the clock from every event and store its steps for the queues; then tell
    the read models (``signals.case_changed``), in the same transaction."""
    result = clock_for(case, case.events.all(), today)
    CaseStep.objects.filter(case=case).delete()
    CaseStep.objects.bulk_create(
        CaseStep(case=case, step=s.step, due=s.due, done=s.done, status=s.status, rule=s.rule)
        for s in result.steps
    )
    case_changed.send(sender=Case, case_id=case.pk)
    return result
