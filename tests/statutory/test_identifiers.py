"""Identifier formats and check digits: UPN, ULN, NHS number, URN, UKPRN, postcode.

Check digits are worked by hand in the comments.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from opensend.statutory.identifiers import (
    UPN_CHECK_MESSAGE,
    UPN_FORMAT_MESSAGE,
    UPN_LETTERS,
    IdentifierError,
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_ukprn,
    is_valid_uln,
    is_valid_upn,
    is_valid_urn,
    make_nhs_number,
    make_temporary_upn,
    make_uln,
    make_upn,
    nhs_number_check_digit,
    normalise_postcode,
    uln_check_digit,
    upn_check_letter,
    validate_nhs_number,
    validate_postcode,
    validate_ukprn,
    validate_uln,
    validate_upn,
    validate_urn,
)

FAST = settings(max_examples=200, deadline=None)
DIGITS = "0123456789"

# --- UPN ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "letter"),
    [
        # 8x2 + 0x3 + 1x4 + 2x5 + 0x6 + 0x7 + 0x8 + 0x9 + 5x10 + 0x11 + 0x12 + 1x13
        # = 16 + 4 + 10 + 50 + 13 = 93; 93 mod 23 = 1 -> "B" (A=0, B=1)
        ("801200005001", "B"),
        # Temporary: 801 2000 05 01 A: 16 + 4 + 10 + 50 + 1x12 + A(0)x13 = 92;
        # 92 mod 23 = 0 -> "A"
        ("80120000501A", "A"),
        # Same with Z (value 22): 92 + 22x13 = 378; 378 mod 23 = 10 -> "L"
        # (A0 B1 C2 D3 E4 F5 G6 H7 J8 K9 L10: I is skipped)
        ("80120000501Z", "L"),
        # All zeros: sum 0 -> "A"
        ("000000000000", "A"),
    ],
)
def test_upn_check_letter(body: str, letter: str) -> None:
    assert upn_check_letter(body) == letter
    assert is_valid_upn(letter + body)


@pytest.mark.parametrize("body", ["80120000500", "8012000050011", "80120000A001", "80120000501I"])
def test_upn_check_letter_rejects_bad_body(body: str) -> None:
    with pytest.raises(IdentifierError):
        upn_check_letter(body)


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("B801200005001", "B801200005001"),
        ("b801200005001", "B801200005001"),  # lower case accepted
        (" B801 2000 05001 ", "B801200005001"),  # spaces removed
        ("A80120000501A", "A80120000501A"),  # temporary UPN
        ("l80120000501z", "L80120000501Z"),
    ],
)
def test_validate_upn_normalises(value: str, normalised: str) -> None:
    assert validate_upn(value) == normalised


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Enter a UPN"),
        ("   ", "Enter a UPN"),
        ("A801200005001", UPN_CHECK_MESSAGE),  # check letter should be B
        ("B80120000500", UPN_FORMAT_MESSAGE),  # 12 characters
        ("B8012000050011", UPN_FORMAT_MESSAGE),  # 14 characters
        ("I801200005001", UPN_FORMAT_MESSAGE),  # I is never a check letter
        ("1801200005001", UPN_FORMAT_MESSAGE),  # must start with a letter
        ("B80120000A001", UPN_FORMAT_MESSAGE),  # letters only at the end
        ("A80120000501O", UPN_FORMAT_MESSAGE),  # O is not allowed
        ("A80120000501S", UPN_FORMAT_MESSAGE),  # S is not allowed
        ("B801200005-01", UPN_FORMAT_MESSAGE),
    ],
)
def test_validate_upn_errors(value: str, message: str) -> None:
    with pytest.raises(IdentifierError) as error:
        validate_upn(value)
    assert str(error.value) == message
    assert not is_valid_upn(value)


def test_upn_messages_read_well() -> None:
    assert UPN_FORMAT_MESSAGE.startswith("Enter a UPN in the correct format: 13 characters")
    assert UPN_CHECK_MESSAGE.startswith("The UPN check letter does not match")


def test_identifier_error_is_a_value_error() -> None:
    assert issubclass(IdentifierError, ValueError)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((801, 2000, 2005, 1), "B801200005001"),  # the hand-worked example above
        ((801, 2000, 5, 1), "B801200005001"),  # 2-digit year gives the same
    ],
)
def test_make_upn(args: tuple[int, int, int, int], expected: str) -> None:
    assert make_upn(*args) == expected


def test_make_temporary_upn() -> None:
    assert make_temporary_upn(801, 2000, 2005, 1, "Z") == "L80120000501Z"


@pytest.mark.parametrize(
    "args", [(1000, 1, 25, 1), (-1, 1, 25, 1), (801, 10000, 25, 1), (801, 1, 25, 1000)]
)
def test_make_upn_rejects_out_of_range_parts(args: tuple[int, int, int, int]) -> None:
    with pytest.raises(IdentifierError, match="must be between"):
        make_upn(*args)


def test_make_temporary_upn_rejects_bad_letter() -> None:
    with pytest.raises(IdentifierError):
        make_temporary_upn(801, 2000, 25, 1, "I")


upn_parts = st.tuples(
    st.integers(0, 999), st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 999)
)


@FAST
@given(upn_parts)
def test_make_upn_always_validates(parts: tuple[int, int, int, int]) -> None:
    upn = make_upn(*parts)
    assert validate_upn(upn) == upn
    assert upn[1:].isdigit()


@FAST
@given(upn_parts, st.sampled_from(UPN_LETTERS))
def test_make_temporary_upn_always_validates(parts: tuple[int, int, int, int], letter: str) -> None:
    la, school, year, serial = parts
    upn = make_temporary_upn(la, school, year, serial % 100, letter)
    assert is_valid_upn(upn)
    assert upn[-1] == letter


@FAST
@given(upn_parts, st.integers(1, 11), st.sampled_from(DIGITS))
def test_changing_one_upn_digit_breaks_the_check(
    parts: tuple[int, int, int, int], position: int, digit: str
) -> None:
    # Weights 2..13 and digit changes of 1..9 are never a multiple of 23 (a prime).
    upn = make_upn(*parts)
    assume(upn[position] != digit)
    assert not is_valid_upn(upn[:position] + digit + upn[position + 1 :])


@FAST
@given(upn_parts, st.sampled_from(UPN_LETTERS))
def test_changing_the_upn_check_letter_breaks_it(
    parts: tuple[int, int, int, int], letter: str
) -> None:
    upn = make_upn(*parts)
    assume(upn[0] != letter)
    assert not is_valid_upn(letter + upn[1:])


# --- ULN ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "check"),
    [
        # 1x10 + 2x9 + 3x8 + 4x7 + 5x6 + 6x5 + 7x4 + 8x3 + 9x2 = 210; 210 mod 11 = 1;
        # 10 - 1 = 9
        ("123456789", 9),
        # 9x10 + 1x2 = 92; 92 mod 11 = 4; 10 - 4 = 6
        ("900000001", 6),
        # 1x10 = 10; 10 mod 11 = 10; 10 - 10 = 0
        ("100000000", 0),
        # 2x10 + 1x2 = 22; 22 mod 11 = 0 -> would need 10: no ULN starts 200000001
        ("200000001", None),
    ],
)
def test_uln_check_digit(body: str, check: int | None) -> None:
    assert uln_check_digit(body) == check


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("1234567899", True),
        ("9000000016", True),
        ("1000000000", True),
        (" 12345 67899 ", True),
        ("1234567898", False),  # wrong check digit
        ("2000000010", False),  # remainder 0: never valid
        ("0123456789", False),  # starts with 0
        ("123456789", False),  # 9 digits
        ("12345678990", False),  # 11 digits
        ("9999999999", False),  # the ILR's temporary placeholder is not a ULN
        ("123456789X", False),
        ("", False),
    ],
)
def test_is_valid_uln(value: str, valid: bool) -> None:
    assert is_valid_uln(value) is valid


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Enter a ULN"),
        ("0123456789", "Enter a ULN in the correct format: 10 numbers, not starting with 0"),
        ("1234567898", "The ULN check digit does not match"),
    ],
)
def test_validate_uln_errors(value: str, message: str) -> None:
    with pytest.raises(IdentifierError, match=message):
        validate_uln(value)


@FAST
@given(st.integers(0, 10**8 - 1))
def test_make_uln_always_validates(serial: int) -> None:
    uln = make_uln(serial)
    assert validate_uln(uln) == uln
    assert uln.startswith("9")


@FAST
@given(st.integers(0, 10**8 - 1), st.integers(0, 9), st.sampled_from(DIGITS))
def test_changing_one_uln_digit_breaks_the_check(serial: int, position: int, digit: str) -> None:
    uln = make_uln(serial)
    assume(uln[position] != digit)
    assert not is_valid_uln(uln[:position] + digit + uln[position + 1 :])


# --- NHS number ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "check"),
    [
        # 9x10 + 4x9 + 3x8 + 4x7 + 7x6 + 6x5 + 5x4 + 9x3 + 1x2 = 299; 299 mod 11 = 2;
        # 11 - 2 = 9
        ("943476591", 9),
        # 9x10 + 9x9 + 9x8 + 1x2 = 245; 245 mod 11 = 3; 11 - 3 = 8
        ("999000001", 8),
        # 243 + 5x2 = 253 = 23 x 11; remainder 0; 11 - 0 = 11 -> 0
        ("999000005", 0),
        # 243; 243 mod 11 = 1; 11 - 1 = 10 -> invalid, never issued
        ("999000000", None),
    ],
)
def test_nhs_number_check_digit(body: str, check: int | None) -> None:
    assert nhs_number_check_digit(body) == check


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("9434765919", "9434765919"),
        ("943 476 5919", "9434765919"),
        ("943-476-5919", "9434765919"),
        ("9990000018", "9990000018"),
        ("9990000050", "9990000050"),
    ],
)
def test_validate_nhs_number(value: str, normalised: str) -> None:
    assert validate_nhs_number(value) == normalised


@pytest.mark.parametrize(
    "value",
    [
        "9434765918",  # wrong check digit
        "9990000000",  # check would be 10
        "943476591",  # 9 digits
        "94347659190",  # 11 digits
        "943476591A",
        "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669",  # Arabic-Indic digits
        "",
    ],
)
def test_invalid_nhs_numbers(value: str) -> None:
    assert not is_valid_nhs_number(value)
    with pytest.raises(IdentifierError):
        validate_nhs_number(value)


def test_make_nhs_number_skips_a_seed_with_no_check_digit() -> None:
    # 999000000 has no check digit (see above), so seed 0 moves on to 999000001 -> ...18.
    assert make_nhs_number("0") == "9990000018"
    assert make_nhs_number("5") == "9990000050"


@pytest.mark.parametrize("seed", ["", "1234567", "12a"])
def test_make_nhs_number_rejects_bad_seed(seed: str) -> None:
    with pytest.raises(IdentifierError):
        make_nhs_number(seed)


seeds = st.text(alphabet=DIGITS, min_size=1, max_size=6)


@FAST
@given(seeds)
def test_make_nhs_number_is_a_valid_test_number(seed: str) -> None:
    number = make_nhs_number(seed)
    assert validate_nhs_number(number) == number
    assert number.startswith("999")


@FAST
@given(seeds, st.integers(0, 9), st.characters(codec="ascii"))
def test_changing_any_one_character_of_an_nhs_number_breaks_it(
    seed: str, position: int, replacement: str
) -> None:
    number = make_nhs_number(seed)
    assume(number[position] != replacement and not replacement.isspace() and replacement != "-")
    assert not is_valid_nhs_number(number[:position] + replacement + number[position + 1 :])


@FAST
@given(seeds, st.integers(0, 7))
def test_swapping_adjacent_nhs_digits_breaks_it(seed: str, position: int) -> None:
    number = make_nhs_number(seed)
    first, second = number[position], number[position + 1]
    assume(first != second)
    swapped = number[:position] + second + first + number[position + 2 :]
    assert not is_valid_nhs_number(swapped)


# --- URN and UKPRN ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("100000", True),
        ("999999", True),
        (" 123456 ", True),
        ("099999", False),
        ("12345", False),
        ("1234567", False),
        ("12345a", False),
        ("", False),
    ],
)
def test_is_valid_urn(value: str, valid: bool) -> None:
    assert is_valid_urn(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("10000000", True),
        ("19999999", True),
        ("10012345", True),
        ("20000000", False),
        ("1000000", False),
        ("100000000", False),
        ("1000000A", False),
        ("", False),
    ],
)
def test_is_valid_ukprn(value: str, valid: bool) -> None:
    assert is_valid_ukprn(value) is valid


def test_urn_and_ukprn_messages() -> None:
    with pytest.raises(IdentifierError, match="Enter a URN"):
        validate_urn("")
    with pytest.raises(IdentifierError, match="6 numbers"):
        validate_urn("12345")
    with pytest.raises(IdentifierError, match="Enter a UKPRN"):
        validate_ukprn("")
    with pytest.raises(IdentifierError, match="8 numbers, starting with 1"):
        validate_ukprn("20000000")
    assert validate_urn(" 123456") == "123456"
    assert validate_ukprn("10012345 ") == "10012345"


# --- Postcodes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("SW1A 1AA", "SW1A 1AA"),  # AA9A 9AA
        ("sw1a1aa", "SW1A 1AA"),
        ("  ne1   4st ", "NE1 4ST"),  # AA9 9AA
        ("M1 1AE", "M1 1AE"),  # A9 9AA
        ("B33 8TH", "B33 8TH"),  # A99 9AA
        ("CR2 6XH", "CR2 6XH"),  # AA9 9AA
        ("DN55 1PT", "DN55 1PT"),  # AA99 9AA
        ("W1A 0AX", "W1A 0AX"),  # A9A 9AA
        ("EC1A 1BB", "EC1A 1BB"),
        ("gir0aa", "GIR 0AA"),  # the one special case
    ],
)
def test_validate_postcode(value: str, normalised: str) -> None:
    assert validate_postcode(value) == normalised
    assert is_valid_postcode(value)


@pytest.mark.parametrize(
    "value",
    [
        "QA1 1AA",  # Q never starts a postcode
        "AI1 1AA",  # I never second
        "W1I 1AA",  # I never third in A9A
        "SW1A 1CA",  # C never in the inward code
        "SW1A",  # outward code only
        "12345",
        "BFPO 1234",  # out of scope
        "SW1A 1AAA",
        "",
    ],
)
def test_invalid_postcodes(value: str) -> None:
    assert not is_valid_postcode(value)


def test_postcode_messages() -> None:
    with pytest.raises(IdentifierError, match="Enter a postcode"):
        validate_postcode(" ")
    with pytest.raises(IdentifierError, match="Enter a full UK postcode, like SW1A 1AA"):
        validate_postcode("SW1A")


@pytest.mark.parametrize(
    ("value", "normalised"),
    [("", ""), ("ab", "AB"), ("abc", "ABC"), ("abcd", "A BCD"), ("s w 1 a 1 a a", "SW1A 1AA")],
)
def test_normalise_postcode_edge_cases(value: str, normalised: str) -> None:
    assert normalise_postcode(value) == normalised


postcodes = st.from_regex(
    r"\A(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}\Z"
)


@FAST
@given(postcodes, st.booleans())
def test_any_well_formed_postcode_validates_in_any_case_and_spacing(
    postcode: str, squash: bool
) -> None:
    typed = postcode.lower().replace(" ", "") if squash else f"  {postcode.lower()} "
    assert validate_postcode(typed) == postcode


@FAST
@given(st.text(max_size=12))
def test_normalise_postcode_is_idempotent(value: str) -> None:
    once = normalise_postcode(value)
    assert normalise_postcode(once) == once


@FAST
@given(st.text(max_size=16))
def test_validators_never_raise_anything_but_identifier_error(value: str) -> None:
    for validate in (
        validate_upn,
        validate_uln,
        validate_nhs_number,
        validate_urn,
        validate_ukprn,
        validate_postcode,
    ):
        try:
            result = validate(value)
        except IdentifierError:
            continue
        assert validate(result) == result  # a valid, normalised value stays the same
