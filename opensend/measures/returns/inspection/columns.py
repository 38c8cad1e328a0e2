"""The inspection lists' columns, and the rows they are filled from.

Pure Python (no Django). The columns follow the inspection data request's standard lists
(domain.md, "Inspection lists"). A column OpenSEND holds no data for is kept, left blank,
and marked ``held=False`` so that the documentation and the page can say which they are:
the partnership fills them from the school census and social care systems.
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
    plan_first_issued: date | None = None
    plan_last_updated: date | None = None
    last_annual_review: date | None = None

    @property
    def elective_home_education(self) -> str:
        return "Y" if self.setting_code == "EHE" else "N"


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[InspectionRow], Cell]
    lists: frozenset[int] = frozenset({1, 2})
    held: bool = True  # False: OpenSEND holds no data for it; the column is left blank


def _blank(row: InspectionRow) -> Cell:
    return None


_BOTH, _PLAN = frozenset({1, 2}), frozenset({1})

COLUMNS: Final[tuple[Column, ...]] = (
    Column("OpenSEND child ID", lambda r: r.child_id),
    Column("Surname", lambda r: r.surname),
    Column("Forename", lambda r: r.forename),
    Column("UPN", lambda r: r.upn),
    Column("ULN", lambda r: r.uln),
    Column("Date of birth", lambda r: r.date_of_birth),
    Column("Age", lambda r: r.age),
    Column("National Curriculum year", lambda r: r.nc_year),
    Column("Sex", lambda r: r.sex),
    Column("Ethnicity", lambda r: r.ethnicity),
    Column("Postcode", lambda r: r.postcode),
    Column("EHC plan first issued", lambda r: r.plan_first_issued, _PLAN),
    Column("EHC plan last updated", lambda r: r.plan_last_updated, _PLAN),
    Column("Last annual review", lambda r: r.last_annual_review, _PLAN),
    Column("Primary need", lambda r: r.primary_need),
    Column("Secondary need", lambda r: r.secondary_need),
    Column("Main setting", lambda r: r.setting_name),
    Column("Main setting URN", lambda r: r.setting_urn),
    Column("Main setting UKPRN", lambda r: r.setting_ukprn),
    Column("Main setting phase", lambda r: r.setting_phase),
    Column("Main setting type", lambda r: r.setting_type),
    Column("SEN2 setting code (no setting named)", lambda r: r.setting_code, _PLAN),
    Column("Elective home education", lambda r: r.elective_home_education),
    Column("Suspensions", _blank, held=False),
    Column("Permanent exclusions", _blank, held=False),
    Column("Overall absence (%)", _blank, held=False),
    Column("Persistent absence", _blank, held=False),
    Column("Pupil premium", _blank, held=False),
    Column("Social care involvement (CIN, CP, CLA)", _blank, held=False),
    Column("Disability", _blank, held=False),
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
