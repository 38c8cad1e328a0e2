"""Whole pages: each assembles the other presenters' pieces for one template."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from opensend.casework.models import Case, CaseStep, PlanVersion
from opensend.casework.presenters.family import (
    FamilyStep,
    family_stage,
    family_steps,
    family_week20,
)
from opensend.casework.presenters.history import HistoryRow, history_rows
from opensend.casework.presenters.records import (
    Action,
    AdviceRow,
    DisputeRow,
    VersionRow,
    advice_rows,
    case_actions,
    dispute_rows,
    version_rows,
)
from opensend.casework.presenters.steps import (
    ChildSummary,
    StepRow,
    Week20Summary,
    caseworker_name,
    child_summary,
    current_steps,
    step_row,
    step_rows,
    week20_summary,
)
from opensend.casework.selectors import CaseDetails
from opensend.statutory.clock import ClockResult, Step


def _steps(clock: ClockResult | None, stored: Iterable[CaseStep], today: dt.date) -> list[Step]:
    """The clock's steps; if it could not run, the stored ones brought up to today."""
    return list(clock.steps) if clock else current_steps(stored, today)


@dataclass(frozen=True)
class CasePage:
    child: ChildSummary
    caseworker: str
    stage: str
    to_do: list[StepRow]
    finished: list[StepRow]
    clock_error: str  # why the clock could not run (the steps are then as last stored)
    week20: Week20Summary | None
    advice: list[AdviceRow]
    history: list[HistoryRow]
    versions: list[VersionRow]
    actions: list[Action]
    disputes: list[DisputeRow]
    can_allocate: bool = False  # SEN managers choose the coordinator


def case_page(
    case: Case,
    *,
    timeline: dict[str, Any],
    clock: ClockResult | None,
    clock_error: str = "",
    details: CaseDetails,
    today: dt.date,
    can_act: bool,
    can_allocate: bool = False,
) -> CasePage:
    """The staff case page."""
    rows = step_rows(_steps(clock, timeline["steps"], today), today)
    return CasePage(
        child=child_summary(
            case, today=today, primary_need=details.primary_need, setting=details.setting
        ),
        caseworker=caseworker_name(case),
        stage=case.get_stage_display(),
        to_do=[row for row in rows if not row.finished],
        finished=[row for row in rows if row.finished],
        clock_error=clock_error,
        week20=week20_summary(clock.week20 if clock else None),
        advice=advice_rows(timeline["advice"], today),
        history=history_rows(timeline["events"], case),
        versions=version_rows(details.versions, issued_only=False),
        actions=case_actions(case) if can_act else [],
        disputes=dispute_rows(timeline["disputes"]),
        can_allocate=can_allocate,
    )


@dataclass(frozen=True)
class FamilyCasePage:
    child_name: str
    own_record: bool  # a young person looking at their own case
    caseworker: str
    stage: str
    upcoming: list[FamilyStep]  # still to happen (or late), soonest first
    past: list[FamilyStep]
    week20: str
    versions: list[VersionRow]


def family_case_page(
    case: Case,
    *,
    clock: ClockResult | None,
    stored_steps: Iterable[CaseStep],
    versions: Iterable[PlanVersion],
    own_record: bool,
    today: dt.date,
) -> FamilyCasePage:
    steps = family_steps(_steps(clock, stored_steps, today))
    return FamilyCasePage(
        child_name=case.child.full_name,
        own_record=own_record,
        caseworker=case.caseworker.full_name if case.caseworker else "",
        stage=family_stage(case.stage),
        upcoming=[step for step in steps if not step.finished],
        past=[step for step in steps if step.finished],
        week20=family_week20(clock.week20 if clock else None),
        versions=version_rows(versions, issued_only=True),
    )


@dataclass(frozen=True)
class QueueRow:
    case_id: int
    child: str
    caseworker: str
    step: StepRow


def queue_rows(steps: Iterable[CaseStep], today: dt.date) -> list[QueueRow]:
    """Rows of the work queue; each step's case, child and caseworker are select_related."""
    return [
        QueueRow(
            case_id=step.case_id,
            child=step.case.child.full_name,
            caseworker=caseworker_name(step.case),
            step=step_row(current_steps([step], today)[0], today),
        )
        for step in steps
    ]


@dataclass(frozen=True)
class MyCaseRow:
    case_id: int
    child: str
    stage: str
    next_step: StepRow | None


def my_case_rows(cases: Iterable[Case], today: dt.date) -> list[MyCaseRow]:
    """Cases with their open steps prefetched as `open_steps` (soonest first)."""
    rows = []
    for case in cases:
        steps = step_rows(current_steps(case.open_steps[:1], today), today)
        rows.append(
            MyCaseRow(
                case_id=case.pk,
                child=case.child.full_name,
                stage=case.get_stage_display(),
                next_step=steps[0] if steps else None,
            )
        )
    return rows


@dataclass(frozen=True)
class OutstandingAdvice:
    case_id: int
    child: str
    advice: AdviceRow


def outstanding_advice_rows(
    advice_requests: Sequence[Any], today: dt.date
) -> list[OutstandingAdvice]:
    return [
        OutstandingAdvice(case_id=a.case_id, child=a.case.child.full_name, advice=row)
        for a, row in zip(advice_requests, advice_rows(advice_requests, today), strict=True)
    ]


@dataclass(frozen=True)
class TeamRow:
    caseworker: str
    open_cases: int
    overdue: int


def team_rows(caseload: Iterable[dict[str, Any]]) -> list[TeamRow]:
    return [
        TeamRow(
            caseworker=row["caseworker__full_name"] or "Not allocated",
            open_cases=row["open_cases"],
            overdue=row["overdue"],
        )
        for row in caseload
    ]
