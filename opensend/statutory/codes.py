"""Code lists used across OpenSEND: SEN2 2025 codes, census codes, phases, organisations.

Pure Python (no Django). Every list cites where its values come from. Each enum is a
``StrEnum`` whose value is the code itself, so a member compares equal to its code
(``NeedType.ASD == "ASD"``), can be stored as-is in a database column and written straight
into the SEN2 XML; ``.label`` is the plain-English wording to show people.

Sources: "SEN2" = the DfE special educational needs person level survey (SEN2) technical
specification and guide for the 2025 return; "CBDS" = the DfE Common Basic Data Set, which
defines the code sets shared by DfE collections (school census, SEN2, CIN). Where a label
is marked *check*, confirm the wording against the current SEN2 guide before publishing it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

__all__ = [
    "NO_SPECIALIST_ASSESSMENT",
    "AssessmentOutcome",
    "CeaseReason",
    "EducationPhase",
    "Ethnicity",
    "EthnicityGroup",
    "LabelledEnum",
    "NeedType",
    "OrganisationKind",
    "RequestOutcome",
    "RequestSource",
    "ResidentialPlacement",
    "ReviewOutcome",
    "SchoolPhase",
    "SettingCode",
    "SettingPhase",
    "Sex",
    "UpnUnknownReason",
    "choices",
]


class LabelledEnum(StrEnum):
    """A StrEnum whose members are declared as ``CODE = "code", "Label"``."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def choices(enum: type[LabelledEnum]) -> list[tuple[str, str]]:
    """(code, label) pairs in declaration order, e.g. for a form's radios or a select."""
    return [(member.value, member.label) for member in enum]


# ---------------------------------------------------------------------------------------
# SEN2 2025 code sets
# ---------------------------------------------------------------------------------------


class NeedType(LabelledEnum):
    """Type of special educational need (SEN2 2025 "SEN type"; CBDS SEN type code set).

    DS (Down syndrome) is new in 2025. Ranked on a plan: 1 is the primary need.
    """

    SPLD = "SPLD", "Specific learning difficulty"
    MLD = "MLD", "Moderate learning difficulty"
    SLD = "SLD", "Severe learning difficulty"
    PMLD = "PMLD", "Profound and multiple learning difficulty"
    SEMH = "SEMH", "Social, emotional and mental health"
    SLCN = "SLCN", "Speech, language and communication needs"
    HI = "HI", "Hearing impairment"
    VI = "VI", "Vision impairment"
    MSI = "MSI", "Multi-sensory impairment"
    PD = "PD", "Physical disability"
    ASD = "ASD", "Autistic spectrum disorder"
    DS = "DS", "Down syndrome"
    OTH = "OTH", "Other difficulty or disability"


# School census only (CBDS): a pupil on SEN support without a specialist assessment of
# their type of need. Never valid in SEN2, so it is not a NeedType member.
NO_SPECIALIST_ASSESSMENT = "NSA"


class RequestSource(LabelledEnum):
    """Who made the request for an EHC needs assessment (SEN2 2025, requests module)."""

    PARENT_OR_YOUNG_PERSON = "1", "Parent or young person"
    EDUCATION_SETTING = "2", "Early years setting, school or college"
    HEALTH = "3", "Health service"
    SOCIAL_CARE = "4", "Local authority social care"
    OTHER = "5", "Other"


class RequestOutcome(LabelledEnum):
    """Whether the request went on to an assessment (SEN2 2025, requests module)."""

    ASSESS = "Y", "The local authority decided to carry out an assessment"
    NOT_ASSESS = "N", "The local authority decided not to carry out an assessment"
    AWAITING = "A", "Decision not yet made"
    WITHDRAWN = "W", "Request withdrawn or ended before a decision was made"
    HISTORICAL = "H", "Decision made before this collection period"


class AssessmentOutcome(LabelledEnum):
    """Whether an EHC plan was to be issued after assessment (SEN2 2025, assessment module).

    S appears in SEN2 from 2024 for a plan issued after another local authority completed
    the assessment (*check* against the current SEN2 guide).
    """

    ISSUE = "Y", "The local authority decided to issue an EHC plan"
    NOT_ISSUE = "N", "The local authority decided not to issue an EHC plan"
    AWAITING = "A", "Decision not yet made"
    WITHDRAWN = "W", "Assessment withdrawn or ended before a decision was made"
    HISTORICAL = "H", "Decision made before this collection period"
    OTHER_LA_ASSESSMENT = "S", "Plan issued after another local authority's assessment"


