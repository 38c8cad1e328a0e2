"""The case page: a case's statutory steps, advice, plan versions and history."""

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.clock import clock_for, clock_history
from opensend.casework.family_selectors import family_accounts
from opensend.casework.models import Case, CaseEvent
from opensend.casework.presenters import pages as presenters
from opensend.casework.presenters.child_record import child_record_page
from opensend.casework.record_selectors import child_record
from opensend.casework.selectors import (
    case_details,
    case_get,
    case_timeline,
    decision_letters,
)
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.statutory.clock import ClockError, ClockResult
from opensend.statutory.order import allowed_next


def clock_or_error(
    case: Case, events: Iterable[CaseEvent], day: dt.date
) -> tuple[ClockResult | None, str]:
    """The clock today, or None and the clock's plain-English reason when the recorded
    history cannot be put on a clock (pages then show the steps as last stored)."""
    try:
        return clock_for(case, events, day), ""
    except ClockError as error:
        return None, str(error)


def allowed_today(events: Iterable[CaseEvent], day: dt.date) -> list[str] | None:
    """The event kinds the order of statutory steps allows today (None: the history cannot
    be read, and the page offers what is usual at the stage)."""
    try:
        return allowed_next(clock_history(events), day)
    except ClockError:
        return None


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
        allowed=allowed_today(timeline["events"], day),
        unissued_allowed=has_perm(request.user, "casework.see_unissued_documents", case),
        can_record_consent=has_perm(request.user, "casework.record_consent", case),
    )
    records = child_record_page(
        case.child, child_record(case),
        can_change=has_perm(request.user, "casework.change_child_record"),
        can_change_plan=has_perm(request.user, "casework.change_case"),
    )
    return render_page(
        request, "casework/case.html",
        {"case": case, "page": page, "records": records, "letters": decision_letters(case),
         "accounts": family_accounts(case, day)},
    )
