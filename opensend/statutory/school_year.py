"""School years, National Curriculum years, ages and the statutory age boundaries.

Pure Python (no Django). Every function takes the dates it needs as arguments: nothing here
reads the clock. Sources are cited beside each rule:

* Education Act 1996 (EA 1996) s8 and s579(1) ("school year");
* the Education (Start of Compulsory School Age) Order 1998 (SI 1998/1607);
* the Education (School Leaving Date) Order 1997 (SI 1997/1970);
* the Children and Families Act 2014 (CFA 2014) s46 and s83(2);
* the Special Educational Needs and Disability Regulations 2014 (SI 2014/1530, "Regs")
  reg 2(1) ("transfer between phases of education"), reg 18 and reg 46.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from opensend.statutory.codes import EducationPhase, SettingPhase

__all__ = [
    "EducationPhase",
    "TransferKind",
    "age_on",
    "compulsory_school_age_starts",
    "end_of_compulsory_school_age",
    "is_post16_to_post16",
    "last_friday_of_june",
    "nc_year",
    "next_transfer",
    "phase_of_nc_year",
    "plan_can_run_until",
    "school_year_start",
    "transfer_kind",
    "young_person_from",
]

# EA 1996 s579(1): the school year is the period beginning with the first school term to
# begin after July and ending with the beginning of the first such term to begin after the
# following July. By convention (and in DfE data) it is 1 September to 31 August.
SCHOOL_YEAR_START_MONTH = 9

# Reception is NC year 0: a child is in Reception in the school year that starts after
# they turn 4 (DfE convention used in the school census: NC year = age on 31 August - 4).
RECEPTION_AGE = 4

# Education (Start of Compulsory School Age) Order 1998 art 2: the prescribed days for
# EA 1996 s8(2) are 31 August, 31 December and 31 March. (month, day) in calendar order.
_CSA_PRESCRIBED_DAYS: tuple[tuple[int, int], ...] = ((3, 31), (8, 31), (12, 31))

# SEND Regs 2014 reg 46: for a young person attending an institution within the further
# education sector the academic year (for CFA 2014 s46) ends on 31 July. See
# plan_can_run_until.
_ACADEMIC_YEAR_END: tuple[int, int] = (7, 31)

# NC year in which compulsory school age ends (the child turns 16 in Year 11).
LAST_COMPULSORY_NC_YEAR = 11

_FRIDAY = 4  # date.weekday(): Monday is 0


class TransferKind(StrEnum):
    """The two kinds of phase transfer with fixed Reg 18 deadlines.

    SCHOOL: Regs reg 2(1)(a)-(e) transfers; plan amended by 15 February (reg 18(1)).
    POST16: secondary school to post-16 institution, reg 2(1)(f); by 31 March (reg 18(1)).
    """

    SCHOOL = "school"
    POST16 = "post16"


# ---------------------------------------------------------------------------------------
# School year and age
# ---------------------------------------------------------------------------------------


def school_year_start(on: date) -> date:
    """1 September of the school year containing ``on`` (EA 1996 s579(1); see above)."""
    year = on.year if on.month >= SCHOOL_YEAR_START_MONTH else on.year - 1
    return date(year, SCHOOL_YEAR_START_MONTH, 1)


def _completed_years(date_of_birth: date, on: date) -> int:
    """Whole years from ``date_of_birth`` to ``on`` (negative if ``on`` is earlier).

    Comparing (month, day) pairs means someone born on 29 February has not completed a
    year on 28 February of a common year and has on 1 March: see age_on.
    """
    before_anniversary = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_anniversary)


def _require_born(date_of_birth: date, on: date) -> None:
    if on < date_of_birth:
        msg = f"{on.isoformat()} is before the date of birth {date_of_birth.isoformat()}"
        raise ValueError(msg)


def age_on(date_of_birth: date, on: date) -> int:
    """Age in whole years on the day ``on``.

    Family Law Reform Act 1969 s9(1): a person attains an age at the commencement of the
    relevant anniversary of their birth, so the age increases at the start of the birthday.
    For someone born on 29 February the anniversary in a common (non-leap) year is taken
    as 1 March: they are still the younger age on 28 February (the anniversary has not yet
    happened) and the older age on 1 March. This is the conventional reading in English
    law and practice (s9 has no special rule for 29 February); it is documented here so
    that every screen and report agrees.

    Raises ValueError if ``on`` is before the date of birth.
    """
    _require_born(date_of_birth, on)
    return _completed_years(date_of_birth, on)


def nc_year(date_of_birth: date, on: date) -> int:
    """National Curriculum year in the school year containing ``on``.

    NC year = (age on 31 August immediately before that school year starts) - 4, the DfE
    school census convention. Reception is 0, Year 1 is 1 ... Year 13 is 13, and the same
    count continues past 13 for young people (14 is the year after Year 13).
    Negative values are the pre-school years: -1 is the nursery year (the child turns 4
    during it; "FS1"), -2 the year they turn 3, and so on; a baby is -5 in the
    school year of their birth and -4 in the next.

    The oldest in a year group are born on 1 September, the youngest on 31 August.
    Raises ValueError if ``on`` is before the date of birth.
    """
    _require_born(date_of_birth, on)
    start = school_year_start(on)
    thirty_first_august = start - timedelta(days=1)
    return _completed_years(date_of_birth, thirty_first_august) - RECEPTION_AGE


def _add_years(date_of_birth: date, years: int) -> date:
    """The ``years``-th anniversary of a birth; 29 February becomes 1 March (see age_on)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:  # 29 February in a common year
        return date(date_of_birth.year + years, 3, 1)


