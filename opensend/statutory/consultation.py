"""Consulting a school or college before naming it in an EHC plan (pure Python).

Sources:

* Children and Families Act 2014 s39(2): before naming a school or other institution the
  family asked for, the local authority must consult its governing body, proprietor or
  principal (and the LA that maintains it); s39(3)-(4) and s40: the duty to name it
  unless unsuitable or incompatible, and consulting any setting it proposes to name.
* SEND Code of Practice 2015, para 9.84 (*check* the paragraph against the current
  edition): the setting should respond within 15 days. The period is counted like the
  family's own period on the draft (Reg 13(1)): calendar days, the day it was sent first.
* SEND Regulations 2014 reg 17(1): sending the draft plan and the advice outside the case
  needs the family's consent or a Reg 17 ground (opensend.statutory.disclosure).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Final

from opensend.statutory.dates import last_day_of_period_beginning

__all__ = [
    "ANSWER_LABELS",
    "RESPONSE_DAYS",
    "Answer",
    "consultation_due",
    "consultation_overdue",
]

RESPONSE_DAYS: Final = 15  # Code of Practice 9.84; CFA 2014 s39(2)


class Answer(StrEnum):
    """The setting's answer: whether it can meet the child's or young person's needs
    (CFA 2014 s39(4)(a): named unless unsuitable for the age, ability, aptitude or SEN)."""

    CAN_MEET = "can_meet"
    CANNOT_MEET = "cannot_meet"


ANSWER_LABELS: dict[Answer, str] = {
    Answer.CAN_MEET: "We can meet the needs set out in the draft plan",
    Answer.CANNOT_MEET: "We cannot meet the needs set out in the draft plan",
}


def consultation_due(consulted_on: dt.date) -> dt.date:
    """The last day of the setting's 15 days, the day it was consulted being the first."""
    return last_day_of_period_beginning(consulted_on, RESPONSE_DAYS)


def consultation_overdue(*, consulted_on: dt.date, answered_on: dt.date | None,
                         today: dt.date) -> bool:
    """Unanswered after its last day."""
    return answered_on is None and today > consultation_due(consulted_on)
