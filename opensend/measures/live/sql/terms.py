"""Every indicator as aggregates over the projection: written here once, generated into
one query per kind of fact (docs/measures-sql.md).

Each ``Measure`` names the fact kind, its shape and SQL predicates over that kind's row
``f``. The Python formulas in ``opensend.statutory.indicators`` remain the specification:
tests/measures/live/test_sql_engine.py checks, over random areas, that every indicator here
gives the same IndicatorValue as its formula for every period, breakdown and as_of.

Parameters every predicate may use: ``%(start)s`` and ``%(end)s`` (the period),
``%(as_of)s`` (the day counted up to; 9999-12-31 for "everything recorded") and
``%(last)s`` (the earlier of end and as_of). A recorded date ``d`` is "known" when
``d <= %(as_of)s``; the statutory due dates were stored by the projection.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final, Literal

from opensend.statutory.clock import ADVICE_SOURCES
from opensend.statutory.clock.assessment import DECISION_WEEKS, NOT_TO_ISSUE_WEEKS
from opensend.statutory.codes import CeaseReason, NeedType
from opensend.statutory.indicators import INDICATORS
from opensend.statutory.indicators.backlog import (
    AGE_BANDS,
    FINAL_PLAN_WEEKS,
    LONG_WAIT_WEEKS,
    AgeBand,
)
from opensend.statutory.indicators.placements import PLACEMENTS

__all__ = ["MEASURES", "Measure", "Shape", "rows_counted"]

Shape = Literal["count", "percent", "ratio", "average_weeks"]


@dataclass(frozen=True)
class Measure:
    """``of``: the rows counted (a count) or divided by; ``hit``: the numerator's rows
    among them (a percentage). A ratio divides the rows ``of`` by their distinct
    caseworkers; an average divides their days from request to plan by 7 per plan."""

    kind: str
    shape: Shape
    of: str
    hit: str = ""


def _and(*predicates: str) -> str:
    return " AND ".join(f"({predicate})" for predicate in predicates if predicate)


def _on_time(done: str, due: str) -> str:
    """The clock's rule: done (and known by as_of) on or before the due date."""
    return f"{done} <= {due} AND {done} <= %(as_of)s"


def _known_in(column: str) -> str:
    """The period contains the day, as known on as_of."""
    return f"{column} BETWEEN %(start)s AND %(last)s"


# --- requests (Reg 5(1)) -------------------------------------------------------------------
RECEIVED_IN: Final = "f.received >= %(start)s"  # the kind's filter keeps received <= last
DECIDED_IN: Final = _and("f.outcome IS NOT NULL", _known_in("f.decided_on"))
DECIDED_BY_AS_OF: Final = "f.outcome IS NOT NULL AND f.decided_on <= %(as_of)s"
# --- plans (Reg 13) --------------------------------------------------------------------------
NEW_PLAN: Final = "f.request_received IS NOT NULL AND f.issued >= %(start)s"
EXCUSED: Final = "f.exception_from <= %(as_of)s"
NOT_EXCUSED: Final = "f.exception_from IS NULL OR f.exception_from > %(as_of)s"
IN_PLACE: Final = "f.ceased IS NULL OR f.ceased > %(end)s OR f.ceased > %(as_of)s"
CEASED_IN: Final = _known_in("f.ceased")
PLACEMENT: Final = "COALESCE(s.placement, 'elsewhere')"
# --- reviews (CFA s44(1), Reg 20(10), Reg 22(3)) ---------------------------------------------
DUE_IN: Final = "f.due BETWEEN %(start)s AND %(end)s"
HELD_IN: Final = _known_in("f.held")
# --- disputes (CFA s51, s53-55) --------------------------------------------------------------
CONCLUDED_IN: Final = _known_in("f.concluded")


def _requests() -> Iterator[tuple[str, Measure]]:
    yield "ehc_requests_received", Measure("requests", "count", RECEIVED_IN)
    yield (
        "requests_decided_within_6_weeks",
        Measure("requests", "percent", DECIDED_IN, "f.decided_on <= f.decision_due"),
    )
    yield (
        "requests_refused",
        Measure(
            "requests", "percent", _and(RECEIVED_IN, DECIDED_BY_AS_OF), "f.outcome = 'not_assess'"
        ),
    )


