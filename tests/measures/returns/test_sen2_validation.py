"""The SEN2 pre-submission rules, on plain records (no database): each rule is caught on a
deliberately bad record, and a good record passes every rule."""

from dataclasses import replace
from datetime import date

import pytest

from opensend.measures.returns.sen2.records import (
    ActivePlan,
    Assessment,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
)
from opensend.measures.returns.sen2.validation import RULES, validate
from opensend.statutory.identifiers import make_uln, make_upn

PLACEMENT = Placement(urn="100001", entry_date=date(2025, 9, 1))
PLAN = NamedPlan(start_date=date(2026, 6, 1), placement=PLACEMENT)
ASSESSMENT = Assessment(outcome="Y", outcome_date=date(2026, 6, 1), named_plan=PLAN)
REQUEST = Request(
    received_date=date(2026, 1, 12),
    source="1",
    outcome="Y",
    outcome_date=date(2026, 2, 20),
    assessment=ASSESSMENT,
)
ACTIVE = ActivePlan(placements=(PLACEMENT,), needs=(Need("ASD", 1), Need("SLCN", 2)))
GOOD = Person(
    child_id=1,
    case_id=10,
    surname="Example",
    forename="Alex",
    birth_date=date(2016, 4, 3),
    sex="F",
    ethnicity="WBRI",
    postcode="NR1 1AA",
    upn=make_upn(929, 2001, 2020, 5),
    uln=make_uln(10_000_001),
    requests=(REQUEST,),
    active_plan=ACTIVE,
)


def _request(**changes: object) -> Person:
    return replace(GOOD, requests=(replace(REQUEST, **changes),))


def _assessment(**changes: object) -> Person:
    return _request(assessment=replace(ASSESSMENT, **changes))


def _plan(**changes: object) -> Person:
    return _assessment(named_plan=replace(PLAN, **changes))


def _active(**changes: object) -> Person:
    return replace(GOOD, active_plan=replace(ACTIVE, **changes))


def _wrong_check(value: str, alphabet: str, at: int) -> str:
    """The identifier with its check character changed to another one."""
    check = value[at]
    other = next(c for c in alphabet if c != check)
    return value[:at] + other + value[at + 1 :] if at >= 0 else value[:at] + other


BAD_RECORDS: dict[str, Person] = {
    "P01": replace(GOOD, upn="", upn_unknown_reason=""),
    "P02": replace(GOOD, upn=_wrong_check(GOOD.upn, "ABCDEFGHJKLMNPQRTUVWXYZ", 0)),
    "P03": replace(GOOD, uln=_wrong_check(GOOD.uln, "0123456789", -1)),
    "P04": replace(GOOD, sex="X"),
    "P05": replace(GOOD, ethnicity=""),
    "P06": replace(GOOD, postcode=""),
    "P07": replace(GOOD, birth_date=date(2026, 2, 1)),
    "R01": _request(outcome_date=date(2026, 1, 5)),
    "R02": _request(outcome_date=None),
    "R03": _assessment(outcome_date=date(2026, 2, 1)),
    "R04": _request(outcome="N"),
    "R05": _assessment(week20_exception=True),
    "R06": _plan(start_date=date(2025, 12, 1)),
    "R07": _plan(cease_date=date(2026, 10, 1)),
    "R08": _plan(cease_reason="2"),
    "R09": _plan(cease_date=date(2026, 5, 1), cease_reason="2"),
    "A01": _active(needs=(Need("ASD", 2),)),
    "A02": _active(needs=(Need("ASD", 1), Need("SLCN", 1))),
    "A03": _active(placements=()),
    "A04": _active(placements=(Placement(setting_name="Unknown Academy"),)),
    "A05": _active(placements=(replace(PLACEMENT, leaving_date=date(2025, 1, 1)),)),
}


def test_a_good_record_passes_every_rule():
    assert validate([GOOD]) == []


def test_every_rule_has_a_bad_record_here_and_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(BAD_RECORDS)


@pytest.mark.parametrize("rule_id", sorted(BAD_RECORDS))
def test_each_rule_catches_its_bad_record(rule_id: str):
    failures = validate([BAD_RECORDS[rule_id]])
    caught = {failure.rule for failure in failures}
    assert rule_id in caught, failures
    failure = next(f for f in failures if f.rule == rule_id)
    assert (failure.child_id, failure.case_id, failure.person) == (1, 10, "Alex Example")
    assert failure.message.endswith(".")


def test_an_unknown_upn_with_a_reason_passes():
    assert validate([replace(GOOD, upn="", upn_unknown_reason="UN1")]) == []


def test_setting_codes_stand_in_for_a_urn_but_not_beside_one():
    coded = _active(placements=(Placement(setting_code="EHE"),))
    assert validate([coded]) == []
    both = _active(placements=(Placement(urn="100001", setting_code="EHE"),))
    assert [f.rule for f in validate([both])] == ["A04"]
    invented = _active(placements=(Placement(setting_code="HOME"),))
    assert [f.rule for f in validate([invented])] == ["A04"]


def test_week20_flag_agrees_when_an_exception_overlaps_the_20_weeks():
    within = ((date(2026, 3, 1), date(2026, 4, 15)),)
    after = ((date(2026, 7, 1), date(2026, 8, 1)),)  # after the 20 weeks ran out (1 June)
    flagged = replace(ASSESSMENT, week20_exception=True)
    assert validate([_request(assessment=flagged, exception_periods=within)]) == []
    late = validate([_request(assessment=flagged, exception_periods=after)])
    assert [f.rule for f in late] == ["R05"]


def test_failures_come_in_person_then_rule_order():
    second = replace(BAD_RECORDS["P06"], child_id=2, case_id=20)
    failures = validate([BAD_RECORDS["A03"], second])
    assert [(f.child_id, f.rule) for f in failures] == [(1, "A03"), (2, "P06")]
