"""The sections of an EHC plan (Reg 12(1); CoP 9.62) and how their content is stored.

A plan version stores its sections as one JSON document:
  text sections:            {"A": "..."}
  B needs (ranked):         {"B": [{"need": "ASD", "description": "..."}, ...]}
  E outcomes:               {"E": [{"outcome": "...", "by": "end of Key Stage 2"}, ...]}
  F provision (per need):   {"F": [{"need": "ASD", "provision": "...", "amount": "...",
                                    "delivered_by": "..."}, ...]}
  I placement:              {"I": {"setting_id": 12, "setting_name": "..."}}
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    shape: str  # "text" | "needs" | "outcomes" | "provision" | "placement"


SECTIONS: tuple[Section, ...] = (
    Section(
        "A",
        "The views, interests and aspirations of the child and their parents, "
        "or of the young person",
        "text",
    ),
    Section("B", "Special educational needs", "needs"),
    Section("C", "Health needs related to their SEN", "text"),
    Section("D", "Social care needs related to their SEN or disability", "text"),
    Section("E", "Outcomes", "outcomes"),
    Section("F", "Special educational provision", "provision"),
    Section("G", "Health provision", "text"),
    Section("H1", "Social care provision under section 2 of the CSDPA 1970", "text"),
    Section("H2", "Other social care provision", "text"),
    Section("I", "Placement", "placement"),
    Section("J", "Personal budget", "text"),
    Section("K", "Advice and information", "text"),
)

SECTION_BY_CODE = {section.code: section for section in SECTIONS}


def empty_sections() -> dict[str, object]:
    empty: dict[str, object] = {
        "text": "",
        "needs": [],
        "outcomes": [],
        "provision": [],
        "placement": {},
    }
    return {section.code: empty[section.shape] for section in SECTIONS}
