"""The backlog measures (issue 9, item 8), on a table worked out by hand.

Snapshot day: 31 December 2024 (the last day of the period). Weeks are counted as the
clock counts them (dates.add_weeks): a request is past N weeks when the day N weeks after
it is before the snapshot day, so on its due date it is not yet past.
"""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.indicators import INDICATORS, BacklogRow, MeasureRows, Period
from opensend.statutory.indicators.backlog import AGE_BANDS, open_on

Y2024 = Period(date(2024, 1, 1), date(2024, 12, 31))


def row(ref: str, received: str, plan: str | None = None, ended: str | None = None) -> BacklogRow:
    return BacklogRow(
        date.fromisoformat(received),
        date.fromisoformat(plan) if plan else None,
        date.fromisoformat(ended) if ended else None,
        ref,
    )


# ref, received, final plan, ended without one        open on 31 Dec?  waited  band
TABLE = MeasureRows(
    backlog=(
        row("A", "2024-12-01"),  # open, 30 days                      up to 6 weeks
        row("B", "2024-11-19"),  # open, 6 weeks end on 31 Dec itself up to 6 weeks
        row("C", "2024-11-18"),  # open, 6 weeks ended 30 Dec         6 to 16 weeks
        row("D", "2024-08-13"),  # open, 20 weeks end on 31 Dec       16 to 20 weeks
        row("E", "2024-08-12"),  # open, 20 weeks ended 30 Dec        20 to 52 weeks
        row("F", "2024-01-01"),  # open, 52 weeks ended 30 Dec        over 52 weeks
        row("G", "2024-01-02"),  # open, 52 weeks end on 31 Dec       20 to 52 weeks
        row("H", "2023-06-01", plan="2024-10-01"),  # plan issued: not open
        row("I", "2023-06-01", plan="2025-01-05"),  # plan after the day: open, over 52
        row("J", "2024-03-01", ended="2024-04-10"),  # refused: not open
        row("K", "2024-03-01", ended="2025-02-01"),  # refused later: open, 20 to 52
        row("L", "2025-01-10"),  # received after the day: not open
    )
)


def figure(code: str) -> tuple[Decimal | None, int | None, int | None, list[str]]:
    value = INDICATORS[code].formula(TABLE, Y2024)
    refs = sorted(getattr(r, "ref") for r in value.numerator_rows)
    return value.value, value.numerator, value.denominator, refs


def test_open_requests() -> None:
    assert figure("open_requests") == (
        Decimal(9), 9, None, ["A", "B", "C", "D", "E", "F", "G", "I", "K"]
    )


def test_open_requests_past_20_weeks() -> None:
    assert figure("open_requests_past_20_weeks") == (
        Decimal(5), 5, None, ["E", "F", "G", "I", "K"]
    )


def test_open_requests_past_52_weeks() -> None:
    assert figure("open_requests_past_52_weeks") == (Decimal(2), 2, None, ["F", "I"])


def test_the_age_profile_of_the_open_requests() -> None:
    assert figure("open_requests_aged_up_to_6_weeks") == (Decimal("22.2"), 2, 9, ["A", "B"])
    assert figure("open_requests_aged_6_to_16_weeks") == (Decimal("11.1"), 1, 9, ["C"])
    assert figure("open_requests_aged_16_to_20_weeks") == (Decimal("11.1"), 1, 9, ["D"])
    assert figure("open_requests_aged_20_to_52_weeks") == (
        Decimal("33.3"), 3, 9, ["E", "G", "K"]
    )
    assert figure("open_requests_aged_over_52_weeks") == (Decimal("22.2"), 2, 9, ["F", "I"])


def test_no_open_requests_gives_no_profile_and_zero_counts() -> None:
    empty = MeasureRows()
    assert INDICATORS["open_requests_past_52_weeks"].formula(empty, Y2024).value == 0
    assert INDICATORS["open_requests_aged_over_52_weeks"].formula(empty, Y2024).value is None


def test_the_dfe_figure_counts_only_issued_plans_the_backlog_counts_the_rest() -> None:
    """The defect of issue 9: "over 52 weeks: 0.0%" beside a request 230 days overdue."""
    waiting = MeasureRows(backlog=(row("W", "2023-09-01"),))  # no plan on 31 Dec 2024
    assert INDICATORS["plans_issued_over_52_weeks"].formula(waiting, Y2024).value is None
    assert INDICATORS["open_requests_past_52_weeks"].formula(waiting, Y2024).value == 1


days = st.integers(min_value=0, max_value=900)


@st.composite
def backlog_rows(draw: st.DrawFn) -> BacklogRow:
    received = date(2022, 6, 1) + timedelta(days=draw(days))
    plan = draw(st.none() | days.map(lambda n: received + timedelta(days=n)))
    ended = draw(st.none() | days.map(lambda n: received + timedelta(days=n)))
    return BacklogRow(received, plan, ended, draw(st.integers()))


@settings(max_examples=200, deadline=None)
@given(st.lists(backlog_rows(), max_size=30))
def test_each_open_request_is_in_exactly_one_age_band(found: list[BacklogRow]) -> None:
    rows = MeasureRows(backlog=tuple(found))
    open_count = INDICATORS["open_requests"].formula(rows, Y2024).numerator
    assert open_count == sum(open_on(r, Y2024.end) for r in found)
    for r in found:
        if open_on(r, Y2024.end):
            assert sum(band.holds(r, Y2024.end) for band in AGE_BANDS) == 1
    banded = [
        INDICATORS[f"open_requests_aged_{band.key}"].formula(rows, Y2024) for band in AGE_BANDS
    ]
    assert sum(value.numerator or 0 for value in banded) == open_count
