"""Plain rows the formulas read: one immutable NamedTuple per kind of thing counted.

NamedTuples rather than frozen dataclasses: a live area has hundreds of thousands of
rows, and a NamedTuple is built from a database tuple four times faster (``_make``).

Each field is something the database already holds (a recorded date, an outcome, or a
CaseStep's due/done as the statutory clock computed it), so the Django side can build the
rows with one query per kind. Statutory due dates are never stored here when the clock
can work them out from a recorded date: the formulas call the clock's own helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

__all__ = [
    "AdviceRow",
    "BacklogRow",
    "CaseRow",
    "DisputeRow",
    "MeasureRows",
    "PlanRow",
    "RequestRow",
    "ReviewRow",
    "TransferRow",
]


class RequestRow(NamedTuple):
    """An initial request for an EHC needs assessment (CFA s36(1); SEN2 Requests)."""

    received: date
    decided_on: date | None = None  # the decision whether to assess was notified
    outcome: str | None = None  # "assess" | "not_assess" (clock ASSESSMENT_OUTCOMES)
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)


class PlanRow(NamedTuple):
    """An EHC plan. ``request_received`` is None for a plan that did not follow an
    initial request here (transferred in from another LA): such a plan counts as in place
    but not as a new plan, and is left out of the timeliness measures."""

    issued: date  # the final plan was issued (for a plan transferred in: its start here)
    request_received: date | None = None
    exception_applies: bool = False  # the clock's Week20.exception_applies (Reg 13(3))
    ceased: date | None = None
    cease_reason: str | None = None  # SEN2 cease reason code "1".."9" (codes.CeaseReason)
    primary_need: str | None = None  # SEN2 need type of rank 1 (codes.NeedType)
    placement: str | None = None  # placements.PLACEMENTS key; None when not known
    in_area: bool | None = None  # the named setting is in this LA's area; None: no setting
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)
    weight: int = 1  # how many plans the row stands for (see ``MeasureRows``)


class AdviceRow(NamedTuple):
    """One request for advice or information for an assessment (Reg 6(1), Reg 8(1))."""

    source: str  # clock ADVICE_SOURCES: education, health, social_care, psychology, other
    requested: date
    received: date | None = None
    exception_applies: bool = False  # a Reg 8(2) exception excuses this advice's 6 weeks
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)


class ReviewRow(NamedTuple):
    """One annual review: the clock's ``review_due`` step and what followed it."""

    due: date  # the review_due step's due date (CFA s44(1): 12 months)
    held: date | None = None  # the review meeting
    decided_on: date | None = None  # the LA's decision after the meeting (Reg 20(10))
    outcome: str | None = None  # "maintain" | "amend" | "cease" (clock REVIEW_OUTCOMES)
    amended_plan_issued: date | None = None  # the final amended plan (Reg 22(3))
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)


class TransferRow(NamedTuple):
    """A phase transfer (Reg 18(1)): ``finalised`` is the clock's phase_transfer done."""

    transfer_date: date
    kind: str  # "school" (15 February) | "post16" (31 March)
    finalised: date | None = None
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)


class CaseRow(NamedTuple):
    """An EHC case and the caseworker (EHC coordinator) it is allocated to."""

    opened: date
    closed: date | None = None
    caseworker: str | None = None  # any stable id; None when unallocated
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)
    weight: int = 1  # how many cases the row stands for (see ``MeasureRows``)


class DisputeRow(NamedTuple):
    """A mediation (CFA s53-55; Reg 33) or an appeal to the First-tier Tribunal (CFA s51)."""

    kind: str  # "mediation" | "tribunal"
    started: date  # registered (mediation arranged, appeal lodged)
    concluded: date | None = None
    outcome: str | None = None  # disputes.OUTCOMES key (see disputes.outcome_of)
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)


class BacklogRow(NamedTuple):
    """An initial request and how it ended, if it has, for the backlog measures: the
    final plan issued (Reg 13(2)), or the request ended without one (a decision not to
    assess, Reg 5(1); or not to issue a plan, Reg 10(1))."""

    received: date
    final_plan_issued: date | None = None
    ended_without_plan: date | None = None
    ref: int | str | None = None  # opaque id of the case behind the row (drill-down)


@dataclass(frozen=True)
class MeasureRows:
    """Every row a registry formula may read; leave out the kinds it does not need.

    A plan or case row may stand for ``weight`` identical rows (a count, default 1):
    e.g. every plan in place all through the period with the same primary need and
    placement, grouped by the database. The formulas count weights (``arithmetic.total``),
    so weighted rows give the same figures as the rows they stand for; only a drill-down
    needs the rows one by one (their ``ref``).

    ``memo`` lets formulas share work done on these (immutable) rows, e.g. the plans in
    place on a day, read by every primary need and placement share. It is not data.
    """

    requests: tuple[RequestRow, ...] = ()
    plans: tuple[PlanRow, ...] = ()
    advice: tuple[AdviceRow, ...] = ()
    reviews: tuple[ReviewRow, ...] = ()
    transfers: tuple[TransferRow, ...] = ()
    cases: tuple[CaseRow, ...] = ()
    disputes: tuple[DisputeRow, ...] = ()
    backlog: tuple[BacklogRow, ...] = ()
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
