"""A family with a child who has no case yet, and one whose draft plan waits for
comments: built from the shared personas, additively."""

import datetime as dt

import pytest

from opensend.casework.models import Case
from opensend.people.models import Child, User
from tests import factories as f
from tests.personas import Area

WEEK = dt.timedelta(weeks=1)


@pytest.fixture
def mia(area: Area, paula: User) -> Child:
    """Mia, Tom's little sister (Paula holds parental responsibility): no case yet."""
    child = f.ChildFactory(local_authority=area.northshire, legal_forename="Mia",
                           legal_surname="Baker", date_of_birth=dt.date(2021, 5, 4))
    f.FamilyMemberFactory(child=child, user=paula, name=paula.full_name)
    return child


@pytest.fixture
def draft_case(today: dt.date, area: Area, cara: User, pete: User, ben: Child) -> Case:
    """Ben's draft plan, sent 3 days ago: the comment period (Reg 13(1)) is open."""
    return f.case_with_draft_plan(child=ben, caseworker=cara, today=today,
                                  received_on=today - 12 * WEEK - dt.timedelta(days=3))
