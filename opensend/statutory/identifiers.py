"""Identifiers of children, young people and settings: formats and check digits.

Pure Python (no Django). Each ``is_valid_x`` answers yes/no; each ``validate_x`` returns the
normalised value or raises ``IdentifierError`` with a message fit to show a caseworker
(GOV.UK Design System error-message style). ``make_x`` build synthetic identifiers for test
and demo data: they pass validation but come from ranges chosen to avoid real people where
such a range exists (NHS numbers beginning 999).

Sources:
* UPN: DfE "Unique Pupil Numbers (UPNs): guidance for schools and local authorities"
  (check letter: modulus 23 over characters 2-13 with weights 2-13).
* ULN: ESFA Individualised Learner Record specification, derived variable DD01
  (modulus 11 over the first 9 digits with weights 10-2).
* NHS number: NHS Data Dictionary, "NHS Number" (modulus 11, weights 10-2).
* URN: DfE Get Information about Schools (6-digit unique reference number).
* UKPRN: UK Register of Learning Providers (8 digits beginning with 1).
* Postcode: Royal Mail Programmers' Address File (PAF) postcode formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "IdentifierError",
    "is_valid_nhs_number",
    "is_valid_postcode",
    "is_valid_ukprn",
    "is_valid_uln",
    "is_valid_upn",
    "is_valid_urn",
    "make_nhs_number",
    "make_temporary_upn",
    "make_uln",
    "make_upn",
    "nhs_number_check_digit",
    "normalise_postcode",
    "uln_check_digit",
    "upn_check_letter",
    "validate_nhs_number",
    "validate_postcode",
    "validate_ukprn",
    "validate_uln",
    "validate_upn",
    "validate_urn",
]


class IdentifierError(ValueError):
    """An identifier is missing, badly formed or fails its check digit.

    ``str(error)`` is a message fit to show a caseworker next to the form field.
    """


def _compact(value: str, *, drop: str = "") -> str:
    """Uppercase, and remove whitespace and any characters in ``drop``."""
    kept = (ch for ch in value if not ch.isspace() and ch not in drop)
    return "".join(kept).upper()


def _is_valid(validate: Callable[[str], str], value: str) -> bool:
    try:
        validate(value)
    except IdentifierError:
        return False
    return True


# ---------------------------------------------------------------------------------------
# UPN: Unique Pupil Number (DfE UPN guidance)
# ---------------------------------------------------------------------------------------

# DfE UPN guidance: the check letters, and the letters allowed as the 13th character of a
# temporary UPN, are A-Z without I, O and S (23 letters). A letter's value is its position
# in this string, counting from 0.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_UPN_BODY = re.compile(rf"[0-9]{{11}}[0-9{UPN_LETTERS}]")
_UPN = re.compile(rf"[{UPN_LETTERS}][0-9]{{11}}[0-9{UPN_LETTERS}]")

UPN_FORMAT_MESSAGE = (
    "Enter a UPN in the correct format: 13 characters, a letter followed by 12 numbers "
    "(a temporary UPN ends in a letter)"
)
UPN_CHECK_MESSAGE = (
    "The UPN check letter does not match the rest of the UPN: check it has been copied correctly"
)


def _upn_value(character: str) -> int:
    return int(character) if character.isdigit() else UPN_LETTERS.index(character)


def upn_check_letter(body12: str) -> str:
    """The check letter (1st character) for the 12 characters that follow it.

    DfE UPN guidance: multiply the values of characters 2 to 13 by weights 2 to 13 (a digit
    is worth itself; the letter ending a temporary UPN is worth its position in
    UPN_LETTERS, A = 0), add the products, divide by 23, and the remainder picks the check
    letter from UPN_LETTERS (0 = A ... 22 = Z).
    """
    body = _compact(body12)
    if not _UPN_BODY.fullmatch(body):
        raise IdentifierError("A UPN body is 11 numbers followed by a number or a letter")
    total = sum(weight * _upn_value(ch) for weight, ch in enumerate(body, start=2))
    return UPN_LETTERS[total % 23]


def validate_upn(value: str) -> str:
    """Return the UPN in capitals without spaces, or raise IdentifierError."""
    upn = _compact(value)
    if not upn:
        raise IdentifierError("Enter a UPN")
    if not _UPN.fullmatch(upn):
        raise IdentifierError(UPN_FORMAT_MESSAGE)
    if upn_check_letter(upn[1:]) != upn[0]:
        raise IdentifierError(UPN_CHECK_MESSAGE)
    return upn


def is_valid_upn(value: str) -> bool:
    """A permanent (13th character a digit) or temporary (a letter) UPN with a good check."""
    return _is_valid(validate_upn, value)


def _upn_stem(la_code: int, school_code: int, year: int) -> str:
    _require_range("la_code", la_code, 0, 999)
    _require_range("school_code", school_code, 0, 9999)
    _require_range("year", year, 0, 9999)
    return f"{la_code:03d}{school_code:04d}{year % 100:02d}"


def make_upn(la_code: int, school_code: int, year: int, serial: int) -> str:
    """A permanent UPN: LA code (3), DfE school number (4), year of issue (2), serial (3).

    ``year`` may be 2025 or 25 (only the last two digits are used). For test and demo data.
    """
    _require_range("serial", serial, 0, 999)
    body = f"{_upn_stem(la_code, school_code, year)}{serial:03d}"
    return upn_check_letter(body) + body


def make_temporary_upn(
    la_code: int, school_code: int, year: int, serial: int, letter: str = "A"
) -> str:
    """A temporary UPN: as make_upn but a 2-digit serial then a letter from UPN_LETTERS."""
    _require_range("serial", serial, 0, 99)
    if len(letter) != 1 or letter not in UPN_LETTERS:
        raise IdentifierError(f"letter must be one of {UPN_LETTERS}")
    body = f"{_upn_stem(la_code, school_code, year)}{serial:02d}{letter}"
    return upn_check_letter(body) + body


def _require_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise IdentifierError(f"{name} must be between {low} and {high}, not {value}")


# ---------------------------------------------------------------------------------------
# Modulus 11 with weights 10..2 (ULN and NHS number)
# ---------------------------------------------------------------------------------------


def _mod11_remainder(body9: str) -> int:
    """Sum of the 9 digits times weights 10, 9, ..., 2, modulo 11."""
    if not re.fullmatch(r"[0-9]{9}", body9):
        raise IdentifierError("A check digit is computed from exactly 9 numbers")
    return sum(weight * int(ch) for weight, ch in zip(range(10, 1, -1), body9, strict=True)) % 11


# ---------------------------------------------------------------------------------------
# ULN: Unique Learner Number (ESFA ILR specification, DD01)
# ---------------------------------------------------------------------------------------

_ULN = re.compile(r"[1-9][0-9]{9}")
ULN_FORMAT_MESSAGE = "Enter a ULN in the correct format: 10 numbers, not starting with 0"
ULN_CHECK_MESSAGE = (
    "The ULN check digit does not match the rest of the ULN: check it has been copied correctly"
)


def uln_check_digit(body9: str) -> int | None:
    """The 10th digit of a ULN, or None if no ULN can begin with these 9 digits.

    ESFA ILR DD01: remainder = sum(digit x weight, weights 10..2) mod 11; the check digit is
    10 - remainder. A remainder of 0 would need a check digit of 10, so the 9 digits are
    never used. (The ILR's temporary placeholder 9999999999 is not accepted here: it is not
    a ULN, and the SEN2 return leaves the ULN out instead.)
    """
    remainder = _mod11_remainder(body9)
    return None if remainder == 0 else 10 - remainder


def validate_uln(value: str) -> str:
    """Return the ULN as 10 digits without spaces, or raise IdentifierError."""
    uln = _compact(value)
    if not uln:
        raise IdentifierError("Enter a ULN")
    if not _ULN.fullmatch(uln):
        raise IdentifierError(ULN_FORMAT_MESSAGE)
    if uln_check_digit(uln[:9]) != int(uln[9]):
        raise IdentifierError(ULN_CHECK_MESSAGE)
    return uln


def is_valid_uln(value: str) -> bool:
    """10 digits, not starting with 0, with a correct modulus-11 check digit."""
    return _is_valid(validate_uln, value)


def make_uln(serial: int) -> str:
    """A ULN for test and demo data: 9 then 8 digits of ``serial``, then the check digit.

    There is no published test range for ULNs; the leading 9 keeps synthetic numbers in one
    block. If the 9 digits cannot take a check digit the next serial up is used.
    """
    _require_range("serial", serial, 0, 10**8 - 1)
    for step in range(2):
        body = f"9{(serial + step) % 10**8:08d}"
        check = uln_check_digit(body)
        if check is not None:
            return f"{body}{check}"
    raise AssertionError("unreachable: consecutive bodies have different remainders")


# ---------------------------------------------------------------------------------------
# NHS number (NHS Data Dictionary)
# ---------------------------------------------------------------------------------------

_NHS_NUMBER = re.compile(r"[0-9]{10}")
NHS_FORMAT_MESSAGE = "Enter an NHS number in the correct format: 10 numbers"
NHS_CHECK_MESSAGE = "Enter a valid NHS number: check it has been copied correctly"
# NHS test numbers (never issued to patients) begin with 999.
NHS_TEST_PREFIX = "999"


def nhs_number_check_digit(body9: str) -> int | None:
    """The 10th digit of an NHS number, or None if these 9 digits are never issued.

    NHS Data Dictionary: remainder = sum(digit x weight, weights 10..2) mod 11; check digit
    = 11 - remainder, where 11 becomes 0 and 10 means the number is invalid.
    """
    check = 11 - _mod11_remainder(body9)
    if check == 10:
        return None
    return 0 if check == 11 else check


def validate_nhs_number(value: str) -> str:
    """Return the NHS number as 10 digits (spaces and hyphens removed) or raise."""
    number = _compact(value, drop="-")
    if not number:
        raise IdentifierError("Enter an NHS number")
    if not _NHS_NUMBER.fullmatch(number):
        raise IdentifierError(NHS_FORMAT_MESSAGE)
    if nhs_number_check_digit(number[:9]) != int(number[9]):
        raise IdentifierError(NHS_CHECK_MESSAGE)
    return number


def is_valid_nhs_number(value: str) -> bool:
    """10 digits (spaces or hyphens allowed between) with a correct modulus-11 check digit."""
    return _is_valid(validate_nhs_number, value)


def make_nhs_number(seed_digits: str) -> str:
    """An NHS test number: 999, then up to 6 seed digits (zero-padded), then the check digit.

    If the 9 digits cannot take a check digit (remainder gives 10), the next 6-digit seed up
    (wrapping 999999 to 000000) is used, so the result is always valid.
    """
    if not re.fullmatch(r"[0-9]{1,6}", seed_digits):
        raise IdentifierError("seed_digits must be 1 to 6 numbers")
    seed = int(seed_digits)
    for step in range(2):
        body = f"{NHS_TEST_PREFIX}{(seed + step) % 10**6:06d}"
        check = nhs_number_check_digit(body)
        if check is not None:
            return f"{body}{check}"
    raise AssertionError("unreachable: consecutive bodies have different remainders")


# ---------------------------------------------------------------------------------------
# URN and UKPRN
# ---------------------------------------------------------------------------------------

# DfE Get Information about Schools: URNs are 6 digits, 100000 to 999999.
_URN = re.compile(r"[1-9][0-9]{5}")
URN_FORMAT_MESSAGE = "Enter a URN in the correct format: 6 numbers, like 100000"
# UK Register of Learning Providers: UKPRNs are 8 digits beginning with 1.
_UKPRN = re.compile(r"1[0-9]{7}")
UKPRN_FORMAT_MESSAGE = "Enter a UKPRN in the correct format: 8 numbers, starting with 1"


def validate_urn(value: str) -> str:
    """Return the URN as 6 digits or raise IdentifierError."""
    urn = _compact(value)
    if not urn:
        raise IdentifierError("Enter a URN")
    if not _URN.fullmatch(urn):
        raise IdentifierError(URN_FORMAT_MESSAGE)
    return urn


def is_valid_urn(value: str) -> bool:
    """6 digits, 100000 to 999999."""
    return _is_valid(validate_urn, value)


def validate_ukprn(value: str) -> str:
    """Return the UKPRN as 8 digits or raise IdentifierError."""
    ukprn = _compact(value)
    if not ukprn:
        raise IdentifierError("Enter a UKPRN")
    if not _UKPRN.fullmatch(ukprn):
        raise IdentifierError(UKPRN_FORMAT_MESSAGE)
    return ukprn


def is_valid_ukprn(value: str) -> bool:
    """8 digits beginning with 1 (10000000 to 19999999)."""
    return _is_valid(validate_ukprn, value)


# ---------------------------------------------------------------------------------------
# Postcode (Royal Mail PAF formats; BFPO and overseas territories out of scope)
# ---------------------------------------------------------------------------------------

# Outward code formats A9, A99, AA9, AA99, A9A, AA9A. Position 1 is never Q, V or X;
# position 2 (a letter) never I, J or Z; a letter in position 3 (A9A) is one of
# ABCDEFGHJKPSTUW; a letter in position 4 (AA9A) is one of ABEHMNPRVWXY.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
# Inward code: a digit then two letters, never C, I, K, M, O or V.
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
# GIR 0AA (formerly Girobank) is the one postcode outside the pattern.
_POSTCODE = re.compile(rf"GIR 0AA|{_OUTWARD} {_INWARD}")
POSTCODE_FORMAT_MESSAGE = "Enter a full UK postcode, like SW1A 1AA"


def normalise_postcode(value: str) -> str:
    """Capitals, no extra spaces, and one space before the inward code (last 3 characters).

    Does not check the result is a real postcode format; see is_valid_postcode.
    """
    compact = _compact(value)
    if len(compact) <= 3:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def validate_postcode(value: str) -> str:
    """Return the normalised postcode (e.g. "SW1A 1AA") or raise IdentifierError."""
    postcode = normalise_postcode(value)
    if not postcode:
        raise IdentifierError("Enter a postcode")
    if not _POSTCODE.fullmatch(postcode):
        raise IdentifierError(POSTCODE_FORMAT_MESSAGE)
    return postcode


def is_valid_postcode(value: str) -> bool:
    """A full UK postcode in any spacing or case, including GIR 0AA (BFPO not accepted)."""
    return _is_valid(validate_postcode, value)