# --- the backlog on the period's last day (indicators.backlog) --------------------------------
# Open: received by then (as known on as_of), no final plan issued and not ended without
# one by then (a refusal to assess, Reg 5(1), or to issue a plan, Reg 10(1)).
OPEN: Final = _and(
    "f.final_plan_issued IS NULL OR f.final_plan_issued > %(last)s",
    "f.ended_without_plan IS NULL OR f.ended_without_plan > %(last)s",
)
# The day each limit of the wait falls on, stored by the projection (dates.add_weeks).
LIMIT_COLUMNS: Final = {
    DECISION_WEEKS: "f.decision_due",  # Reg 5(1)
    NOT_TO_ISSUE_WEEKS: "f.not_to_issue_due",  # Reg 10(1)
    FINAL_PLAN_WEEKS: "f.final_plan_due",  # Reg 13(2)
    LONG_WAIT_WEEKS: "f.long_wait_after",  # the DfE's over-52-weeks band
}


def _past(weeks: int) -> str:
    """``backlog.past_weeks``: the limit's last day has gone by the period's last day."""
    return f"%(end)s > {LIMIT_COLUMNS[weeks]}"


def _aged(band: AgeBand) -> str:
    over = "TRUE" if band.over is None else _past(band.over)
    return _and(over, "" if band.up_to is None else f"NOT ({_past(band.up_to)})")


def _backlog() -> Iterator[tuple[str, Measure]]:
    yield "open_requests", Measure("requests", "count", OPEN)
    for weeks in (FINAL_PLAN_WEEKS, LONG_WAIT_WEEKS):
        yield (
            f"open_requests_past_{weeks}_weeks",
            Measure("requests", "count", _and(OPEN, _past(weeks))),
        )
    for band in AGE_BANDS:
        yield f"open_requests_aged_{band.key}", Measure("requests", "percent", OPEN, _aged(band))


def _plans() -> Iterator[tuple[str, Measure]]:
    within_20 = "f.issued <= f.final_plan_due"
    yield "new_plans", Measure("plans", "count", NEW_PLAN)
    yield (
        "plans_issued_within_20_weeks_excl_exceptions",
        Measure("plans", "percent", _and(NEW_PLAN, NOT_EXCUSED), within_20),
    )
    yield (
        "plans_issued_within_20_weeks_incl_exceptions",
        Measure("plans", "percent", NEW_PLAN, within_20),
    )
    yield (
        "plans_issued_over_52_weeks",
        Measure("plans", "percent", NEW_PLAN, "f.issued > f.long_wait_after"),
    )
    yield "average_weeks_to_issue", Measure("plans", "average_weeks", NEW_PLAN)
    yield "plans_in_place", Measure("plans", "count", IN_PLACE)
    yield "plans_ceased", Measure("plans", "count", CEASED_IN)
    for reason in CeaseReason:
        code = f"plans_ceased_{reason.name.lower()}"
        yield code, Measure("plans", "count", _and(CEASED_IN, f"f.cease_reason = '{reason.value}'"))
    recorded = _and(IN_PLACE, "f.need IS NOT NULL")
    for need in NeedType:
        code = f"primary_need_{need.value.lower()}"
        yield code, Measure("plans", "percent", recorded, f"f.need = '{need.value}'")
    for key in PLACEMENTS:
        yield f"placements_{key}", Measure("plans", "percent", IN_PLACE, f"{PLACEMENT} = '{key}'")
    named = _and(IN_PLACE, "f.named_setting_id IS NOT NULL")
    yield "placements_in_area", Measure("plans", "percent", named, "s.in_area")
    yield "placements_out_of_area", Measure("plans", "percent", named, "NOT s.in_area")


