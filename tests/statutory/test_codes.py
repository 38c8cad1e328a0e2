"""SEN2 2025 and census code lists: the codes are exactly the published sets."""

from __future__ import annotations

import pytest

from opensend.statutory.codes import (
    NO_SPECIALIST_ASSESSMENT,
    AssessmentOutcome,
    CeaseReason,
    EducationPhase,
    Ethnicity,
    EthnicityGroup,
    LabelledEnum,
    NeedType,
    OrganisationKind,
    RequestOutcome,
    RequestSource,
    ReviewOutcome,
    SchoolPhase,
    SettingCode,
    SettingPhase,
    Sex,
    UpnUnknownReason,
    choices,
)
from opensend.statutory.school_year import transfer_kind

ALL_ENUMS: list[type[LabelledEnum]] = [
    AssessmentOutcome,
    CeaseReason,
    EducationPhase,
    Ethnicity,
    EthnicityGroup,
    NeedType,
    OrganisationKind,
    RequestOutcome,
    RequestSource,
    ReviewOutcome,
    SchoolPhase,
    SettingCode,
    SettingPhase,
    Sex,
    UpnUnknownReason,
]


@pytest.mark.parametrize(
    ("enum", "codes"),
    [
        # domain.md "Need types (SEN2 codes, 2025)": 13 codes, DS new in 2025.
        (
            NeedType,
            "SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD DS OTH",
        ),
        (RequestSource, "1 2 3 4 5"),
        (CeaseReason, "1 2 3 4 5 6 7 8 9"),
        (SettingCode, "OLA OPA EHE EYP OTH NEET NIEC NIEO"),
        (ReviewOutcome, "A C M"),
        (RequestOutcome, "Y N A W H"),
        (AssessmentOutcome, "Y N A W H S"),
        (Sex, "M F U"),
        (UpnUnknownReason, "UN1 UN2 UN3 UN4 UN5"),
        (
            Ethnicity,
            "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH "
            "CHNE OOTH REFU NOBT",
        ),
        (SchoolPhase, "0 1 2 3 4 5 6 7"),
        (EducationPhase, "early_years primary secondary post16"),
        (
            SettingPhase,
            "early_years infant junior primary first middle secondary high all_through special "
            "post16 further_education",
        ),
    ],
)
def test_code_sets_are_exact(enum: type[LabelledEnum], codes: str) -> None:
    assert [member.value for member in enum] == codes.split()


def test_nsa_is_census_only() -> None:
    assert NO_SPECIALIST_ASSESSMENT == "NSA"
    with pytest.raises(ValueError, match="NSA"):
        NeedType(NO_SPECIALIST_ASSESSMENT)


@pytest.mark.parametrize(
    ("member", "label"),
    [
        (NeedType.ASD, "Autistic spectrum disorder"),
        (NeedType.DS, "Down syndrome"),
        (NeedType.SEMH, "Social, emotional and mental health"),
        (RequestSource.PARENT_OR_YOUNG_PERSON, "Parent or young person"),
        (CeaseReason.MAXIMUM_AGE, "Reached maximum age (end of the academic year they turned 25)"),
        (CeaseReason.MOVED_LA_ENGLAND, "Moved to another local authority in England"),
        (CeaseReason.DECEASED, "Deceased"),
        (SettingCode.EHE, "Elective home education"),
        (ReviewOutcome.AMEND, "Amend the plan"),
        (Ethnicity.WROM, "Gypsy / Roma"),
        (SchoolPhase.MIDDLE_DEEMED_SECONDARY, "Middle deemed secondary"),
    ],
)
def test_labels(member: LabelledEnum, label: str) -> None:
    assert member.label == label


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_a_distinct_tidy_label(enum: type[LabelledEnum]) -> None:
    labels = [member.label for member in enum]
    assert all(label and label == label.strip() for label in labels)
    assert all(label[0].isupper() or label[0].isdigit() for label in labels)
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: e.__name__)
def test_members_are_their_codes(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert member == member.value
        assert str(member) == member.value
        assert f"{member}" == member.value
        assert enum(member.value) is member


def test_unknown_code_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="XYZ"):
        NeedType("XYZ")


def test_choices_are_code_label_pairs_in_order() -> None:
    assert choices(ReviewOutcome) == [
        ("A", "Amend the plan"),
        ("C", "Cease the plan"),
        ("M", "Maintain the plan without changes"),
    ]


@pytest.mark.parametrize(
    ("ethnicity", "group"),
    [
        (Ethnicity.WBRI, EthnicityGroup.WHITE),
        (Ethnicity.WIRT, EthnicityGroup.WHITE),
        (Ethnicity.WROM, EthnicityGroup.WHITE),
        (Ethnicity.MWBC, EthnicityGroup.MIXED),
        (Ethnicity.APKN, EthnicityGroup.ASIAN),
        (Ethnicity.BAFR, EthnicityGroup.BLACK),
        (Ethnicity.CHNE, EthnicityGroup.CHINESE),
        (Ethnicity.OOTH, EthnicityGroup.OTHER),
        (Ethnicity.REFU, EthnicityGroup.UNCLASSIFIED),
        (Ethnicity.NOBT, EthnicityGroup.UNCLASSIFIED),
    ],
)
def test_ethnicity_group(ethnicity: Ethnicity, group: EthnicityGroup) -> None:
    assert ethnicity.group is group


def test_every_ethnicity_has_a_group_and_every_group_is_used() -> None:
    assert {ethnicity.group for ethnicity in Ethnicity} == set(EthnicityGroup)


@pytest.mark.parametrize(
    ("phase", "setting_phase"),
    [
        (SchoolPhase.NOT_APPLICABLE, None),
        (SchoolPhase.NURSERY, SettingPhase.EARLY_YEARS),
        (SchoolPhase.PRIMARY, SettingPhase.PRIMARY),
        (SchoolPhase.MIDDLE_DEEMED_PRIMARY, SettingPhase.MIDDLE),
        (SchoolPhase.SECONDARY, SettingPhase.SECONDARY),
        (SchoolPhase.MIDDLE_DEEMED_SECONDARY, SettingPhase.MIDDLE),
        (SchoolPhase.SIXTEEN_PLUS, SettingPhase.POST16),
        (SchoolPhase.ALL_THROUGH, SettingPhase.ALL_THROUGH),
    ],
)
def test_school_phase_to_setting_phase(
    phase: SchoolPhase, setting_phase: SettingPhase | None
) -> None:
    assert phase.setting_phase == setting_phase


def test_every_pair_of_setting_phases_has_an_answer() -> None:
    # transfer_kind accepts every SettingPhase in both positions without raising.
    answers = {transfer_kind(a, b) for a in SettingPhase for b in SettingPhase}
    assert answers == {"school", "post16", None}


def test_sen2_code_lengths_fit_the_return() -> None:
    # SEN2 code fields: need types up to 4 characters, setting codes up to 4.
    assert max(len(code) for code in NeedType) <= 4
    assert max(len(code) for code in SettingCode) <= 4
    assert all(
        len(code) == 1 for enum in (ReviewOutcome, RequestSource, CeaseReason) for code in enum
    )
