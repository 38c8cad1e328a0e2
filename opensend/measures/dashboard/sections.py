"""The dashboard's sections: every indicator in the registry belongs to exactly one."""

from __future__ import annotations

from dataclasses import dataclass

from opensend.statutory.indicators import INDICATORS, Indicator


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    prefixes: tuple[str, ...]  # an indicator belongs to the first section a prefix matches

    @property
    def indicators(self) -> list[Indicator]:
        return [i for code, i in INDICATORS.items() if section_of(code) is self]


SECTIONS: tuple[Section, ...] = (
    Section("requests", "Requests and assessments", ("ehc_requests", "requests_", "new_plans")),
    # Requests still waiting for a plan, beside the DfE's "over 52 weeks" (issued plans
    # only), so that a long wait shows before the plan is issued (issue 9, item 8).
    Section("backlog", "Backlog", ("plans_issued_over_52_weeks", "open_requests")),
    Section("timeliness", "Timeliness", ("plans_issued_", "average_weeks")),
    Section("advice", "Advice", ("advice_",)),
    Section("reviews", "Reviews", ("annual_reviews", "review_", "amended_plans")),
    Section("transfers", "Transfers", ("phase_transfers",)),
    Section("ceased", "Ceased", ("plans_ceased",)),
    Section("needs", "Needs", ("primary_need",)),
    Section("placements", "Placements", ("plans_in_place", "placement")),
    Section("disputes", "Disputes", ("mediation", "tribunal", "appeal", "dispute")),
    Section("caseload", "Caseload", ("caseload",)),
)


def section_of(code: str) -> Section:
    for section in SECTIONS:
        if code.startswith(section.prefixes):
            return section
    raise LookupError(f"indicator {code!r} is in no dashboard section: add it to SECTIONS")
