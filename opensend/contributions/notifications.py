"""Telling the council that a family has contributed (core/notifications: one key per
event and recipient, so each contribution tells each person once).

The case's caseworker is told; a case no one is allocated to yet (a family's new
request) tells the SEN managers of its local authority, whose queue it waits in."""

import datetime as dt

from opensend.casework.models import Case
from opensend.casework.notifications import case_link, first_name, next_open_step
from opensend.casework.presenters.steps import step_name
from opensend.core.notifications import Message, notification_create
from opensend.people.models import Membership, Role


def council_emails(case: Case) -> set[str]:
    worker = case.caseworker
    if worker is not None and worker.is_active:
        return {worker.email.lower()}
    managers = Membership.objects.filter(
        role=Role.SEN_MANAGER, organisation=case.local_authority_id, user__is_active=True
    ).values_list("user__email", flat=True)
    return {email.lower() for email in managers if email}


def contribution_notify(*, case: Case, key: str, today: dt.date, words: str) -> int:
    """Tell the council (sent after the contribution commits); returns how many were
    created. The message names the next step of the case and its date, never what the
    family wrote."""
    step = next_open_step(case, today)
    message = Message(
        child_first_name=first_name(case.child),
        event=words,
        link=case_link(case),
        next_step=step_name(step.step) if step else "",
        next_step_due=step.due if step else None,
    )
    return len(notification_create(key=key, recipients=council_emails(case), message=message))
