"""Rows for the backlog measures: every initial request that may still be open on the
period's last day (one query, and one for the refusals).

A request leaves the backlog when its final plan is issued (``Plan.first_issued_on``) or
when it ends without one: a decision not to assess or not to issue a plan, read through
casework's event selectors. With ``as_of`` (a backfilled month end) anything recorded as
happening after that day had not happened yet, so the request was still open then.
"""

import datetime as dt

from django.db.models import Q

from opensend.casework.event_selectors import refusals
from opensend.casework.models import EhcRequest, Stage
from opensend.measures.live.facts_assessment import Cutoff
from opensend.measures.live.fetch import tuples
from opensend.statutory.indicators import BacklogRow, Period

__all__ = ["backlog_rows"]


def _ended_without_plan(local_authority_id: int) -> dict[int, dt.date]:
    """The day each refused request ended: its last refusal (to assess, Reg 5; or to
    issue a plan, Reg 10), for the cases whose stage is a refusal now."""
    ended: dict[int, dt.date] = {}
    found = refusals(local_authority_id, (Stage.NOT_ASSESSED, Stage.NOT_ISSUED))
    for case_id, day in tuples(found):
        ended[case_id] = max(day, ended.get(case_id, day))
    return ended


def backlog_rows(local_authority_id: int, period: Period, cutoff: Cutoff) -> list[BacklogRow]:
    """Requests received by the period's last day with no final plan known by then; the
    formulas leave out those that had ended without one (``backlog.open_on``)."""
    day = cutoff.last(period.end)
    ended = _ended_without_plan(local_authority_id)
    no_plan_yet = Q(case__plan__first_issued_on__isnull=True) | Q(
        case__plan__first_issued_on__gt=day
    )
    requests = (
        EhcRequest.objects.filter(case__local_authority_id=local_authority_id, received_on__lte=day)
        .filter(no_plan_yet)
        .values_list("case_id", "received_on", "case__plan__first_issued_on")
    )
    return [
        BacklogRow(received, cutoff.known(issued), cutoff.known(ended.get(case_id)), case_id)
        for case_id, received, issued in tuples(requests)
    ]
