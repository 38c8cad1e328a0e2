"""An action's status at a glance, and when its self-declared status disagrees with the
data. Pure Python, no Django (ADR 0031, docs/strategy.md).

The glance is worked out, never typed: what the owner last reported, what the linked
measures' figures say (strategy/trajectory.py) and whether the action is overdue. The
data wins over a declaration: an action whose owner says "on track" while a measure of it
is behind its trajectory is not shown green, and the page says why in words.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from opensend.strategy.trajectory import Course

# ProgressStatus values (strategy/models.py), kept as plain words so this stays pure.
DECLARED_GOOD = frozenset({"on_track", "achieved"})
DECLARED_WARNING = frozenset({"at_risk", "partially_achieved"})
DECLARED_BAD = frozenset({"off_track", "not_achieved"})
FINISHED = frozenset({"complete", "stopped"})  # ActionStatus values that end an action


class Glance(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    DONE = "done"
    NONE = "none"


GLANCE_WORDS = {
    Glance.RED: "Needs attention",
    Glance.AMBER: "At risk",
    Glance.GREEN: "On track",
    Glance.DONE: "Finished",
    Glance.NONE: "No update yet",
}
# GOV.UK tag colours for each.
GLANCE_TAGS = {
    Glance.RED: "govuk-tag--red",
    Glance.AMBER: "govuk-tag--orange",
    Glance.GREEN: "govuk-tag--green",
    Glance.DONE: "govuk-tag--blue",
    Glance.NONE: "govuk-tag--grey",
}


@dataclass(frozen=True)
class ActionFacts:
    status: str  # ActionStatus value
    due: dt.date | None  # the due date, or the end of the timescale read from the plan
    declared: str | None  # the latest progress update's status, if any
    courses: Sequence[Course]  # each linked-indicator measure's course today


def is_overdue(facts: ActionFacts, today: dt.date) -> bool:
    return facts.status not in FINISHED and facts.due is not None and facts.due < today


def disagrees(facts: ActionFacts) -> bool:
    """Declared on track (or achieved) while a measure of it is behind its trajectory."""
    return facts.declared in DECLARED_GOOD and Course.BEHIND in facts.courses


def glance(facts: ActionFacts, today: dt.date) -> Glance:
    if facts.status in FINISHED:
        return Glance.DONE
    if is_overdue(facts, today) or facts.declared in DECLARED_BAD or Course.BEHIND in facts.courses:
        return Glance.RED
    if facts.declared in DECLARED_WARNING:
        return Glance.AMBER
    if facts.declared in DECLARED_GOOD or {Course.AHEAD, Course.ON_COURSE} & set(facts.courses):
        return Glance.GREEN
    return Glance.NONE
