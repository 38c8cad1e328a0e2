"""School years, NC years, ages and statutory age boundaries.

Each table row is worked by hand in its comment so a reviewer can check it with a calendar.
Calendar facts used: the last Friday of June is 28 June 2024, 27 June 2025, 26 June 2026,
25 June 2027 and 30 June 2028.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.school_year import (
    EducationPhase,
    TransferKind,
    age_on,
    compulsory_school_age_starts,
    end_of_compulsory_school_age,
    is_post16_to_post16,
    last_friday_of_june,
    nc_year,
    next_transfer,
    phase_of_nc_year,
    plan_can_run_until,
    school_year_start,
    transfer_kind,
    young_person_from,
)

FAST = settings(max_examples=200, deadline=None)
births = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
leap_day_births = st.sampled_from([date(y, 2, 29) for y in range(1992, 2032, 4)])
any_births = st.one_of(births, leap_day_births)


def d(iso: str) -> date:
    return date.fromisoformat(iso)


# --- school_year_start --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2025-09-01", "2025-09-01"),  # first day of the 2025/26 school year
        ("2025-08-31", "2024-09-01"),  # last day of 2024/25
        ("2025-12-31", "2025-09-01"),  # autumn term
        ("2026-01-01", "2025-09-01"),  # new calendar year, same school year
        ("2024-02-29", "2023-09-01"),  # leap day
    ],
)
def test_school_year_start(on: str, expected: str) -> None:
    assert school_year_start(d(on)) == d(expected)


@FAST
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_school_year_start_contains_the_day(on: date) -> None:
    start = school_year_start(on)
    assert (start.month, start.day) == (9, 1)
    assert start <= on < start.replace(year=start.year + 1)


# --- age_on -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        ("2010-03-15", "2010-03-15", 0),  # day of birth
        ("2010-03-15", "2026-03-14", 15),  # day before the 16th birthday
        ("2010-03-15", "2026-03-15", 16),  # FLRA 1969 s9: age attained at start of birthday
        # 29 February: in a common year the birthday is taken as 1 March
        ("2012-02-29", "2013-02-28", 0),  # 2013 has no 29 Feb; not yet 1
        ("2012-02-29", "2013-03-01", 1),  # 1 March 2013: turns 1
        ("2012-02-29", "2016-02-28", 3),  # 2016 is a leap year: birthday is 29 Feb
        ("2012-02-29", "2016-02-29", 4),
        ("2008-02-29", "2024-02-29", 16),  # 16th birthday falls on a real 29 Feb
    ],
)
def test_age_on(born: str, on: str, age: int) -> None:
    assert age_on(d(born), d(on)) == age


def test_age_on_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(d("2010-03-15"), d("2010-03-14"))


@FAST
@given(any_births, st.integers(min_value=0, max_value=400 * 30))
def test_age_never_decreases_and_steps_by_one(born: date, days: int) -> None:
    on = born + timedelta(days=days)
    today, tomorrow = age_on(born, on), age_on(born, on + timedelta(days=1))
    assert tomorrow - today in (0, 1)


@FAST
@given(any_births, st.integers(min_value=1, max_value=30))
def test_age_is_n_from_the_nth_birthday(born: date, years: int) -> None:
    try:
        birthday = born.replace(year=born.year + years)
    except ValueError:  # 29 Feb in a common year: the birthday is 1 March
        birthday = date(born.year + years, 3, 1)
    assert age_on(born, birthday) == years
    assert age_on(born, birthday - timedelta(days=1)) == years - 1


# --- nc_year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "nc"),
    [
        # Born 15 Mar 2010; 2025/26 starts 1 Sep 2025; age on 31 Aug 2025 is 15; 15-4 = 11.
        ("2010-03-15", "2025-10-01", 11),
        # Oldest in Year 11 (2025/26): born 1 Sep 2009, 15 on 31 Aug 2025 -> 11.
        ("2009-09-01", "2025-10-01", 11),
        # Youngest in Year 11: born 31 Aug 2010, turns 15 ON 31 Aug 2025 -> 11.
        ("2010-08-31", "2025-10-01", 11),
        # One day younger: born 1 Sep 2010, still 14 on 31 Aug 2025 -> Year 10.
        ("2010-09-01", "2025-10-01", 10),
        # Same child, last day of 2025/26 (31 Aug 2026 counts from 31 Aug 2025) -> 10.
        ("2010-09-01", "2026-08-31", 10),
        # ... and first day of 2026/27 -> 11.
        ("2010-09-01", "2026-09-01", 11),
        # Born 29 Feb 2012: 13 on 31 Aug 2025 -> Year 9.
        ("2012-02-29", "2025-10-01", 9),
        # Reception: born 10 Jan 2021, 4 on 31 Aug 2025 -> 0.
        ("2021-01-10", "2025-09-01", 0),
        # Nursery year: born 10 Jan 2022, 3 on 31 Aug 2025 -> -1.
        ("2022-01-10", "2025-10-01", -1),
        # Year 13: born 31 Aug 2008, 17 on 31 Aug 2025 -> 13.
        ("2008-08-31", "2025-10-01", 13),
        # Baby in the school year of birth: born 1 Oct 2025, "age" -1 on 31 Aug 2025 -> -5.
        ("2025-10-01", "2025-10-01", -5),
        # Born 31 Aug 2025 (last day of 2024/25): -5 that day, -4 from 1 Sep 2025.
        ("2025-08-31", "2025-08-31", -5),
        ("2025-08-31", "2025-09-01", -4),
        # Young person: born 15 Mar 2001, 24 on 31 Aug 2025 -> 20 (7 years after Year 13).
        ("2001-03-15", "2025-10-01", 20),
    ],
)
def test_nc_year(born: str, on: str, nc: int) -> None:
    assert nc_year(d(born), d(on)) == nc


def test_nc_year_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        nc_year(d("2025-10-01"), d("2025-09-30"))


@FAST
@given(any_births, st.integers(min_value=0, max_value=30))
def test_nc_year_goes_up_by_one_each_1_september(born: date, years_after: int) -> None:
    first = school_year_start(born).replace(year=school_year_start(born).year + 1 + years_after)
    following = first.replace(year=first.year + 1)
    assert nc_year(born, following) == nc_year(born, first) + 1


@FAST
@given(any_births, st.integers(min_value=0, max_value=9000))
def test_nc_year_is_constant_within_a_school_year(born: date, days: int) -> None:
    on = born + timedelta(days=days)
    start = school_year_start(on)
    last_day = start.replace(year=start.year + 1) - timedelta(days=1)
    assert nc_year(born, on) == nc_year(born, max(start, born)) == nc_year(born, last_day)


@FAST
@given(any_births, st.integers(min_value=0, max_value=9000))
def test_nc_year_counts_school_years_since_the_birth_school_year(born: date, days: int) -> None:
    # Equivalent statement: a child is -5 in the school year they are born in.
    on = born + timedelta(days=days)
    years_since = school_year_start(on).year - school_year_start(born).year
    assert nc_year(born, on) == years_since - 5


# --- compulsory school age ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "starts"),
    [
        # EA 1996 s8(2)(b): the prescribed day next following the 5th birthday.
        ("2020-09-01", "2025-12-31"),  # 5 on 1 Sep 2025 -> 31 Dec 2025
        ("2021-01-01", "2026-03-31"),  # 5 on 1 Jan 2026 -> 31 Mar 2026
        ("2021-04-01", "2026-08-31"),  # 5 on 1 Apr 2026 -> 31 Aug 2026
        ("2010-03-15", "2015-03-31"),  # 5 on 15 Mar 2015 -> 31 Mar 2015
        # s8(2)(a): a 5th birthday ON a prescribed day starts compulsory school age that day.
        ("2020-12-31", "2025-12-31"),
        ("2021-03-31", "2026-03-31"),
        ("2021-08-31", "2026-08-31"),
        # The day after a prescribed day waits for the next one.
        ("2020-01-01", "2025-03-31"),
        # Born 29 Feb 2020: 5 on 1 Mar 2025 (2025 is common) -> 31 Mar 2025.
        ("2020-02-29", "2025-03-31"),
    ],
)
def test_compulsory_school_age_starts(born: str, starts: str) -> None:
    assert compulsory_school_age_starts(d(born)) == d(starts)


@FAST
@given(any_births)
def test_compulsory_school_age_starts_on_a_prescribed_day_aged_five(born: date) -> None:
    starts = compulsory_school_age_starts(born)
    assert (starts.month, starts.day) in {(3, 31), (8, 31), (12, 31)}
    assert age_on(born, starts) == 5
    assert age_on(born, starts - timedelta(days=1)) in (4, 5)
    # Prescribed days are at most 153 days apart (31 Mar to 31 Aug), so the 5th birthday
    # is less than 153 days before compulsory school age starts.
    assert age_on(born, starts - timedelta(days=153)) == 4


@pytest.mark.parametrize(
    ("year", "friday"),
    [(2024, "2024-06-28"), (2025, "2025-06-27"), (2026, "2026-06-26"), (2028, "2028-06-30")],
)
def test_last_friday_of_june(year: int, friday: str) -> None:
    assert last_friday_of_june(year) == d(friday)


@pytest.mark.parametrize(
    ("born", "ends"),
    [
        # Born 15 Mar 2010: turns 16 on 15 Mar 2026, in 2025/26 -> last Friday of June 2026.
        ("2010-03-15", "2026-06-26"),
        # Oldest in the year: 16 on 1 Sep 2025 (2025/26) -> 26 Jun 2026 (s8(3)(c)).
        ("2009-09-01", "2026-06-26"),
        # Youngest: 16 on 31 Aug 2026, after the leaving date but before 2026/27 starts
        # -> 26 Jun 2026 (s8(3)(a)): they leave before they are 16.
        ("2010-08-31", "2026-06-26"),
        # 16 ON the leaving date, 26 Jun 2026 -> that day (s8(3)(b)).
        ("2010-06-26", "2026-06-26"),
        # 16 on 27 Jun 2026 (a Saturday, the day after the leaving date) -> 26 Jun 2026.
        ("2010-06-27", "2026-06-26"),
        # 16 on 1 Sep 2026 -> 2026/27 -> last Friday of June 2027, 25 Jun 2027.
        ("2010-09-01", "2027-06-25"),
        # Born 29 Feb 2008: 16 on 29 Feb 2024, in 2023/24 -> 28 Jun 2024.
        ("2008-02-29", "2024-06-28"),
    ],
)
def test_end_of_compulsory_school_age(born: str, ends: str) -> None:
    assert end_of_compulsory_school_age(d(born)) == d(ends)
    assert young_person_from(d(born)) == d(ends) + timedelta(days=1)


@FAST
@given(any_births)
def test_young_person_from_is_a_saturday_in_june_or_july(born: date) -> None:
    first_day = young_person_from(born)
    assert first_day.weekday() == 5  # Saturday
    assert (first_day.month, first_day.day) >= (6, 25)
    assert (first_day.month, first_day.day) <= (7, 1)


@FAST
@given(any_births)
def test_compulsory_school_age_ends_in_year_11_aged_15_or_16(born: date) -> None:
    ends = end_of_compulsory_school_age(born)
    assert nc_year(born, ends) == 11
    assert age_on(born, ends) in (15, 16)


# --- plan_can_run_until -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "until"),
    [
        # 25 on 15 Mar 2026: academic year 1 Aug 2025 - 31 Jul 2026 -> 31 Jul 2026.
        ("2001-03-15", "2026-07-31"),
        # 25 on 31 Jul 2026, the last day of that academic year -> 31 Jul 2026.
        ("2001-07-31", "2026-07-31"),
        # 25 on 1 Aug 2026, first day of 2026/27 -> 31 Jul 2027 (the day before they are 26).
        ("2001-08-01", "2027-07-31"),
        # 25 on 10 Aug 2026 -> 31 Jul 2027.
        ("2001-08-10", "2027-07-31"),
        # Born 29 Feb 2000: 25 on 1 Mar 2025 -> 31 Jul 2025.
        ("2000-02-29", "2025-07-31"),
    ],
)
def test_plan_can_run_until(born: str, until: str) -> None:
    assert plan_can_run_until(d(born)) == d(until)


@FAST
@given(any_births)
def test_plan_can_run_until_is_31_july_while_aged_25(born: date) -> None:
    until = plan_can_run_until(born)
    assert (until.month, until.day) == (7, 31)
    assert age_on(born, until) == 25  # on or after the 25th birthday, before the 26th
    assert age_on(born, until - timedelta(days=366)) <= 24


# --- phases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nc", "phase"),
    [
        (-3, EducationPhase.EARLY_YEARS),
        (-1, EducationPhase.EARLY_YEARS),  # nursery
        (0, EducationPhase.PRIMARY),  # Reception is taught in primary schools
        (6, EducationPhase.PRIMARY),
        (7, EducationPhase.SECONDARY),
        (11, EducationPhase.SECONDARY),
        (12, EducationPhase.POST16),
        (13, EducationPhase.POST16),
        (20, EducationPhase.POST16),
    ],
)
def test_phase_of_nc_year(nc: int, phase: EducationPhase) -> None:
    assert phase_of_nc_year(nc) == phase
    assert phase_of_nc_year(nc) == phase.value  # StrEnum: equal to the plain string


SCHOOL, POST16 = TransferKind.SCHOOL, TransferKind.POST16


@pytest.mark.parametrize(
    ("from_phase", "to_phase", "kind"),
    [
        # SEND Regs 2014 reg 2(1) "transfer between phases of education":
        ("early_years", "primary", SCHOOL),  # (a) early years to school
        ("early_years", "infant", SCHOOL),  # (a)
        ("early_years", "first", SCHOOL),  # (a)
        ("early_years", "special", SCHOOL),  # (a)
        ("infant", "junior", SCHOOL),  # (b)
        ("first", "middle", SCHOOL),  # (c) a first school is a primary school
        ("primary", "middle", SCHOOL),  # (c)
        ("primary", "secondary", SCHOOL),  # (d)
        ("junior", "secondary", SCHOOL),  # (d) a junior school is a primary school
        ("primary", "special", SCHOOL),  # (d) to a special school for secondary age
        ("primary", "all_through", SCHOOL),  # (d) joining an all-through school at Year 7
        ("middle", "high", SCHOOL),  # (e)
        ("middle", "secondary", SCHOOL),  # (e)
        ("secondary", "post16", POST16),  # (f)
        ("high", "further_education", POST16),  # (f)
        ("special", "further_education", POST16),  # (f) special school sixth form leaver
        ("all_through", "post16", POST16),  # (f)
        # Not phase transfers (ordinary change of setting, no Reg 18 deadline):
        ("primary", "primary", None),
        ("secondary", "secondary", None),
        ("infant", "primary", None),
        ("first", "junior", None),
        ("special", "special", None),
        ("secondary", "primary", None),
        ("early_years", "post16", None),
        ("middle", "post16", None),
        # Post-16 to post-16 is reg 18(2) (5 months before), not a fixed-date transfer.
        ("post16", "further_education", None),
        ("further_education", "further_education", None),
    ],
)
def test_transfer_kind(from_phase: str, to_phase: str, kind: TransferKind | None) -> None:
    assert transfer_kind(from_phase, to_phase) == kind


def test_transfer_kind_rejects_unknown_phase() -> None:
    with pytest.raises(ValueError, match="nursery_school"):
        transfer_kind("nursery_school", "primary")


@pytest.mark.parametrize(
    ("from_phase", "to_phase", "expected"),
    [
        ("post16", "further_education", True),
        ("further_education", "further_education", True),
        ("further_education", "post16", True),
        ("secondary", "post16", False),
        ("post16", "secondary", False),
    ],
)
def test_is_post16_to_post16(from_phase: str, to_phase: str, expected: bool) -> None:
    assert is_post16_to_post16(from_phase, to_phase) is expected


@pytest.mark.parametrize(
    ("born", "phase", "on", "last_year", "expected"),
    [
        # Northumberland three-tier: first R-4, middle 5-8, high 9-13.
        # Born 10 Jan 2017 (2016/17 birth year): Year 4 in 2025/26 -> middle on 1 Sep 2026.
        ("2017-01-10", "first", "2025-10-01", 4, ("2026-09-01", SCHOOL)),
        # Same child in Year 1 (2022/23): 4 more years in first school -> 1 Sep 2026.
        ("2017-01-10", "first", "2022-10-01", 4, ("2026-09-01", SCHOOL)),
        # Year 5 in middle school in 2026/27; Year 8 is 2029/30 -> high on 1 Sep 2030.
        ("2017-01-10", "middle", "2026-10-01", 8, ("2030-09-01", SCHOOL)),
        # Year 9 at high school in 2030/31; Year 13 is 2034/35 -> post-16 on 1 Sep 2035.
        ("2017-01-10", "high", "2030-10-01", 13, ("2035-09-01", POST16)),
        # Two-tier: born 5 May 2015, Year 6 in 2025/26 -> secondary on 1 Sep 2026.
        ("2015-05-05", "primary", "2025-10-01", 6, ("2026-09-01", SCHOOL)),
        # Same child's last day of Year 6 (31 Aug 2026) still gives 1 Sep 2026.
        ("2015-05-05", "primary", "2026-08-31", 6, ("2026-09-01", SCHOOL)),
        # Year 7 in 2026/27, secondary without a sixth form (7-11) -> 1 Sep 2031, post-16.
        ("2015-05-05", "secondary", "2026-10-01", 11, ("2031-09-01", POST16)),
        # Nursery (-1) in 2025/26: born 10 Jan 2022 -> Reception on 1 Sep 2026.
        ("2022-01-10", "early_years", "2025-10-01", -1, ("2026-09-01", SCHOOL)),
        # Infant school: Year 2 in 2025/26 (born 10 Jan 2019) -> junior, 1 Sep 2026.
        ("2019-01-10", "infant", "2025-10-01", 2, ("2026-09-01", SCHOOL)),
        # Primary special school (R-6) -> a secondary school: a school transfer.
        ("2015-05-05", "special", "2025-10-01", 6, ("2026-09-01", SCHOOL)),
        # All-age special school to 19 (last year 14): Year 11 in 2025/26 -> 1 Sep 2029.
        ("2010-03-15", "special", "2025-10-01", 14, ("2029-09-01", POST16)),
    ],
)
def test_next_transfer(
    born: str, phase: str, on: str, last_year: int, expected: tuple[str, TransferKind]
) -> None:
    result = next_transfer(d(born), phase, d(on), last_year_of_setting=last_year)
    assert result == (d(expected[0]), expected[1])


@pytest.mark.parametrize("phase", ["post16", "further_education"])
def test_next_transfer_from_post16_institution_is_none(phase: str) -> None:
    assert next_transfer(d("2008-01-01"), phase, d("2025-10-01"), last_year_of_setting=13) is None


def test_next_transfer_past_the_settings_last_year_is_an_error() -> None:
    # Born 10 Jan 2015: Year 6 in 2025/26, but a first school stops at Year 4.
    with pytest.raises(ValueError, match="NC year 6, past the setting's last year 4"):
        next_transfer(d("2015-01-10"), "first", d("2025-10-01"), last_year_of_setting=4)


@FAST
@given(
    births,
    st.integers(min_value=0, max_value=5000),
    st.sampled_from(["early_years", "infant", "primary", "first", "middle", "secondary"]),
    st.integers(min_value=0, max_value=6),
)
def test_next_transfer_is_1_september_after_the_last_year(
    born: date, days: int, phase: str, years_left: int
) -> None:
    on = born + timedelta(days=days)
    last_year = nc_year(born, on) + years_left
    result = next_transfer(born, phase, on, last_year_of_setting=last_year)
    assert result is not None
    transfer_on, _kind = result
    assert (transfer_on.month, transfer_on.day) == (9, 1)
    assert transfer_on > on
    assert nc_year(born, transfer_on) == last_year + 1
    assert nc_year(born, transfer_on - timedelta(days=1)) == last_year
