"""Lists of cases for staff: the work queue, the team's caseload and "my cases"."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.forms.queue import QueueFilterForm
from opensend.casework.presenters import pages as presenters
from opensend.casework.presenters.queue import queue_page
from opensend.casework.queue_selectors import queue_caseworkers, queue_counts, work_queue
from opensend.casework.selectors import (
    LIST_LIMIT,
    advice_outstanding,
    my_cases,
    team_caseload,
)
from opensend.core.pagination import page_of
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.core.today import today

QUEUE_PAGE_SIZE = 50


@permission_required("casework.view_queue")
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The statutory steps to do, soonest first, a page at a time, filtered by step
    kind, status and (SEN managers) caseworker."""
    day, user = today(), request.user
    whole_team = has_perm(user, "casework.view_team_caseload")
    form = QueueFilterForm(request.GET, caseworkers=queue_caseworkers(user) if whole_team else [])
    chosen = form.chosen()
    counts = queue_counts(user=user, today=day, chosen=chosen)
    page = page_of(request.GET.get("page"), total=counts[chosen.status or "all"],
                   size=QUEUE_PAGE_SIZE)  # fmt: skip
    steps = work_queue(user=user, today=day, chosen=chosen, limit=page.size,
                       offset=page.offset, request=request)  # fmt: skip
    context = queue_page(steps, form=form, chosen=chosen, counts=counts, page=page,
                         path=request.path, today=day, show_caseworker=whole_team)  # fmt: skip
    return render_page(request, "casework/queue.html", {"queue": context})


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
