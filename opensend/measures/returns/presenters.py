"""What the returns pages show, shaped for the templates (no queries here)."""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse

from opensend.measures.returns.sen2.schema import SCHEMA_MESSAGE, SCHEMA_RULE
from opensend.measures.returns.sen2.validation import RULES, Failure


@dataclass(frozen=True)
class RuleCount:
    rule: str
    message: str
    failures: int


@dataclass(frozen=True)
class Fix:
    """The screen that fixes a rule's failure, and what its link says."""

    url_name: str
    text: str
    anchor: str = ""


_CHILD_DETAILS = Fix("casework:child_details", "Change the child's details")
_CORRECT_EVENT = Fix("casework:case", "Correct the dates in the case's history", "#history")
# Each rule's failure links straight to the screen that fixes it (issue 9). Dates of
# recorded steps are fixed by correcting the step in the case's history; a rule that the
# services cannot let fail (A02: one need per rank; A05: enrolments end before the next
# starts) links there too, for records imported from elsewhere.
RULE_FIXES: dict[str, Fix] = {
    **dict.fromkeys(("P01", "P02", "P03", "P04", "P05", "P06", "P07"), _CHILD_DETAILS),
    **dict.fromkeys(("A01", "A02"), Fix("casework:child_details", "Record the child's needs")),
    **dict.fromkeys(("A03", "A04"), Fix("casework:plan_setting_code",
                                        "Record where the child is placed")),
    **dict.fromkeys(("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09"),
                    _CORRECT_EVENT),
    "A05": Fix("casework:case", "Check the child's settings", "#child-record"),
}


def fix_for(rule: str) -> Fix:
    return RULE_FIXES.get(rule, _CORRECT_EVENT)


@dataclass(frozen=True)
class FailureRow:
    rule: str
    message: str
    person: str
    child_id: int
    case_id: int
    case_url: str
    fix_url: str
    fix_text: str


@dataclass(frozen=True)
class Sen2Report:
    people: int
    failures: int
    people_failing: int
    counts: list[RuleCount]  # every rule, in the table's order, failing or not
    rows: list[FailureRow]  # at most the page's limit
    shown_all: bool


def _fix_url(failure: Failure) -> str:
    fix = fix_for(failure.rule)
    return reverse(fix.url_name, kwargs={"case_id": failure.case_id}) + fix.anchor


def sen2_report(*, people: int, failures: list[Failure], limit: int) -> Sen2Report:
    per_rule = Counter(failure.rule for failure in failures)
    rows = [
        FailureRow(
            rule=f.rule,
            message=f.message,
            person=f.person,
            child_id=f.child_id,
            case_id=f.case_id,
            case_url=reverse("casework:case", kwargs={"case_id": f.case_id}),
            fix_url=_fix_url(f),
            fix_text=fix_for(f.rule).text,
        )
        for f in failures[:limit]
    ]
    return Sen2Report(
        people=people,
        failures=len(failures),
        people_failing=len({f.child_id for f in failures}),
        counts=[
            *(RuleCount(rule.id, rule.message, per_rule[rule.id]) for rule in RULES),
            RuleCount(SCHEMA_RULE, SCHEMA_MESSAGE, per_rule[SCHEMA_RULE]),
        ],
        rows=rows,
        shown_all=len(failures) <= limit,
    )
