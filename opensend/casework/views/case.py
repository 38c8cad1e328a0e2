"""The case page: a case's statutory steps, advice, plan versions and history."""

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.clock import clock_for
from opensend.casework.models import Case, CaseEvent
from opensend.casework.presenters import pages as presenters
from opensend.casework.selectors import case_details, case_get, case_timeline
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.statutory.clock import ClockError, ClockResult


def clock_or_error(
    case: Case, events: Iterable[CaseEvent], day: dt.date
) -> tuple[ClockResult | None, str]:
    """The clock today, or None and the clock's plain-English reason when the recorded
    history cannot be put on a clock (pages then show the steps as last stored)."""
    try:
        return clock_for(case, events, day), ""
    except ClockError as error:
        return None, str(error)


@permission_required("casework.view_case")
@require_GET
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    day = today()
    case = case_get(user=request.user, case_id=case_id, today=day, why="case page", request=request)
    timeline = case_timeline(case)
    clock, clock_error = clock_or_error(case, timeline["events"], day)
    page = presenters.case_page(
        case,
        timeline=timeline,
        clock=clock,
        clock_error=clock_error,
        details=case_details(case, day),
        today=day,
        can_act=has_perm(request.user, "casework.change_case"),
        can_allocate=has_perm(request.user, "casework.allocate_case"),
    )
    return render_page(request, "casework/case.html", {"case": case, "page": page})
