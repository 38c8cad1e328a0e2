"""The young person's rights and family invitations, as pure rules (no database):
opensend/statutory/family_rights.py. Table-driven."""

import datetime as dt

import pytest

from opensend.statutory.family_rights import (
    INVITATION_DAYS,
    RightsHolder,
    invitation_expires,
    invitation_usable,
    may_decide_parent_access,
    parent_sees_record,
    rights_holder,
)

# Born 31 August 2010: compulsory school age ends on the last Friday of June 2026
# (26 June), so a young person from 27 June 2026 (CFA 2014 s83(2)).
BORN = dt.date(2010, 8, 31)
LAST_DAY_AS_CHILD = dt.date(2026, 6, 26)
FIRST_DAY_AS_YP = dt.date(2026, 6, 27)


@pytest.mark.parametrize(
    ("today", "holder"),
    [
        (LAST_DAY_AS_CHILD, RightsHolder.PARENT),
        (FIRST_DAY_AS_YP, RightsHolder.YOUNG_PERSON),
        (dt.date(2034, 1, 1), RightsHolder.YOUNG_PERSON),
    ],
)
def test_the_rights_pass_to_the_young_person_after_compulsory_school_age(today, holder):
    assert rights_holder(BORN, today) == holder


@pytest.mark.parametrize(
    ("today", "holds_pr", "consents", "sees"),
    [
        (LAST_DAY_AS_CHILD, True, False, True),  # a child: the parent sees the record
        (LAST_DAY_AS_CHILD, False, False, False),  # no parental responsibility: never
        (FIRST_DAY_AS_YP, True, False, False),  # a young person who has not consented
        (FIRST_DAY_AS_YP, True, True, True),  # ... and who has (CFA s80, Reg 17)
        (FIRST_DAY_AS_YP, False, True, False),
    ],
)
def test_a_parent_sees_a_young_persons_record_only_with_consent(today, holds_pr, consents, sees):
    assert (
        parent_sees_record(
            date_of_birth=BORN, today=today, holds_parental_responsibility=holds_pr,
            consents=consents,
        )
        is sees
    )


@pytest.mark.parametrize(
    ("own_record", "today", "may"),
    [
        (True, FIRST_DAY_AS_YP, True),
        (True, LAST_DAY_AS_CHILD, False),  # not yet a young person: the parent decides
        (False, FIRST_DAY_AS_YP, False),  # never about someone else's record
    ],
)
def test_only_the_young_person_decides_about_their_own_record(own_record, today, may):
    assert may_decide_parent_access(own_record=own_record, date_of_birth=BORN, today=today) is may


SENT = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("now", "accepted", "usable"),
    [
        (SENT, None, True),
        (SENT + dt.timedelta(days=INVITATION_DAYS) - dt.timedelta(seconds=1), None, True),
        (SENT + dt.timedelta(days=INVITATION_DAYS), None, False),  # expired after 14 days
        (SENT + dt.timedelta(hours=1), SENT, False),  # used once already
    ],
)
def test_an_invitation_works_once_for_14_days(now, accepted, usable):
    expires = invitation_expires(SENT)
    assert invitation_usable(expires_at=expires, accepted_at=accepted, now=now) is usable
