"""The plan editor's pages: the list of sections A to K, and the answers checked before
a version is issued."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from opensend.casework.documents import DRAFT_PLACEMENT, NEED_LABELS
from opensend.casework.forms.plans import PlanState, issue_kinds, section_wording
from opensend.casework.models import Case, VersionKind
from opensend.casework.plan_sections import SECTIONS, Section, empty_sections

ISSUE_BUTTON = {
    VersionKind.DRAFT: "Issue as draft",
    VersionKind.FINAL: "Issue as final",
    VersionKind.PROPOSED_AMENDMENT: "Issue the proposed amendments",
    VersionKind.AMENDED_FINAL: "Issue as final amended plan",
}


@dataclass(frozen=True)
class SectionRow:
    code: str
    title: str
    href: str
    status: str  # "Not started", "Written", "Check the wording"
    found: tuple[str, ...]  # the words the wording check found


@dataclass(frozen=True)
class IssueAction:
    kind: str
    text: str
    href: str


def section_href(case: Case, code: str) -> str:
    return reverse("casework:plan_section", args=[case.pk, code.lower()])


def _is_empty(value: Any) -> bool:
    return not (value.strip() if isinstance(value, str) else value)


def section_rows(case: Case, sections: dict[str, Any]) -> list[SectionRow]:
    rows = []
    for section in SECTIONS:
        value = sections.get(section.code)
        found = section_wording(section, value, sections).found
        status = ("Not started" if _is_empty(value)
                  else "Check the wording" if found else "Written")
        rows.append(SectionRow(section.code, section.title, section_href(case, section.code),
                               status, found))
    return rows


def issue_actions(case: Case, state: PlanState) -> list[IssueAction]:
    if state.working is None:
        return []
    url = reverse("casework:plan_issue", args=[case.pk])
    return [IssueAction(kind, ISSUE_BUTTON[VersionKind(kind)], f"{url}?as={kind}")
            for kind in issue_kinds(state)]


@dataclass(frozen=True)
class PlanOverview:
    sections: list[SectionRow]
    issue: list[IssueAction]
    found: tuple[str, ...]  # every word to check, in section order

    @property
    def task_items(self) -> list[dict[str, Any]]:
        """The sections as GOV.UK task list items."""
        return [{"title": {"text": f"Section {row.code}: {row.title}"}, "href": row.href,
                 "status": _task_status(row)} for row in self.sections]


def _task_status(row: SectionRow) -> dict[str, Any]:
    if row.status == "Written":
        return {"text": row.status}
    colour = "govuk-tag--yellow" if row.found else "govuk-tag--blue"
    return {"tag": {"text": row.status, "classes": colour}}


def plan_overview(case: Case, state: PlanState) -> PlanOverview:
    sections = state.latest.sections if state.latest else empty_sections()
    rows = section_rows(case, sections)
    found: list[str] = []
    for row in rows:
        found += [word for word in row.found if word not in found]
    return PlanOverview(rows, issue_actions(case, state), tuple(found))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _answer(section: Section, value: Any, kind: str) -> str:
    if section.shape == "placement":
        if kind == VersionKind.DRAFT:
            return DRAFT_PLACEMENT
        return str((value or {}).get("setting_name") or "Not named")
    if section.shape == "needs":
        return "; ".join(f"{rank}. {NEED_LABELS.get(row.get('need', ''), row.get('need', ''))}"
                         for rank, row in enumerate(value or [], start=1)) or "None"
    if section.shape == "outcomes":
        return _count(len(value), "outcome") if value else "None"
    if section.shape == "provision":
        if not value:
            return "None"
        return f"{_count(len(value), 'provision')}, each for a need in section B"
    text = (value or "").strip()
    return text if len(text) <= 300 else f"{text[:297]}..."


def plan_answers(case: Case, sections: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """Check your answers: one summary-list row per section, each with a Change link."""
    return [
        {
            "key": {"text": f"Section {section.code}: {section.title}"},
            "value": {"text": _answer(section, sections.get(section.code), kind)},
            "actions": {"items": [{
                "href": section_href(case, section.code), "text": "Change",
                "visuallyHiddenText": f"section {section.code}",
            }]},
        }
        for section in SECTIONS
    ]
