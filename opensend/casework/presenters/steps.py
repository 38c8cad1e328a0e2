"""Statutory steps: plain-English names, GOV.UK status tags, days left, the 20-week
measure and the child summary shown above them."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from opensend.casework.models import Case, CaseStep
from opensend.people.models import AdviceService
from opensend.statutory import school_year
from opensend.statutory.clock import Step, Week20
from opensend.statutory.clock.steps import duty_status, window_step
from opensend.statutory.codes import NeedType

STEP_NAMES = {
    "decision_to_assess": "Decide whether to assess",
    "decision_not_to_issue": "Decide whether to issue a plan",
    "draft_comments_close": "Family comments on the draft plan",
    "final_plan": "Issue the final plan",
    "review_due": "Hold the annual review",
    "review_report": "Receive the annual review report",
    "review_decision": "Decide to maintain, amend or cease the plan",
    "amended_plan": "Issue the amended plan",
    "phase_transfer": "Amend the plan for the phase transfer",
    "mediation_contact": "Family may contact a mediation adviser",
    "tribunal_appeal": "Family may appeal to the tribunal",
}

# Windows protect the family; they are never late (opensend/statutory/clock/steps.py).
WINDOW_STEPS = frozenset({"draft_comments_close", "mediation_contact", "tribunal_appeal"})

ADVICE_PREFIX = "advice:"


def advice_label(service: str) -> str:
    """'health' -> 'Health advice'."""
    labels = dict(AdviceService.choices)
    return f"{labels.get(service, service.replace('_', ' ').capitalize())} advice"


def step_name(step: str) -> str:
    """'decision_to_assess' -> 'Decide whether to assess', 'advice:health' -> 'Health advice'."""
    if step.startswith(ADVICE_PREFIX):
        return advice_label(step.removeprefix(ADVICE_PREFIX))
    return STEP_NAMES.get(step, step.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Tag:
    """A GOV.UK tag: its text and colour modifier class."""

    text: str
    classes: str


STATUS_TAGS = {
    "open": Tag("Due", "govuk-tag--blue"),
    "met": Tag("Done on time", "govuk-tag--green"),
    "late": Tag("Done late", "govuk-tag--red"),
    "overdue": Tag("Overdue", "govuk-tag--red"),
    "excused": Tag("Late: exception applies", "govuk-tag--yellow"),
}
WINDOW_TAGS = {"open": Tag("Open", "govuk-tag--blue"), "met": Tag("Closed", "govuk-tag--grey")}


def status_tag(status: str, step: str = "") -> Tag:
    if step in WINDOW_STEPS:
        return WINDOW_TAGS.get(status, WINDOW_TAGS["open"])
    return STATUS_TAGS.get(status, Tag(status.capitalize(), "govuk-tag--grey"))


def current_status(step: CaseStep, today: dt.date) -> str:
    """A stored step's status on `today`: the stored one may be from an earlier day.

    Whether an exception applies is known only when the clock last ran, so a stored
    "excused" stays excused; the clock runs again at every change to the case.
    """
    if step.step in WINDOW_STEPS:
        return window_step(
            step.step, rule=step.rule, closes=step.due, closed_early=step.done, today=today
        ).status
    return duty_status(due=step.due, done=step.done, today=today, excused=step.status == "excused")


def days_left(due: dt.date, today: dt.date) -> str:
    """'3 days overdue', 'Due today', '1 day left'."""
    days = (due - today).days
    if days == 0:
        return "Due today"
    count = abs(days)
    unit = "day" if count == 1 else "days"
    return f"{count} {unit} overdue" if days < 0 else f"{count} {unit} left"


def current_steps(stored: Iterable[CaseStep], today: dt.date) -> list[Step]:
    """Stored steps as the clock's Steps, with each status brought up to `today`."""
    return [
        Step(step=s.step, due=s.due, done=s.done, status=current_status(s, today), rule=s.rule)
        for s in stored
    ]


@dataclass(frozen=True)
class StepRow:
    name: str
    due: dt.date
    done: dt.date | None
    tag: Tag
    rule: str
    days: str  # empty once finished
    finished: bool  # done, or a window that has closed


def step_row(step: Step, today: dt.date) -> StepRow:
    finished = step.done is not None or (step.step in WINDOW_STEPS and step.status == "met")
    return StepRow(
        name=step_name(step.step),
        due=step.due,
        done=step.done,
        tag=status_tag(step.status, step.step),
        rule=step.rule,
        days="" if finished else days_left(step.due, today),
        finished=finished,
    )


def step_rows(steps: Iterable[Step], today: dt.date) -> list[StepRow]:
    """Steps that are current for `today` (the clock's, or `current_steps`) as table rows."""
    return [step_row(step, today) for step in steps]


@dataclass(frozen=True)
class Week20Summary:
    due: dt.date | None
    issued: dt.date | None
    within: str  # "Yes", "No" or "Not issued yet"
    exception_applies: str  # "Yes" or "No"


def week20_summary(week20: Week20 | None) -> Week20Summary | None:
    if week20 is None or week20.due is None:
        return None
    within = {True: "Yes", False: "No", None: "Not issued yet"}[week20.within_20_weeks]
    return Week20Summary(
        due=week20.due,
        issued=week20.issued,
        within=within,
        exception_applies="Yes" if week20.exception_applies else "No",
    )


def nc_year_label(nc_year: int | None) -> str:
    """0 -> 'Reception', 7 -> 'Year 7', -1 -> 'Nursery'."""
    if nc_year is None:
        return "Not known"
    if nc_year == 0:
        return "Reception"
    if nc_year == -1:
        return "Nursery"
    if nc_year < -1:
        return "Not yet in nursery"
    return f"Year {nc_year}"


def need_label(code: str | None) -> str:
    if not code:
        return "Not recorded"
    return dict((need.value, need.label) for need in NeedType).get(code, code)


@dataclass(frozen=True)
class ChildSummary:
    name: str
    date_of_birth: dt.date
    nc_year: str
    upn: str
    primary_need: str
    setting: str
    young_person_from: dt.date | None


def child_summary(
    case: Case, *, today: dt.date, primary_need: str | None, setting: str | None
) -> ChildSummary:
    child = case.child
    born = child.date_of_birth
    return ChildSummary(
        name=child.full_name,
        date_of_birth=born,
        nc_year=nc_year_label(school_year.nc_year(born, today) if born <= today else None),
        upn=child.upn or "Not known",
        primary_need=need_label(primary_need),
        setting=setting or "Not recorded",
        young_person_from=school_year.young_person_from(born),
    )


def caseworker_name(case: Case) -> str:
    return case.caseworker.full_name if case.caseworker else "Not allocated"
