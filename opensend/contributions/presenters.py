"""What the family's and the caseworker's pages show of the contributions."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from opensend.casework.models import Case, CaseStep, PlanVersion
from opensend.casework.plan_sections import SECTIONS
from opensend.contributions.about_me import latest_about_me
from opensend.contributions.models import DraftComment
from opensend.contributions.selectors import (
    comments_by_section,
    family_request,
    meeting_requests,
    preferred_setting,
)

DECISION_STEP = "decision_to_assess"


def decision_due(case: Case) -> dt.date | None:
    """When the council must say whether it will assess: 6 weeks from the day the
    request was received (Reg 4(1)), as the clock stored it."""
    step = CaseStep.objects.filter(case=case, step=DECISION_STEP).first()
    return step.due if step else None


@dataclass(frozen=True)
class DraftSection:
    code: str
    title: str
    text: str  # what the draft says, in plain text (lists joined), for reading beside it
    comments: list[DraftComment]


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(
            " ".join(str(part) for part in row.values() if part) if isinstance(row, dict)
            else str(row) for row in value
        )
    return ""


def draft_sections(
    draft: PlanVersion | None, comments: list[DraftComment]
) -> list[DraftSection]:
    """Each section of the draft with the family's comments on it so far (not section I:
    a draft names no school, CFA 2014 s38(5))."""
    if draft is None:
        return []
    by_section: dict[str, list[DraftComment]] = {}
    for comment in comments:
        by_section.setdefault(comment.section, []).append(comment)
    return [
        DraftSection(section.code, section.title, _as_text(draft.sections.get(section.code)),
                     by_section.get(section.code, []))
        for section in SECTIONS if section.code != "I"
    ]


def plan_editor_panel(case: Case, section_code: str) -> dict[str, Any]:
    """For casework's plan editor (through a template global, config/jinja2.py): the
    family's comments on this section of the latest draft, and on the whole draft."""
    grouped = comments_by_section(case)
    return {
        "comments": grouped.get(section_code, []),
        "general": grouped.get("", []),
        "preferred": preferred_setting(case) if section_code == "I" else None,
        "about_me": latest_about_me(case.child) if section_code == "A" else None,
    }


def case_page_panel(case: Case) -> dict[str, Any]:
    """For casework's case page: the family's request, preference and meeting requests."""
    return {"request": family_request(case), "preferred": preferred_setting(case),
            "meetings": meeting_requests(case)}
