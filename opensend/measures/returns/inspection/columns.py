"""The inspection lists' columns (Annex A List_1 and List_2), and the rows they come from.

Pure Python (no Django). Headings, their order and their vocabulary are those of the Annex A
template as the community's validator reads it (data-to-insight/annex-a-sen-validator-be,
sen_validator/config.py), with its en dashes (U+2013) exactly, as ``EN_DASH`` writes them.
A column OpenSEND holds no data for is kept, left empty and marked with ``unheld`` (the
reason), which the workbook's Notes sheet and the page show: the partnership fills them from
the school census and the children's social care system.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

__all__ = ["COLUMNS", "LIST_NAMES", "Column", "InspectionRow", "columns_for", "table"]

LIST_NAMES: Final = {
    1: "List 1: children and young people with an EHC plan",
    2: "List 2: children and young people receiving SEN support",
}

Cell = str | int | date | None


@dataclass(frozen=True)
class InspectionRow:
    child_id: int
    surname: str
    forename: str
    upn: str
    uln: str
    date_of_birth: date
    age: int
    nc_year: int
    sex: str
    ethnicity: str
    postcode: str
    primary_need: str = ""
    secondary_need: str = ""
    setting_name: str = ""
    setting_urn: str = ""
    setting_ukprn: str = ""
    setting_phase: str = ""
    setting_type: str = ""  # Mainstream, Special, Independent special, Post-16...
    setting_code: str = ""  # SEN2 setting code when no setting is named (EHE, NEET...)
    subsidiary_phase: str = ""  # phase of a second setting they are on roll at (dual)
    plan_first_issued: date | None = None
    plan_last_updated: date | None = None
    last_annual_review: date | None = None

    @property
    def elective_home_education(self) -> str:
        return "Yes" if self.setting_code == "EHE" else "No"

    @property
    def gender(self) -> str:
        return _GENDER.get(self.sex, "")


# Annex A writes words where it can; SEN2 and the census use codes (codes.Sex).
_GENDER: Final = {"M": "Male", "F": "Female", "U": "Not known"}


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[InspectionRow], Cell]
    lists: frozenset[int] = frozenset({1, 2})
    unheld: str = ""  # why OpenSEND cannot fill it (the column is left empty)

    @property
    def held(self) -> bool:
        return not self.unheld


def _blank(row: InspectionRow) -> Cell:
    return None


_BOTH, _PLAN = frozenset({1, 2}), frozenset({1})
_SCHOOL_DATA = "From the school census and schools' own records: the issue on school data fills it"
_SOCIAL_CARE = "From the children's social care system: OpenSEND does not hold it"
_DISABILITY = "OpenSEND records special educational needs, not disability (Equality Act 2010 s6)"
EN_DASH = "\u2013"

COLUMNS: Final[tuple[Column, ...]] = (
    Column("Unique ID", lambda r: r.child_id),
    Column("UPN", lambda r: r.upn),
    Column("ULN", lambda r: r.uln),
    Column("Date of birth", lambda r: r.date_of_birth),
    Column("Gender", lambda r: r.gender),
    Column("Ethnicity", lambda r: r.ethnicity),
    Column("Date initial EHC plan issued", lambda r: r.plan_first_issued, _PLAN),
    Column("Date updated EHC plan issued", lambda r: r.plan_last_updated, _PLAN),
    Column("Date EHC plan last reviewed", lambda r: r.last_annual_review, _PLAN),
    Column("SEN primary need", lambda r: r.primary_need),
    Column(f"Main education establishment {EN_DASH} URN", lambda r: r.setting_urn),
    Column(f"Main education establishment {EN_DASH} phase", lambda r: r.setting_phase),
    Column(
        f"Subsidiary education establishment {EN_DASH} phase (dual registration)",
        lambda r: r.subsidiary_phase,
    ),
    Column("Elective home education", lambda r: r.elective_home_education, _PLAN),
    Column("Suspensions", _blank, unheld=_SCHOOL_DATA),
    Column("Permanent exclusions", _blank, unheld=_SCHOOL_DATA),
    Column("Absence", _blank, unheld=_SCHOOL_DATA),
    Column("Pupil Premium", _blank, unheld=_SCHOOL_DATA),
    Column("Known to children's social care?", _blank, unheld=_SOCIAL_CARE),
    Column("Which children's social care team?", _blank, unheld=_SOCIAL_CARE),
    Column("Does the child or young person have a disability?", _blank, unheld=_DISABILITY),
)


def columns_for(list_number: int) -> tuple[Column, ...]:
    if list_number not in LIST_NAMES:
        raise ValueError(f"there is no inspection list {list_number}")
    return tuple(column for column in COLUMNS if list_number in column.lists)


def table(rows: list[InspectionRow], list_number: int) -> tuple[list[str], list[list[Cell]]]:
    """The headings and one list of cells per row, in the columns' order."""
    columns = columns_for(list_number)
    return (
        [column.heading for column in columns],
        [[column.value(row) for column in columns] for row in rows],
    )
