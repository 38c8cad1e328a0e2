"""Turning a due date and a done date into a Step with its status.

Two kinds of step:

* duties (most steps): something must be done by the due date. Status: "met" done on or
  before due; "late" done after due; "overdue" not done and today is after due; "open"
  not done and today is on or before due; "excused" instead of "late" or "overdue" when
  an exception applies (an exception excuses a missed limit; it never moves the due date).
* windows (draft_comments_close, mediation_contact, tribunal_appeal): a period that
  protects the family, not a duty on the local authority. "open" while the window runs,
  "met" once it has closed (done is the day it closed). A window is never late or overdue.
"""

from __future__ import annotations

from datetime import date

from opensend.statutory.clock.model import Step

__all__ = ["duty_status", "duty_step", "window_step"]


def duty_status(*, due: date, done: date | None, today: date, excused: bool) -> str:
    """The status of a duty on ``today`` (see the module docstring)."""
    if done is not None and done <= due:
        return "met"
    if done is None and today <= due:
        return "open"
    if excused:
        return "excused"
    return "late" if done is not None else "overdue"


def duty_step(
    name: str, *, rule: str, due: date, done: date | None, today: date, excused: bool = False
) -> Step:
    """A duty step; ``excused`` says whether an applicable exception holds."""
    status = duty_status(due=due, done=done, today=today, excused=excused)
    return Step(step=name, due=due, done=done, status=status, rule=rule)


def window_step(
    name: str, *, rule: str, closes: date, closed_early: date | None, today: date
) -> Step:
    """A window ending on ``closes``; ``closed_early`` is an event that ended it sooner.

    Done is the day the window closed: ``closed_early`` if that came first, else ``closes``
    once today is past it.
    """
    if closed_early is not None and closed_early <= closes:
        done: date | None = closed_early
    elif today > closes:
        done = closes
    else:
        done = None
    status = "open" if done is None else "met"
    return Step(step=name, due=closes, done=done, status=status, rule=rule)
