"""Reg 17 disclosure: consent (whose counts, by age) and grounds, latest decision wins."""

from opensend.statutory.disclosure import (
    GROUNDS,
    ConsentScope,
    Decision,
    DisclosureDecision,
    GivenBy,
    Reg17Ground,
    disclosure_basis,
)

UNISSUED = ConsentScope.UNISSUED_DOCUMENTS
HEALTH, SCHOOL = 7, 8


def d(seq, decision, *, org=None, by=None, ground=None, scope=UNISSUED):
    return DisclosureDecision(seq, decision, scope, org, by, ground)


def basis(decisions, org=HEALTH, young=True, scope=UNISSUED):
    return disclosure_basis(decisions, scope=scope, organisation_id=org, is_young_person=young)


def test_nothing_recorded_allows_nothing():
    assert not basis([]).allowed


def test_consent_for_every_organisation_or_for_this_one():
    assert basis([d(1, Decision.GIVEN, by=GivenBy.YOUNG_PERSON)]).allowed
    assert basis([d(1, Decision.GIVEN, org=HEALTH, by=GivenBy.YOUNG_PERSON)]).allowed
    assert not basis([d(1, Decision.GIVEN, org=SCHOOL, by=GivenBy.YOUNG_PERSON)]).allowed


def test_the_latest_consent_decision_wins():
    given = d(1, Decision.GIVEN, by=GivenBy.YOUNG_PERSON)
    withdrawn_here = d(2, Decision.WITHDRAWN, org=HEALTH, by=GivenBy.YOUNG_PERSON)
    assert not basis([given, withdrawn_here]).allowed
    assert basis([given, withdrawn_here], org=SCHOOL).allowed
    again = d(3, Decision.GIVEN, org=HEALTH, by=GivenBy.YOUNG_PERSON)
    assert basis([again, withdrawn_here, given]).allowed  # order of the list does not matter


def test_whose_consent_counts_depends_on_age():
    by_parent = [d(1, Decision.GIVEN, by=GivenBy.PARENT)]
    assert not basis(by_parent, young=True).allowed  # CFA 2014 s80
    assert basis(by_parent, young=False).allowed
    assert basis([d(1, Decision.GIVEN, by=GivenBy.REPRESENTATIVE)], young=True).allowed
    # A parent's withdrawal does not undo a young person's own consent.
    mixed = [
        d(1, Decision.GIVEN, by=GivenBy.YOUNG_PERSON),
        d(2, Decision.WITHDRAWN, by=GivenBy.PARENT),
    ]
    assert basis(mixed, young=True).allowed


def test_a_ground_stands_beside_a_withdrawn_consent_until_it_ends():
    decisions = [
        d(1, Decision.GIVEN, by=GivenBy.YOUNG_PERSON),
        d(2, Decision.GROUND, org=HEALTH, ground=Reg17Ground.APPEAL),
        d(3, Decision.WITHDRAWN, by=GivenBy.YOUNG_PERSON),
    ]
    found = basis(decisions)
    assert found.allowed and found.consent is None
    assert found.ground_citation == GROUNDS[Reg17Ground.APPEAL].citation
    ended = [*decisions, d(4, Decision.GROUND_ENDED, org=HEALTH, ground=Reg17Ground.APPEAL)]
    assert not basis(ended).allowed


def test_scopes_are_separate():
    shared = [d(1, Decision.GIVEN, by=GivenBy.YOUNG_PERSON, scope=ConsentScope.SHARE_OUTSIDE_CASE)]
    assert not basis(shared).allowed
    assert basis(shared, scope=ConsentScope.SHARE_OUTSIDE_CASE).allowed


def test_every_ground_cites_regulation_17():
    assert set(GROUNDS) == set(Reg17Ground)
    assert all("reg 17(1)" in ground.citation for ground in GROUNDS.values())