# ---------------------------------------------------------------------------------------
# Compulsory school age and young person
# ---------------------------------------------------------------------------------------


def compulsory_school_age_starts(date_of_birth: date) -> date:
    """The day a child begins to be of compulsory school age.

    EA 1996 s8(2): a child begins to be of compulsory school age (a) when he attains the age
    of five, if he attains that age on a prescribed day, and (b) otherwise at the beginning
    of the prescribed day next following his attaining that age. The prescribed days are
    31 August, 31 December and 31 March (Education (Start of Compulsory School Age) Order
    1998). So a fifth birthday ON a prescribed day starts compulsory school age that day.
    """
    fifth_birthday = _add_years(date_of_birth, 5)
    for month, day in _CSA_PRESCRIBED_DAYS:
        prescribed = date(fifth_birthday.year, month, day)
        if prescribed >= fifth_birthday:
            return prescribed
    raise AssertionError("unreachable: 31 December is the last day of every year")


def last_friday_of_june(year: int) -> date:
    """The school leaving date for ``year``: the last Friday in June.

    Education (School Leaving Date) Order 1997 (SI 1997/1970) art 2, made under EA 1996 s8(4).
    """
    thirtieth = date(year, 6, 30)
    return thirtieth - timedelta(days=(thirtieth.weekday() - _FRIDAY) % 7)


def end_of_compulsory_school_age(date_of_birth: date) -> date:
    """The last day of compulsory school age (it ends at the end of this day).

    EA 1996 s8(3): a person ceases to be of compulsory school age at the end of the school
    leaving date (a) if they turn 16 after that day but before the next school year starts,
    (b) if they turn 16 on that day, or (c) otherwise, the school leaving date next following
    their 16th birthday. All three cases give the last Friday in June of the school year
    (1 September - 31 August) in which they turn 16.
    """
    sixteenth_birthday = _add_years(date_of_birth, 16)
    leaving_year = school_year_start(sixteenth_birthday).year + 1
    return last_friday_of_june(leaving_year)