def _advice() -> Iterator[tuple[str, Measure]]:
    """Reg 8(1): the kind's filter keeps the advice falling due in the period."""
    on_time = _on_time("f.received", "f.due")
    yield "advice_within_6_weeks", Measure("advice", "percent", "TRUE", on_time)
    for source in ADVICE_SOURCES:
        of = f"f.source = '{source}'"
        yield f"advice_within_6_weeks_{source}", Measure("advice", "percent", of, on_time)
    yield (
        "advice_within_6_weeks_excl_exceptions",
        Measure("advice", "percent", NOT_EXCUSED, on_time),  # Reg 8(2)
    )


def _reviews() -> Iterator[tuple[str, Measure]]:
    yield "annual_reviews_due", Measure("reviews", "count", DUE_IN)
    yield "annual_reviews_held", Measure("reviews", "count", HELD_IN)
    yield (
        "annual_reviews_held_by_due_date",
        Measure("reviews", "percent", DUE_IN, _on_time("f.held", "f.due")),
    )
    yield (
        "review_decisions_within_4_weeks",
        Measure("reviews", "percent", HELD_IN, _on_time("f.decided_on", "f.decision_due")),
    )
    amending = _and(HELD_IN, "f.outcome = 'amend'", "f.decided_on <= %(as_of)s")
    yield (
        "amended_plans_within_12_weeks",
        Measure("reviews", "percent", amending, _on_time("f.amended_plan_issued", "f.amended_due")),
    )


def _others() -> Iterator[tuple[str, Measure]]:
    on_time = _on_time("f.finalised", "f.deadline")  # Reg 18(1)
    yield (
        "phase_transfers_finalised_by_15_february",
        Measure("transfers", "percent", "f.kind = 'school'", on_time),
    )
    yield (
        "phase_transfers_finalised_by_31_march",
        Measure("transfers", "percent", "f.kind = 'post16'", on_time),
    )
    is_open = "f.closed IS NULL OR f.closed > %(end)s OR f.closed > %(as_of)s"
    yield "caseload_per_coordinator", Measure("cases", "ratio", is_open)
    for kind, prefix in (("mediation", "mediation_cases"), ("tribunal", "tribunal_appeals")):
        yield (
            f"{prefix}_registered",
            Measure("disputes", "count", f"f.kind = '{kind}' AND f.started >= %(start)s"),
        )
        yield (
            f"{prefix}_concluded",
            Measure("disputes", "count", _and(f"f.kind = '{kind}'", CONCLUDED_IN)),
        )
    mediations = _and("f.kind = 'mediation'", CONCLUDED_IN, "f.outcome IS NOT NULL")
    yield (
        "mediation_agreement_reached",
        Measure("disputes", "percent", mediations, "f.outcome = 'agreement'"),
    )
    decided = _and("f.kind = 'tribunal'", CONCLUDED_IN, "f.outcome IN ('upheld', 'dismissed')")
    yield "tribunal_appeals_upheld", Measure("disputes", "percent", decided, "f.outcome = 'upheld'")


def rows_counted(measures: Iterable[Measure]) -> list[str]:
    """The rows of a kind that any of these measures can count, as predicates to join with
    OR in the WHERE of the kind's statement (none: every row). Every aggregate of a measure
    is filtered by its ``of`` (a percentage's numerator by ``of AND hit``), so a row that no
    ``of`` holds for counts nowhere (a plan ceased before the period, a request decided
    before it and closed). An ``of`` made by ``_and(q, ...)`` from another asked ``of`` q
    implies q and is left out."""
    ofs = list(dict.fromkeys(measure.of for measure in measures))
    if "TRUE" in ofs:
        return []
    return [of for of in ofs if not any(of.startswith(f"({q}) AND ") for q in ofs if q != of)]


def _measures() -> dict[str, Measure]:
    found = dict((*_requests(), *_backlog(), *_plans(), *_advice(), *_reviews(), *_others()))
    missing = INDICATORS.keys() - found.keys()
    extra = found.keys() - INDICATORS.keys()
    if missing or extra:  # one measure per indicator of the registry, no more
        raise LookupError(f"SQL measures differ from the registry: {missing=} {extra=}")
    return {code: found[code] for code in INDICATORS}


MEASURES: Final[dict[str, Measure]] = _measures()
