"""The consent page's history table and the refusal page's explanation."""

import datetime as dt
from dataclasses import dataclass

from opensend.casework.models import Case
from opensend.people.models import Consent, User
from opensend.statutory import disclosure


@dataclass(frozen=True)
class ConsentRow:
    decided_on: dt.date
    decision: str
    scope: str
    recipient: str
    whose: str  # whose consent, or the Reg 17 ground with its citation
    note: str
    recorded_by: str


def _whose(row: Consent) -> str:
    if row.ground:
        ground = disclosure.GROUNDS[disclosure.Reg17Ground(row.ground)]
        return f"{ground.label} ({ground.citation})"
    who = row.get_given_by_display()
    return f"{who}: {row.family_member.name}" if row.family_member else who


def consent_rows(rows: list[Consent]) -> list[ConsentRow]:
    return [
        ConsentRow(
            decided_on=row.decided_on,
            decision=row.get_decision_display(),
            scope=row.get_scope_display(),
            recipient=row.organisation.name if row.organisation else "Every organisation",
            whose=_whose(row),
            note=row.note,
            recorded_by=row.recorded_by.full_name if row.recorded_by else "",
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ConsentMissingPage:
    child_name: str
    number: int
    organisations: str  # the user's organisations, as the missing consent must name one
    coordinator: str
    scope: str


def consent_missing_page(case: Case, number: int, user: User) -> ConsentMissingPage:
    names = sorted({m.organisation.name for m in user.memberships.select_related("organisation")})
    return ConsentMissingPage(
        child_name=case.child.full_name,
        number=number,
        organisations=" or ".join(names),
        coordinator=case.caseworker.full_name if case.caseworker else "the SEN team",
        scope=disclosure.SCOPE_LABELS[disclosure.ConsentScope.UNISSUED_DOCUMENTS].lower(),
    )