class ReviewOutcome(LabelledEnum):
    """The local authority's decision after an annual review (SEN2 2025, active plans;
    CFA 2014 s44 and SEND Regs 2014 reg 20(10): maintain, amend or cease)."""

    AMEND = "A", "Amend the plan"
    CEASE = "C", "Cease the plan"
    MAINTAIN = "M", "Maintain the plan without changes"


class CeaseReason(LabelledEnum):
    """Why an EHC plan ceased (SEN2 2025, named plan module; CFA 2014 s45)."""

    MAXIMUM_AGE = "1", "Reached maximum age (end of the academic year they turned 25)"
    NEEDS_MET = "2", "Needs met without an EHC plan"
    HIGHER_EDUCATION = "3", "Moved on to higher education"
    PAID_EMPLOYMENT = "4", "Moved on to paid employment, excluding apprenticeships"
    MOVED_LA_ENGLAND = "5", "Moved to another local authority in England"
    NO_LONGER_ENGAGING = "6", "Young person no longer wishes to engage in education or training"
    MOVED_OUTSIDE_ENGLAND = "7", "Moved outside England"
    DECEASED = "8", "Deceased"
    OTHER = "9", "Other"


class SettingCode(LabelledEnum):
    """Where a child or young person is placed when the setting has no URN or UKPRN
    (SEN2 2025, plan detail / placement). Labels are *check*: confirm with the SEN2 guide.
    """

    OLA = "OLA", "Other arrangements made by the local authority (education other than at school)"
    OPA = "OPA", "Other arrangements made by parents (not elective home education)"
    EHE = "EHE", "Elective home education"
    EYP = "EYP", "Early years provider without a URN"
    OTH = "OTH", "Other setting"
    NEET = "NEET", "Not in education, employment or training (young person)"
    NIEC = "NIEC", "Not in education: child of compulsory school age"
    NIEO = "NIEO", "Not in education: other"


class ResidentialPlacement(LabelledEnum):
    """A residential placement made under the plan (SEN2 items PlanRes and RES): how many
    weeks a year. Codes as the community's SEN2 readers decode them (data-to-insight/patch,
    apps/015_SEN2_app: A "38 to 51 weeks", B "52 weeks"); no code when not residential.
    """

    WEEKS_38_TO_51 = "A", "Residential, 38 to 51 weeks a year"
    WEEKS_52 = "B", "Residential, 52 weeks a year"


# ---------------------------------------------------------------------------------------
# Person codes (CBDS)
# ---------------------------------------------------------------------------------------


class Sex(LabelledEnum):
    """Sex as recorded in DfE collections (CBDS sex code set: M, F, and U not known)."""

    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known"


class UpnUnknownReason(LabelledEnum):
    """Why a child has no UPN (CBDS "UPN unknown" code set, the SEN2 Person module's
    UPNunknown). Labels are *check*: confirm the codes SEN2 accepts with the SEN2 guide.
    """

    UN1 = "UN1", "Under 6 years old and not yet given a UPN"
    UN2 = "UN2", "Never attended a state-funded school in England, so has no UPN"
    UN3 = "UN3", "Educated outside England, so has no UPN"
    UN4 = "UN4", "New arrival to the country, not yet given a UPN"
    UN5 = "UN5", "Sources disagree about the name or date of birth, so the UPN cannot be matched"


class EthnicityGroup(LabelledEnum):
    """The main ethnic groups DfE statistics report by."""

    WHITE = "WHIT", "White"
    MIXED = "MIXD", "Mixed or multiple ethnic groups"
    ASIAN = "AOEG", "Asian or Asian British"
    BLACK = "BLAC", "Black, Black British, Caribbean or African"
    CHINESE = "CHIN", "Chinese"
    OTHER = "OOEG", "Any other ethnic group"
    UNCLASSIFIED = "UNCL", "Unclassified (refused or not obtained)"


class Ethnicity(LabelledEnum):
    """DfE school census ethnicity main codes (CBDS ethnicity code set, main categories)."""

    WBRI = "WBRI", "White - British"
    WIRI = "WIRI", "White - Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy / Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Black Caribbean"
    BAFR = "BAFR", "Black - African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"

    @property
    def group(self) -> EthnicityGroup:
        return _ETHNICITY_GROUPS[self]


