"""Pre-submission checks of the SEN2 return: a table of rules over plain records.

Pure Python (no Django). Each rule has a stable id, a plain-English message saying what
to fix, and a check that is true when a record FAILS. ``validate`` runs every rule on
every person and returns one Failure per failing record, with the child and case ids so
the report can link to the case page. Time limits come from the statutory clock (the
20-week due date via indicators.formulas.final_plan_due); none is re-implemented here.
Identifier check digits come from opensend.statutory.identifiers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from opensend.measures.returns.sen2.records import ActivePlan, Person, Placement, Request
from opensend.statutory import codes
from opensend.statutory.dates import periods_overlap
from opensend.statutory.identifiers import is_valid_uln, is_valid_upn
from opensend.statutory.indicators.formulas import final_plan_due

__all__ = ["RULES", "Failure", "Rule", "validate"]


@dataclass(frozen=True)
class Rule:
    id: str
    message: str
    person: Callable[[Person], bool] | None = None
    request: Callable[[Request], bool] | None = None
    active_plan: Callable[[ActivePlan], bool] | None = None


@dataclass(frozen=True)
class Failure:
    rule: str
    message: str
    child_id: int
    case_id: int
    person: str  # the child's name, to read the report by


def _codes(enum: type[codes.LabelledEnum]) -> frozenset[str]:
    return frozenset(member.value for member in enum)


_NEEDS: Final = _codes(codes.NeedType)
_SETTING_CODES: Final = _codes(codes.SettingCode)


# --- person ---------------------------------------------------------------------------


def _upn_missing(p: Person) -> bool:
    return not p.upn and not p.upn_unknown_reason


def _upn_invalid(p: Person) -> bool:
    return bool(p.upn) and not is_valid_upn(p.upn)


def _uln_invalid(p: Person) -> bool:
    return bool(p.uln) and not is_valid_uln(p.uln)


def _bad_sex(p: Person) -> bool:
    return p.sex not in _codes(codes.Sex)


def _bad_ethnicity(p: Person) -> bool:
    return p.ethnicity not in _codes(codes.Ethnicity)


def _no_postcode(p: Person) -> bool:
    return not p.postcode


def _born_after_request(p: Person) -> bool:
    return any(r.received_date < p.birth_date for r in p.requests)


# --- requests, assessments and named plans ---------------------------------------------


def _request_outcome_before_received(r: Request) -> bool:
    return r.outcome_date is not None and r.outcome_date < r.received_date


def _request_outcome_without_date(r: Request) -> bool:
    return r.outcome in ("Y", "N") and r.outcome_date is None


def _assessment_before_request_outcome(r: Request) -> bool:
    a = r.assessment
    if a is None or a.outcome_date is None:
        return False
    decided = r.outcome_date or r.received_date
    return a.outcome_date < r.received_date or a.outcome_date < decided


def _assessment_without_request_to_assess(r: Request) -> bool:
    return r.assessment is not None and r.outcome not in ("Y", "H")


def _week20_disagrees(r: Request) -> bool:
    """The exception flag is set, but no recorded exception overlaps the 20 weeks from
    the request (Reg 13(3)). The clock sets the flag only for such an exception, so a
    disagreement means the flag or the dates were changed by hand or imported."""
    a = r.assessment
    if a is None or a.outcome != "Y":
        return False
    due = final_plan_due(r.received_date)
    overlaps = any(
        periods_overlap(start, end, r.received_date, due) for start, end in r.exception_periods
    )
    return a.week20_exception and not overlaps


def _plan_before_request(r: Request) -> bool:
    plan = r.assessment.named_plan if r.assessment else None
    return plan is not None and plan.start_date < r.received_date


def _cease_without_reason(r: Request) -> bool:
    plan = r.assessment.named_plan if r.assessment else None
    return plan is not None and plan.cease_date is not None and not plan.cease_reason


def _reason_without_cease(r: Request) -> bool:
    plan = r.assessment.named_plan if r.assessment else None
    return plan is not None and bool(plan.cease_reason) and plan.cease_date is None


def _cease_before_start(r: Request) -> bool:
    plan = r.assessment.named_plan if r.assessment else None
    return plan is not None and plan.cease_date is not None and plan.cease_date < plan.start_date


# --- active plans ---------------------------------------------------------------------


def _no_primary_need(a: ActivePlan) -> bool:
    return not any(n.rank == 1 and n.need in _NEEDS for n in a.needs)


def _need_ranks_repeat(a: ActivePlan) -> bool:
    ranks = [n.rank for n in a.needs]
    return len(ranks) != len(set(ranks))


def _no_placement(a: ActivePlan) -> bool:
    return not a.placements


def _placement_unidentified(placement: Placement) -> bool:
    """A setting needs its URN or UKPRN; only a setting code may stand in for both."""
    if placement.urn or placement.ukprn:
        return bool(placement.setting_code)  # both: ambiguous
    return placement.setting_code not in _SETTING_CODES


def _placement_without_identifier(a: ActivePlan) -> bool:
    return any(_placement_unidentified(p) for p in a.placements)


def _leaving_before_entry(a: ActivePlan) -> bool:
    return any(
        p.entry_date and p.leaving_date and p.leaving_date < p.entry_date for p in a.placements
    )


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "P01",
        "No UPN and no reason why it is unknown: add the UPN, or the UPN-unknown reason code.",
        person=_upn_missing,
    ),
    Rule(
        "P02",
        "The UPN's check letter is wrong: check the UPN against the school's record.",
        person=_upn_invalid,
    ),
    Rule(
        "P03",
        "The ULN's check digit is wrong: check the ULN against the learner record.",
        person=_uln_invalid,
    ),
    Rule(
        "P04",
        "Sex is not one of the SEN2 codes (M, F, U).",
        person=_bad_sex,
    ),
    Rule(
        "P05",
        "Ethnicity is missing or not a DfE ethnicity code: record it (REFU or NOBT if not given).",
        person=_bad_ethnicity,
    ),
    Rule(
        "P06",
        "No postcode: record the child's home postcode.",
        person=_no_postcode,
    ),
    Rule(
        "P07",
        "The request was received before the child's date of birth: check both dates.",
        person=_born_after_request,
    ),
    Rule(
        "R01",
        "The request's outcome date is before the date the request was received.",
        request=_request_outcome_before_received,
    ),
    Rule(
        "R02",
        "The request has an outcome (assess or not) but no outcome date.",
        request=_request_outcome_without_date,
    ),
    Rule(
        "R03",
        "The assessment's outcome date is before the request was received or before the "
        "decision to assess.",
        request=_assessment_before_request_outcome,
    ),
    Rule(
        "R04",
        'There is an assessment, but the request\'s outcome is not "assess".',
        request=_assessment_without_request_to_assess,
    ),
    Rule(
        "R05",
        "The Week20 exception flag is set, but no exception is recorded within the 20 "
        "weeks from the request.",
        request=_week20_disagrees,
    ),
    Rule(
        "R06",
        "The plan starts before the request was received.",
        request=_plan_before_request,
    ),
    Rule(
        "R07",
        "The plan has a cease date but no cease reason: record why it ceased.",
        request=_cease_without_reason,
    ),
    Rule(
        "R08",
        "The plan has a cease reason but no cease date.",
        request=_reason_without_cease,
    ),
    Rule(
        "R09",
        "The plan's cease date is before its start date.",
        request=_cease_before_start,
    ),
    Rule(
        "A01",
        "The plan is in place but has no primary need (rank 1) with a SEN2 need code: "
        "record the child's needs.",
        active_plan=_no_primary_need,
    ),
    Rule(
        "A02",
        "Two of the child's needs have the same rank: rank each need once.",
        active_plan=_need_ranks_repeat,
    ),
    Rule(
        "A03",
        "The plan is in place but no placement is recorded: name the setting, or record "
        "a setting code (e.g. EHE, NEET).",
        active_plan=_no_placement,
    ),
    Rule(
        "A04",
        "A placement has neither a URN nor a UKPRN and no valid setting code (or has "
        "both): fix the setting.",
        active_plan=_placement_without_identifier,
    ),
    Rule(
        "A05",
        "A placement's leaving date is before its entry date.",
        active_plan=_leaving_before_entry,
    ),
)


def _fails(rule: Rule, person: Person) -> bool:
    if rule.person is not None and rule.person(person):
        return True
    if rule.request is not None and any(rule.request(r) for r in person.requests):
        return True
    plan = person.active_plan
    return rule.active_plan is not None and plan is not None and rule.active_plan(plan)


def validate(persons: Iterable[Person], rules: Iterable[Rule] = RULES) -> list[Failure]:
    """Every failing (rule, person) pair, in the order of the persons, then of the rules."""
    table = tuple(rules)
    return [
        Failure(rule.id, rule.message, person.child_id, person.case_id, person.name)
        for person in persons
        for rule in table
        if _fails(rule, person)
    ]
