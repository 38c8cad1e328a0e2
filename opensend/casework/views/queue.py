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
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.core.today import today

QUEUE_FILTERS = {
    "all": "All",
    "overdue": "Overdue",
    "due_this_week": "Due this week",
    "waiting_on_advice": "Waiting on advice",
}


@permission_required("casework.view_queue")
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
            "show_caseworker": has_perm(user, "casework.view_team_caseload"),
        },
    )


@permission_required("casework.view_team_caseload")
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


@permission_required("casework.view_my_cases")
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    day, user = today(), request.user
    advice = (
        advice_outstanding(user=user, today=day, request=request)
        if has_perm(user, "casework.view_outstanding_advice")
        else []
    )
    cases = my_cases(user=user, today=day, request=request)
    return render_page(
        request,
        "casework/my_cases.html",
        {
            "advice": presenters.outstanding_advice_rows(advice, day),
            "show_advice": has_perm(user, "casework.view_outstanding_advice"),
            "rows": presenters.my_case_rows(cases, day),
            "limit": LIST_LIMIT,
        },
    )
