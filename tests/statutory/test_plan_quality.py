"""The plan wording check (CoP 9.61, 9.69): the words it must catch, and must not."""

import pytest

from opensend.statutory.plan_quality import (
    unexplained_abbreviations,
    vague_phrases,
    wording_check,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Speech therapy sometimes, when staff are free", ["sometimes"]),
        ("Regular access to a quiet room", ["regular", "access to"]),
        ("Up to 3 sessions a week as appropriate", ["up to", "as appropriate"]),
        ("Occasionally; ongoing support if needed", ["occasionally", "ongoing", "if needed"]),
        ("3 sessions of 30 minutes a week with a speech and language therapist", []),
        ("REGULARLY", ["regularly"]),
        ("He has regular, regular contact", ["regular"]),
        ("Irregularity is not a phrase", []),
    ],
)
def test_vague_phrases(text, found):
    assert vague_phrases(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("SaLT twice a week", ["SaLT"]),
        ("Weekly OT and SALT sessions with the TA", ["OT", "SALT", "TA"]),
        ("Advice from CAMHS and the SENCO", ["CAMHS", "SENCO"]),
        ("Speech and language therapy (SaLT): SaLT twice a week", []),
        ("Two TAs in class", ["TAs"]),
        ("Tom reads with Mr Smith on Monday", []),
        ("I can read", []),
        ("iPad and Mrs McKay", ["McKay"]),  # a warning to check, never an error
    ],
)
def test_unexplained_abbreviations(text, found):
    assert unexplained_abbreviations(text) == found


def test_an_abbreviation_spelled_out_elsewhere_in_the_plan_is_explained():
    assert unexplained_abbreviations("SaLT weekly", explained_in="therapy (SaLT)") == []


def test_wording_check_reports_vague_words_only_for_provision():
    text = "Sometimes SaLT"
    assert wording_check(text).found == ("SaLT",)
    assert wording_check(text, provision=True).found == ("sometimes", "SaLT")
    assert not wording_check("Tom likes trains", provision=True)
