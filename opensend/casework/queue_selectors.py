"""Reads for the work queue: a coordinator's (or the whole team's) open statutory steps,
filtered by step kind, status and caseworker and read a page at a time (issue 9, item 7).

Scoped like every casework read (opensend/people/rules.py visible_children); each page
read writes one audit event naming the children shown.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from opensend.casework.models import CaseStep
from opensend.casework.selectors import OPEN_STAGES
from opensend.core.audit import audit_list
from opensend.core.permissions import has_perm
from opensend.people.models import Role, User
from opensend.people.rules import visible_children

QUEUE_FILTERS = {
    "overdue": lambda today: Q(due__lt=today),
    "due_this_week": lambda today: Q(due__gte=today, due__lte=today + dt.timedelta(days=7)),
    "waiting_on_advice": lambda today: Q(step__startswith="advice:"),
}
# The work queue's status filter: by when each open step falls due (issue 9, item 7).
QUEUE_STATUSES = {
    "overdue": QUEUE_FILTERS["overdue"],
    "due_this_week": QUEUE_FILTERS["due_this_week"],
    "later": lambda today: Q(due__gt=today + dt.timedelta(days=7)),
}
ADVICE_STEPS = "advice"  # every advice:<service> step
NOT_ALLOCATED = "none"


@dataclass(frozen=True)
class QueueFilter:
    """Which open steps the queue shows: "" means any. ``step`` is a step kind (e.g.
    "final_plan", or "advice" for every advice step); ``caseworker`` a user id, or
    "none" for cases not allocated (SEN managers only: a coordinator sees their own)."""

    step: str = ""
    status: str = ""
    caseworker: str = ""


def _step_q(step: str) -> Q:
    return Q(step__startswith="advice:") if step == ADVICE_STEPS else Q(step=step)


def _queue_steps(user: User, today: dt.date, chosen: QueueFilter) -> QuerySet[CaseStep]:
    """Open steps of the user's open cases, by step kind and caseworker (not status)."""
    steps = CaseStep.objects.filter(
        done__isnull=True,
        case__child__in=visible_children(user, today),
        case__stage__in=OPEN_STAGES,
    )
    if not has_perm(user, "casework.view_team_caseload"):  # a coordinator: their own
        steps = steps.filter(case__caseworker=user)
    elif chosen.caseworker == NOT_ALLOCATED:
        steps = steps.filter(case__caseworker__isnull=True)
    elif chosen.caseworker.isdigit():
        steps = steps.filter(case__caseworker_id=int(chosen.caseworker))
    return steps.filter(_step_q(chosen.step)) if chosen.step else steps


def work_queue(
    *,
    user: User,
    today: dt.date,
    show: str = "all",
    limit: int = 200,
    offset: int = 0,
    chosen: QueueFilter | None = None,
    request: object = None,
) -> list[CaseStep]:
    """The open statutory steps of the user's cases, soonest due first: ``limit`` of
    them from ``offset`` (a page), filtered by ``chosen`` (or the older ``show``)."""
    chosen = chosen or QueueFilter()
    steps = _queue_steps(user, today, chosen).select_related("case__child", "case__caseworker")
    if chosen.status in QUEUE_STATUSES:
        steps = steps.filter(QUEUE_STATUSES[chosen.status](today))
    if show in QUEUE_FILTERS:
        steps = steps.filter(QUEUE_FILTERS[show](today))
    rows = list(steps.order_by("due", "case_id", "pk")[offset : offset + limit])
    audit_list(
        actor=user, child_ids=[row.case.child_id for row in rows], why="work queue", request=request
    )
    return rows


def queue_counts(
    *, user: User, today: dt.date, chosen: QueueFilter | None = None
) -> dict[str, int]:
    """How many open steps match each status (and "all"), within the step kind and
    caseworker ``chosen``; also how many are advice ("waiting_on_advice")."""
    steps = _queue_steps(user, today, chosen or QueueFilter())
    filters = QUEUE_FILTERS | QUEUE_STATUSES
    return steps.aggregate(
        all=Count("id"), **{name: Count("id", filter=f(today)) for name, f in filters.items()}
    )


def queue_caseworkers(user: User) -> list[User]:
    """The EHC coordinators of the SEN manager's local authorities (no child data)."""
    areas = user.memberships.filter(role=Role.SEN_MANAGER).values("organisation_id")
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role=Role.CASEWORKER,
            memberships__organisation_id__in=areas,
        )
        .distinct()
        .order_by("full_name", "pk")
    )
