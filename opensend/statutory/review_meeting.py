"""The annual review meeting a school holds (SEND Regulations 2014, Reg 20; CFA s44).

Pure rules for the head teacher's (in practice the SENCO's) side of the review:

- Reg 20(3)(b) and (4): the advice and information gathered from the people invited is
  circulated to them, and the meeting's date notified, at least two weeks before the
  meeting. A meeting held sooner is recorded only with the reason circulation was late.
- Reg 20(7): the written report of the meeting goes to the local authority (and everyone
  invited) within two weeks of the meeting. A late report is accepted and marked late.
- Reg 20(10): the authority decides within four weeks of the meeting (the clock's
  ``review_decision`` step, opensend.statutory.clock.review).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from opensend.statutory.clock.review import DECISION_WEEKS, REPORT_WEEKS
from opensend.statutory.dates import add_weeks

__all__ = [
    "CIRCULATION_WEEKS",
    "MeetingCheck",
    "ReportTiming",
    "circulate_by",
    "decision_due",
    "earliest_meeting",
    "meeting_check",
    "report_due",
    "report_timing",
]

CIRCULATION_WEEKS: Final = 2  # Reg 20(3)(b), 20(4): at least two weeks before the meeting


def circulate_by(meeting_on: date) -> date:
    """The last day the advice and information may go out: two weeks before the meeting."""
    return meeting_on - timedelta(weeks=CIRCULATION_WEEKS)


def earliest_meeting(circulated_on: date) -> date:
    """The first day a meeting may be held once the papers went out on `circulated_on`."""
    return circulated_on + timedelta(weeks=CIRCULATION_WEEKS)


@dataclass(frozen=True)
class MeetingCheck:
    """Whether a meeting held on a day may be recorded, and why not."""

    allowed: bool
    late_circulation: bool  # held less than two weeks after the papers went out
    refusal: str = ""


def meeting_check(
    *, held_on: date, circulated_on: date | None, late_reason: str, today: date
) -> MeetingCheck:
    """Reg 20(3)(b)/(4): refuse a meeting held before circulation + 14 days unless the
    reason circulation was late is recorded; never a meeting in the future."""
    if held_on > today:
        return MeetingCheck(False, False, "The meeting date must be today or in the past")
    if circulated_on is None:
        return _late(late_reason, "The views and advice have not been circulated")
    if held_on < earliest_meeting(circulated_on):
        return _late(late_reason, "The views and advice went out less than 2 weeks before")
    return MeetingCheck(True, False)


def _late(late_reason: str, why: str) -> MeetingCheck:
    if late_reason.strip():
        return MeetingCheck(True, True)
    return MeetingCheck(False, True, f"{why} the meeting: give the reason (Reg 20(3)-(4))")


def report_due(held_on: date) -> date:
    """Reg 20(7): the report of the meeting within two weeks of it."""
    return add_weeks(held_on, REPORT_WEEKS)


def decision_due(held_on: date) -> date:
    """Reg 20(10): the authority's decision within four weeks of the meeting."""
    return add_weeks(held_on, DECISION_WEEKS)


@dataclass(frozen=True)
class ReportTiming:
    due: date
    days_late: int  # 0 when on time

    @property
    def late(self) -> bool:
        return self.days_late > 0


def report_timing(*, held_on: date, submitted_on: date) -> ReportTiming:
    """When the report was due and how many days late it arrived (accepted either way)."""
    due = report_due(held_on)
    return ReportTiming(due=due, days_late=max(0, (submitted_on - due).days))