_E, _G = Ethnicity, EthnicityGroup
_ETHNICITY_GROUPS: dict[Ethnicity, EthnicityGroup] = {
    **dict.fromkeys((_E.WBRI, _E.WIRI, _E.WIRT, _E.WOTH, _E.WROM), _G.WHITE),
    **dict.fromkeys((_E.MWBC, _E.MWBA, _E.MWAS, _E.MOTH), _G.MIXED),
    **dict.fromkeys((_E.AIND, _E.APKN, _E.ABAN, _E.AOTH), _G.ASIAN),
    **dict.fromkeys((_E.BCRB, _E.BAFR, _E.BOTH), _G.BLACK),
    _E.CHNE: _G.CHINESE,
    _E.OOTH: _G.OTHER,
    **dict.fromkeys((_E.REFU, _E.NOBT), _G.UNCLASSIFIED),
}


# ---------------------------------------------------------------------------------------
# Phases and organisations
# ---------------------------------------------------------------------------------------


class EducationPhase(LabelledEnum):
    """The phase an NC year belongs to in the standard pattern (see school_year)."""

    EARLY_YEARS = "early_years", "Early years"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    POST16 = "post16", "Post-16"


class SettingPhase(LabelledEnum):
    """The phase of the setting a child or young person attends (OpenSEND's vocabulary).

    Decides whether a move is a "transfer between phases of education" (SEND Regs 2014
    reg 2(1), reg 18): see school_year.transfer_kind. "post16" is a post-16 institution
    that is not a school (CFA 2014 s83(2)), e.g. a sixth-form college; a school sixth form
    belongs to its school's phase ("secondary", "high", "all_through" or "special").
    """

    EARLY_YEARS = "early_years", "Early years provider or nursery"
    INFANT = "infant", "Infant school"
    JUNIOR = "junior", "Junior school"
    PRIMARY = "primary", "Primary school"
    FIRST = "first", "First school"
    MIDDLE = "middle", "Middle school"
    SECONDARY = "secondary", "Secondary school"
    HIGH = "high", "High school"
    ALL_THROUGH = "all_through", "All-through school"
    SPECIAL = "special", "Special school"
    POST16 = "post16", "Sixth-form college or other post-16 institution"
    FURTHER_EDUCATION = "further_education", "Further education college"


class SchoolPhase(LabelledEnum):
    """Phase of education as published by DfE Get Information about Schools (GIAS),
    "PhaseOfEducation (code)" and "(name)". Codes are *check* against a GIAS extract."""

    NOT_APPLICABLE = "0", "Not applicable"
    NURSERY = "1", "Nursery"
    PRIMARY = "2", "Primary"
    MIDDLE_DEEMED_PRIMARY = "3", "Middle deemed primary"
    SECONDARY = "4", "Secondary"
    MIDDLE_DEEMED_SECONDARY = "5", "Middle deemed secondary"
    SIXTEEN_PLUS = "6", "16 plus"
    ALL_THROUGH = "7", "All-through"

    @property
    def setting_phase(self) -> SettingPhase | None:
        """The nearest SettingPhase; None for "Not applicable" (e.g. a special school,
        whose phase comes from its establishment type instead)."""
        return _SCHOOL_TO_SETTING_PHASE.get(self)


_SCHOOL_TO_SETTING_PHASE: dict[SchoolPhase, SettingPhase] = {
    SchoolPhase.NURSERY: SettingPhase.EARLY_YEARS,
    SchoolPhase.PRIMARY: SettingPhase.PRIMARY,
    SchoolPhase.MIDDLE_DEEMED_PRIMARY: SettingPhase.MIDDLE,
    SchoolPhase.SECONDARY: SettingPhase.SECONDARY,
    SchoolPhase.MIDDLE_DEEMED_SECONDARY: SettingPhase.MIDDLE,
    SchoolPhase.SIXTEEN_PLUS: SettingPhase.POST16,
    SchoolPhase.ALL_THROUGH: SettingPhase.ALL_THROUGH,
}


class OrganisationKind(LabelledEnum):
    """Kinds of organisation OpenSEND records (people and directory apps)."""

    LOCAL_AUTHORITY = "local_authority", "Local authority"
    EARLY_YEARS_PROVIDER = "early_years_provider", "Early years provider"
    SCHOOL = "school", "School"
    POST16_PROVIDER = "post16_provider", "College or other post-16 provider"
    INDEPENDENT_SPECIALIST_PROVIDER = (
        "independent_specialist_provider",
        "Independent specialist provider",
    )
    NHS_TRUST = "nhs_trust", "NHS trust or health provider"
    INTEGRATED_CARE_BOARD = "integrated_care_board", "NHS integrated care board"
    SOCIAL_CARE = "social_care", "Social care provider"
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum"
    SENDIASS = "sendiass", "SEND information, advice and support service"
    VOLUNTARY = "voluntary", "Voluntary or community organisation"
    OTHER = "other", "Other organisation"
