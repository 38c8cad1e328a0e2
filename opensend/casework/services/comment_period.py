"""The family's written agreement to end a comment period early (Reg 13(1), Reg 22(2)).

A final plan may not be issued until the 15 days the family has to comment on the draft
(or on proposed amendments) have run, unless the family agreed in writing to end them
early; the agreement is recorded as its own event, so the history says why the plan came
early (docs/statutory-clock.md, event comment_period_ended_early).
"""

import datetime as dt

from django.db import transaction

from opensend.casework.models import Case, CaseEvent, EventKind
from opensend.casework.services.common import case_change_finish, case_event_record, case_lock
from opensend.people.models import User


@transaction.atomic
def comment_period_end_early(
    *,
    actor: User,
    case: Case,
    agreed_on: dt.date,
    who_agreed: str,
    how: str,
    today: dt.date,
    expected_version: int | None,
) -> CaseEvent:
    """Record the family's written agreement (the order of steps refuses it when no draft
    or proposed amendments are waiting for comments)."""
    case_lock(case=case, expected_version=expected_version)
    agreement = case_event_record(
        case=case,
        event=EventKind.COMMENT_PERIOD_ENDED_EARLY,
        occurred_on=agreed_on,
        actor=actor,
        who_agreed=who_agreed,
        how=how,
    )
    case_change_finish(
        case=case, actor=actor, today=today, why="record agreement to end comment period early"
    )
    return agreement
