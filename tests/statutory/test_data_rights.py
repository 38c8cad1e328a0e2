"""The one-month answer to a subject access or erasure request (UK GDPR Art. 12(3)) and
the working days it is moved to (opensend/statutory/data_rights.py, working_days.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.data_rights import extension_allowed, response_due
from opensend.statutory.working_days import bank_holidays, is_working_day, next_working_day

FAST = settings(max_examples=200, deadline=None)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # gov.uk/bank-holidays, England and Wales
        (2024, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"]),
        (2025, ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"]),
        # Boxing Day on a Saturday: substitute Monday 28 December
        (2026, ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]),
        # Christmas on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday 28
        (2027, ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"]),
        # the Platinum Jubilee (spring moved to 2 June, 3 June added), the State Funeral,
        # and Christmas on a Sunday (Boxing Day Monday 26, substitute Tuesday 27)
        (2022, ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19",
                "12-26", "12-27"]),
        # the Coronation; New Year's Day on a Sunday: substitute Monday 2 January
        (2023, ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25",
                "12-26"]),
        # VE Day 75: early May moved to Friday 8 May
        (2020, ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"]),
    ],
)
def test_bank_holidays_of_england_and_wales(year: int, expected: list[str]):
    assert sorted(bank_holidays(year)) == [date.fromisoformat(f"{year}-{md}") for md in expected]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-09-03", "2026-10-05"),  # 3 October 2026 is a Saturday: Monday 5 October
        ("2026-09-02", "2026-10-02"),  # the corresponding date, a Friday
        ("2026-01-31", "2026-03-02"),  # no 31 February: the 28th, a Saturday -> Monday
        ("2027-01-31", "2027-03-01"),  # 28 February 2027 is a Sunday: Monday 1 March
        ("2028-01-31", "2028-02-29"),  # a leap year: the 29th, a Tuesday
        ("2026-11-25", "2026-12-29"),  # 25 December: Christmas, then the substitute 28th
        ("2026-03-03", "2026-04-07"),  # 3 April 2026 Good Friday, 6 April Easter Monday
        ("2026-03-28", "2026-04-28"),  # received on a Saturday: the clock still starts
    ],
)
def test_one_calendar_month_to_the_next_working_day(received: str, due: str):
    answer = response_due(received_on=date.fromisoformat(received))
    assert answer.due == date.fromisoformat(due)
    assert answer.clock_starts == date.fromisoformat(received)


def test_the_clock_starts_when_the_proof_of_identity_arrives():
    answer = response_due(
        received_on=date(2026, 9, 1), identity_confirmed_on=date(2026, 9, 10)
    )
    assert answer.clock_starts == date(2026, 9, 10)
    assert answer.due == date(2026, 10, 12)  # 10 October 2026 is a Saturday


def test_identity_confirmed_before_the_request_starts_the_clock_on_receipt():
    answer = response_due(received_on=date(2026, 9, 2), identity_confirmed_on=date(2026, 8, 1))
    assert answer.clock_starts == date(2026, 9, 2)


def test_an_extension_adds_two_further_months():
    answer = response_due(received_on=date(2026, 9, 2), extended=True)
    assert answer.extended and answer.due == date(2026, 12, 2)


def test_an_extension_is_told_within_the_first_month():
    received = date(2026, 9, 2)
    assert extension_allowed(received_on=received, identity_confirmed_on=None, on=date(2026, 10, 2))
    assert not extension_allowed(
        received_on=received, identity_confirmed_on=None, on=date(2026, 10, 3)
    )


@FAST
@given(DAYS, st.booleans())
def test_the_due_date_is_a_working_day_within_a_few_days_of_the_month(received, extended):
    answer = response_due(received_on=received, extended=extended)
    months = 3 if extended else 1
    assert is_working_day(answer.due)
    # a month is 28 to 31 days; the move to a working day is at most 4 days (Christmas
    # on a Friday: Saturday, Sunday, Monday 27 and Tuesday 28 December).
    assert 28 * months <= (answer.due - received).days <= 31 * months + 4


@FAST
@given(DAYS)
def test_next_working_day_is_the_first_working_day_on_or_after(day):
    found = next_working_day(day)
    assert is_working_day(found)
    assert all(not is_working_day(day + timedelta(days=n)) for n in range((found - day).days))