def young_person_from(date_of_birth: date) -> date:
    """The first day as a "young person": the day after compulsory school age ends.

    CFA 2014 s83(2): a young person is a person over compulsory school age but under 25.
    Compulsory school age ends at the end of a Friday (EA 1996 s8(3)), so this is always
    a Saturday. From this day the young person, not the parent, makes the decisions in Part 3
    of the Act (subject to the Mental Capacity Act 2005; CoP chapter 8).
    """
    return end_of_compulsory_school_age(date_of_birth) + timedelta(days=1)


def plan_can_run_until(date_of_birth: date) -> date:
    """The last day an EHC plan may be maintained: end of the academic year they turn 25.

    CFA 2014 s46: a local authority may continue to maintain an EHC plan for a young person
    until the end of the academic year during which the young person attains the age of 25
    (CoP 9.200-9.201). SEND Regs 2014 reg 46 prescribes the academic year for s46; for a
    young person at an institution within the further education sector it ends on 31 July,
    so an "academic year" here runs 1 August to 31 July.

    Choice: OpenSEND uses the further education academic year (1 August - 31 July) for every
    young person, because nearly all 24-25-year-olds with plans are in further education or
    training and this is the date most local authorities publish. (Reg 46 gives apprentices
    and others different end dates, which a caseworker records on the plan itself.)
    Example: born 15 March 2001, turns 25 on 15 March 2026 -> 31 July 2026; born 10 August
    2001, turns 25 on 10 August 2026, in the academic year 1 August 2026 - 31 July 2027 ->
    31 July 2027. The result is always before the 26th birthday (s46 never reaches 26).
    """
    twenty_fifth_birthday = _add_years(date_of_birth, 25)
    end_month, end_day = _ACADEMIC_YEAR_END
    year_end = date(twenty_fifth_birthday.year, end_month, end_day)
    if twenty_fifth_birthday > year_end:
        return date(twenty_fifth_birthday.year + 1, end_month, end_day)
    return year_end


# ---------------------------------------------------------------------------------------
# Phases and phase transfers (Regs reg 2(1), reg 18)
# ---------------------------------------------------------------------------------------

# Standard pattern: Reception (0) to Year 6 primary, Years 7-11 secondary, 12+ post-16.
# Reception is taught the EYFS curriculum but in a primary school, so it counts as primary.
_LAST_PRIMARY_NC_YEAR = 6


def phase_of_nc_year(nc: int) -> EducationPhase:
    """The phase of an NC year in the standard primary (R-6) / secondary (7-11) pattern."""
    if nc < 0:
        return EducationPhase.EARLY_YEARS
    if nc <= _LAST_PRIMARY_NC_YEAR:
        return EducationPhase.PRIMARY
    if nc <= LAST_COMPULSORY_NC_YEAR:
        return EducationPhase.SECONDARY
    return EducationPhase.POST16


_SP = SettingPhase
# Primary schools in law (EA 1996 s5(1); Regs reg 2(1) defines infant and junior schools as
# primary schools; a first school is a primary school for the younger years).
_PRIMARY_SCHOOLS = frozenset({_SP.INFANT, _SP.JUNIOR, _SP.PRIMARY, _SP.FIRST})
# Schools that provide secondary education. All-through and special schools are counted as
# secondary when a child leaves them at the end of the phase (see next_transfer).
_SECONDARY_SCHOOLS = frozenset({_SP.SECONDARY, _SP.HIGH, _SP.ALL_THROUGH, _SP.SPECIAL})
_SCHOOLS = _PRIMARY_SCHOOLS | _SECONDARY_SCHOOLS | {_SP.MIDDLE}
# Post-16 institutions (CFA 2014 s83(2)): not schools.
_POST16_INSTITUTIONS = frozenset({_SP.POST16, _SP.FURTHER_EDUCATION})

