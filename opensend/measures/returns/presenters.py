"""What the returns pages show, shaped for the templates (no queries here)."""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse

from opensend.measures.returns.sen2.validation import RULES, Failure


@dataclass(frozen=True)
class RuleCount:
    rule: str
    message: str
    failures: int


@dataclass(frozen=True)
class FailureRow:
    rule: str
    message: str
    person: str
    child_id: int
    case_id: int
    case_url: str


@dataclass(frozen=True)
class Sen2Report:
    people: int
    failures: int
    people_failing: int
    counts: list[RuleCount]  # every rule, in the table's order, failing or not
    rows: list[FailureRow]  # at most the page's limit
    shown_all: bool


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
        )
        for f in failures[:limit]
    ]
    return Sen2Report(
        people=people,
        failures=len(failures),
        people_failing=len({f.child_id for f in failures}),
        counts=[RuleCount(rule.id, rule.message, per_rule[rule.id]) for rule in RULES],
        rows=rows,
        shown_all=len(failures) <= limit,
    )
