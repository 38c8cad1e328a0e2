"""Consulting a setting on a draft plan (opensend/statutory/consultation.py) and the basis
for sharing outside the case (opensend/statutory/disclosure.py, scope share_outside_case):
CFA 2014 s39(2), Code of Practice 9.84, SEND Regulations 2014 reg 17(1), CFA 2014 s80."""

import datetime as dt

import pytest

from opensend.statutory.consultation import consultation_due, consultation_overdue
from opensend.statutory.disclosure import (
    ConsentScope,
    Decision,
    DisclosureDecision,
    GivenBy,
    Reg17Ground,
    disclosure_basis,
)

SHARE, DRAFTS = ConsentScope.SHARE_OUTSIDE_CASE, ConsentScope.UNISSUED_DOCUMENTS
SETTING, OTHER = 7, 8


def given(seq, by=GivenBy.PARENT, org=SETTING, scope=SHARE):
    return DisclosureDecision(seq, Decision.GIVEN, scope, org, given_by=by)


def withdrawn(seq, by=GivenBy.PARENT, org=SETTING):
    return DisclosureDecision(seq, Decision.WITHDRAWN, SHARE, org, given_by=by)


def ground(seq, decision=Decision.GROUND, org=SETTING):
    return DisclosureDecision(seq, decision, SHARE, org, ground=Reg17Ground.CHILD_INTERESTS)


@pytest.mark.parametrize(
    ("what", "decisions", "young_person", "allowed"),
    [
        ("nothing recorded", [], False, False),
        ("a parent's consent for the setting", [given(1)], False, True),
        ("a parent's consent for every recipient", [given(1, org=None)], False, True),
        ("consent for another setting only", [given(1, org=OTHER)], False, False),
        ("consent to see drafts is not consent to share", [given(1, scope=DRAFTS)], False, False),
        ("given, then withdrawn", [given(1), withdrawn(2)], False, False),
        ("withdrawn for all after given for the setting",
         [given(1), withdrawn(2, org=None)], False, False),
        ("withdrawn, then given again", [withdrawn(1), given(2)], False, True),
        ("a Reg 17 ground", [ground(1)], False, True),
        ("a Reg 17 ground, ended", [ground(1), ground(2, Decision.GROUND_ENDED)], False, False),
        ("a ground stands though consent was withdrawn", [given(1), withdrawn(2), ground(3)],
         False, True),
        # CFA 2014 s80: at the end of compulsory school age the parent's consent lapses.
        ("a parent's consent has expired for a young person", [given(1)], True, False),
        ("the young person's own consent", [given(1, by=GivenBy.YOUNG_PERSON)], True, True),
        ("a representative's (Mental Capacity Act 2005)",
         [given(1, by=GivenBy.REPRESENTATIVE)], True, True),
        ("the young person withdrew", [given(1, by=GivenBy.YOUNG_PERSON),
                                       withdrawn(2, by=GivenBy.YOUNG_PERSON)], True, False),
        ("a young person's consent does not count for a child",
         [given(1, by=GivenBy.YOUNG_PERSON)], False, False),
    ],
)
def test_sharing_with_a_setting_needs_a_standing_consent_or_ground(
    what, decisions, young_person, allowed
):
    basis = disclosure_basis(
        decisions, scope=SHARE, organisation_id=SETTING, is_young_person=young_person
    )
    assert basis.allowed is allowed, what


@pytest.mark.parametrize(
    ("consulted_on", "due"),
    [
        (dt.date(2026, 11, 2), dt.date(2026, 11, 16)),  # the day consulted is day 1
        (dt.date(2026, 12, 20), dt.date(2027, 1, 3)),  # across the new year
        (dt.date(2028, 2, 20), dt.date(2028, 3, 5)),  # a leap February
    ],
)
def test_the_setting_answers_within_15_days(consulted_on, due):
    assert consultation_due(consulted_on) == due


@pytest.mark.parametrize(
    ("answered_on", "today", "overdue"),
    [
        (None, dt.date(2026, 11, 16), False),  # the last day
        (None, dt.date(2026, 11, 17), True),
        (dt.date(2026, 11, 20), dt.date(2026, 11, 30), False),  # answered late: done
    ],
)
def test_a_consultation_is_overdue_only_unanswered_after_its_last_day(
    answered_on, today, overdue
):
    assert consultation_overdue(
        consulted_on=dt.date(2026, 11, 2), answered_on=answered_on, today=today
    ) is overdue