# Regs reg 2(1) "transfer between phases of education", paragraphs (a)-(f), as pairs.
_SCHOOL_TRANSFERS: frozenset[tuple[SettingPhase, SettingPhase]] = frozenset(
    {(_SP.EARLY_YEARS, to) for to in _SCHOOLS}  # (a) relevant early years education to school
    | {(_SP.INFANT, _SP.JUNIOR)}  # (b) infant school to junior school
    | {(frm, _SP.MIDDLE) for frm in _PRIMARY_SCHOOLS}  # (c) primary school to middle school
    | {(frm, to) for frm in _PRIMARY_SCHOOLS for to in _SECONDARY_SCHOOLS}  # (d)
    | {(_SP.MIDDLE, to) for to in _SECONDARY_SCHOOLS}  # (e) middle school to secondary school
)
# (f) secondary school to a post-16 institution
_POST16_TRANSFERS: frozenset[tuple[SettingPhase, SettingPhase]] = frozenset(
    (frm, to) for frm in _SECONDARY_SCHOOLS for to in _POST16_INSTITUTIONS
)


def transfer_kind(from_setting_phase: str, to_setting_phase: str) -> TransferKind | None:
    """Whether a move between two kinds of setting is a Reg 18 phase transfer, and which.

    Returns SCHOOL for Regs reg 2(1)(a)-(e) (early years to school, infant to junior,
    primary/first/junior/infant to middle, primary or middle to secondary/high), POST16 for
    reg 2(1)(f) (secondary, high, all-through or special school to a post-16 institution),
    and None for any other move (including moves within a phase, special to special and
    post-16 to post-16, which reg 18(2) covers with "5 months before": see
    is_post16_to_post16). Raises ValueError for an unknown phase.
    """
    pair = (SettingPhase(from_setting_phase), SettingPhase(to_setting_phase))
    if pair in _SCHOOL_TRANSFERS:
        return TransferKind.SCHOOL
    if pair in _POST16_TRANSFERS:
        return TransferKind.POST16
    return None


def is_post16_to_post16(from_setting_phase: str, to_setting_phase: str) -> bool:
    """A move from one post-16 institution to another: Regs reg 18(2) (5 months before)."""
    frm, to = SettingPhase(from_setting_phase), SettingPhase(to_setting_phase)
    return frm in _POST16_INSTITUTIONS and to in _POST16_INSTITUTIONS


def _kind_on_leaving(setting_phase: SettingPhase, last_year_of_setting: int) -> TransferKind:
    """The Reg 18 kind when a child leaves a setting after its last NC year."""
    if setting_phase in _SECONDARY_SCHOOLS and last_year_of_setting >= LAST_COMPULSORY_NC_YEAR:
        return TransferKind.POST16  # reg 2(1)(f): secondary school to post-16 institution
    return TransferKind.SCHOOL  # reg 2(1)(a)-(e)


def next_transfer(
    date_of_birth: date, setting_phase: str, on: date, *, last_year_of_setting: int
) -> tuple[date, TransferKind] | None:
    """When the child next transfers between phases, and the Reg 18 kind.

    The transfer is on 1 September after the child finishes ``last_year_of_setting`` (the
    final NC year the current setting teaches). Works for any pattern, e.g. Northumberland
    first (R-4) / middle (5-8) / high (9-13) and primary (R-6) / secondary (7-11).
    A secondary, high, all-through or special school whose last year is 11 or later leads
    to a post-16 institution (POST16); every other school or early years setting leads to a
    school (SCHOOL). Post-16 institutions return None: their moves depend on the course and
    fall under reg 18(2). Raises ValueError if the child is already past the setting's last
    year (the record is inconsistent), or for an unknown phase.
    """
    phase = SettingPhase(setting_phase)
    if phase in _POST16_INSTITUTIONS:
        return None
    current = nc_year(date_of_birth, on)
    if current > last_year_of_setting:
        msg = (
            f"The child is in NC year {current}, past the setting's last year "
            f"{last_year_of_setting}"
        )
        raise ValueError(msg)
    years_to_go = last_year_of_setting - current + 1
    start = school_year_start(on)
    transfer_on = start.replace(year=start.year + years_to_go)
    return transfer_on, _kind_on_leaving(phase, last_year_of_setting)
