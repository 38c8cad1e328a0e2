"""Lists of cases for staff: the work queue, the team's caseload and "my cases"."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.presenters import pages as presenters
from opensend.casework.selectors import (
    LIST_LIMIT,
    advice_outstanding,
    my_cases,
    queue_counts,
    team_caseload,
    work_queue,
)
from opensend.core.permissions import staff_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.people.models import Role

QUEUE_FILTERS = {
    "all": "All",
    "overdue": "Overdue",
    "due_this_week": "Due this week",
    "waiting_on_advice": "Waiting on advice",
}


@staff_required(Role.CASEWORKER, Role.SEN_MANAGER)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    day, user = today(), request.user
    show = request.GET.get("show", "all")
    show = show if show in QUEUE_FILTERS else "all"
    steps = work_queue(user=user, today=day, show=show, limit=LIST_LIMIT, request=request)
    counts = queue_counts(user=user, today=day)
    return render_page(
        request,
        "casework/queue.html",
        {
            "rows": presenters.queue_rows(steps, day),
            "show": show,
            "filters": QUEUE_FILTERS,
            "counts": counts,
            "show_caseworker": user.has_role(Role.SEN_MANAGER),
        },
    )


@staff_required(Role.SEN_MANAGER)
@require_GET
def team(request: HttpRequest) -> HttpResponse:
    rows = presenters.team_rows(team_caseload(user=request.user, today=today()))
    return render_page(
        request,
        "casework/team.html",
        {
            "rows": rows,
            "total_open": sum(row.open_cases for row in rows),
            "total_overdue": sum(row.overdue for row in rows),
        },
    )


@staff_required(Role.SENCO, Role.ADVICE_GIVER, Role.PANEL_MEMBER)
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    day, user = today(), request.user
    advice = (
        advice_outstanding(user=user, today=day, request=request)
        if user.has_role(Role.ADVICE_GIVER)
        else []
    )
    cases = my_cases(user=user, today=day, request=request)
    return render_page(
        request,
        "casework/my_cases.html",
        {
            "advice": presenters.outstanding_advice_rows(advice, day),
            "show_advice": user.has_role(Role.ADVICE_GIVER),
            "rows": presenters.my_case_rows(cases, day),
            "limit": LIST_LIMIT,
        },
    )
