"""The SEN2 return as plain records: what the XML says, one frozen dataclass per module.

Pure Python (no Django), so the validation rules (rules.py) and the XML writer
(xml_writer.py) can be tested on hand-built rows. collect.py builds these records from
the database; nothing here reads it. Codes are the SEN2 2025 code lists in
opensend.statutory.codes. See docs/sen2-return.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opensend.statutory.indicators.definitions import Period

__all__ = [
    "CENSUS_DATES",
    "ActivePlan",
    "Assessment",
    "Header",
    "NamedPlan",
    "Need",
    "Person",
    "Placement",
    "Request",
    "Return",
    "activity_period",
]


# SEN2 census (reference) dates (domain.md, "The SEN2 return"). Add each new year's date
# when the DfE publishes it; the command takes any date.
CENSUS_DATES: tuple[date, ...] = (date(2025, 1, 16), date(2026, 1, 15), date(2027, 1, 21))


def activity_period(census_date: date) -> Period:
    """SEN2 counts activity in the calendar year before the census (domain.md, "The SEN2
    return": the January 2027 return covers 1 January to 31 December 2026)."""
    year = census_date.year - 1
    return Period(date(year, 1, 1), date(year, 12, 31))


@dataclass(frozen=True)
class Header:
    census_date: date  # the ReferenceDate, e.g. 2027-01-21
    la_code: str  # DfE LA code of the source local authority, e.g. "929"
    la_name: str
    generated_at: str  # ISO date-time written in the header (passed in: deterministic)
    software_release: str

    @property
    def year(self) -> int:
        return self.census_date.year


@dataclass(frozen=True)
class Placement:
    """A setting: a URN or UKPRN, or (when the setting has neither) a SettingCode."""

    urn: str = ""
    ukprn: str = ""
    setting_code: str = ""  # codes.SettingCode: OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO
    setting_name: str = ""  # not written to the XML: for the validation report
    rank: int = 1
    entry_date: date | None = None
    leaving_date: date | None = None


@dataclass(frozen=True)
class NamedPlan:
    start_date: date  # the final plan was first issued
    cease_date: date | None = None
    cease_reason: str = ""  # codes.CeaseReason "1".."9"
    placement: Placement | None = None  # Plan detail: the setting named in section I


@dataclass(frozen=True)
class Assessment:
    outcome: str  # codes.AssessmentOutcome
    outcome_date: date | None = None
    mediation: bool = False
    tribunal: bool = False
    week20_exception: bool = False  # the clock's Week20.exception_applies (Reg 13(3))
    named_plan: NamedPlan | None = None


@dataclass(frozen=True)
class Request:
    received_date: date
    source: str  # codes.RequestSource "1".."5"
    youth_accommodation: bool = False
    outcome: str = "A"  # codes.RequestOutcome
    outcome_date: date | None = None
    mediation: bool = False
    tribunal: bool = False
    exported: bool = False
    assessment: Assessment | None = None
    exception_periods: tuple[tuple[date, date], ...] = ()  # recorded exceptions (report only)


@dataclass(frozen=True)
class Need:
    need: str  # codes.NeedType
    rank: int


@dataclass(frozen=True)
class ActivePlan:
    """A plan in place on the census date."""

    last_review: date | None = None
    review_outcome: str = ""  # codes.ReviewOutcome of that review, when decided
    placements: tuple[Placement, ...] = ()
    needs: tuple[Need, ...] = ()


@dataclass(frozen=True)
class Person:
    child_id: int  # OpenSEND's ids: for the validation report's links, never in the XML
    case_id: int
    surname: str
    forename: str
    birth_date: date
    sex: str
    ethnicity: str = ""
    postcode: str = ""
    upn: str = ""
    uln: str = ""
    upn_unknown_reason: str = ""
    requests: tuple[Request, ...] = ()
    active_plan: ActivePlan | None = None

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"


@dataclass(frozen=True)
class Return:
    header: Header
    persons: tuple[Person, ...]
