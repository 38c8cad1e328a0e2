"""Who holds the rights in an EHC case, and who may see the record (pure Python).

* CFA 2014 s83(2): a "young person" is over compulsory school age and under 25; from the
  day after the end of compulsory school age (school_year.young_person_from) the rights
  the Act gives a parent pass to the young person (CFA 2014 s80 and the SEND Regs 2014
  where they say "the child's parent or the young person").
* SEND Regs 2014 reg 17: the EHC plan is disclosed without the young person's consent
  only on a listed ground, so a parent keeps seeing a young person's record only while
  the young person's consent stands (people.YoungPersonConsent).
* Invitations to make an account are single use and expire after INVITATION_DAYS.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from opensend.statutory.school_year import young_person_from

__all__ = [
    "INVITATION_DAYS",
    "RightsHolder",
    "invitation_expires",
    "invitation_usable",
    "may_decide_parent_access",
    "parent_sees_record",
    "rights_holder",
]

INVITATION_DAYS = 14


class RightsHolder(StrEnum):
    PARENT = "parent"
    YOUNG_PERSON = "young_person"


def rights_holder(date_of_birth: date, today: date) -> RightsHolder:
    """CFA 2014 s83(2): the young person holds the rights from young_person_from."""
    if today >= young_person_from(date_of_birth):
        return RightsHolder.YOUNG_PERSON
    return RightsHolder.PARENT


def parent_sees_record(
    *, date_of_birth: date, today: date, holds_parental_responsibility: bool, consents: bool
) -> bool:
    """A parent with parental responsibility sees a child's record; a young person's only
    while the young person's consent stands (CFA 2014 s80; SEND Regs 2014 reg 17)."""
    if not holds_parental_responsibility:
        return False
    return rights_holder(date_of_birth, today) == RightsHolder.PARENT or consents


def may_decide_parent_access(*, own_record: bool, date_of_birth: date, today: date) -> bool:
    """Only the young person decides, about their own record, once the rights are theirs."""
    return own_record and rights_holder(date_of_birth, today) == RightsHolder.YOUNG_PERSON


def invitation_expires(sent: datetime) -> datetime:
    return sent + timedelta(days=INVITATION_DAYS)


def invitation_usable(*, expires_at: datetime, accepted_at: datetime | None, now: datetime) -> bool:
    """Single use, and only before it expires."""
    return accepted_at is None and now < expires_at
