"""The school's annual review dates (Reg 20(3)(b)/(4), 20(7), 20(10)), table-driven."""

from datetime import date

import pytest

from opensend.statutory.review_meeting import (
    circulate_by,
    decision_due,
    earliest_meeting,
    meeting_check,
    report_due,
    report_timing,
)

MEETING = date(2027, 3, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("meeting_on", "by"),
    [
        (MEETING, date(2027, 2, 24)),  # two weeks before
        (date(2027, 1, 5), date(2026, 12, 22)),  # across the year end
        (date(2028, 3, 7), date(2028, 2, 22)),  # across 29 February
    ],
)
def test_views_are_circulated_two_weeks_before_the_meeting(meeting_on, by):
    assert circulate_by(meeting_on) == by
    assert earliest_meeting(by) == meeting_on


@pytest.mark.parametrize(
    ("held_on", "circulated_on", "reason", "allowed", "late"),
    [
        (MEETING, date(2027, 2, 24), "", True, False),  # exactly 14 days after
        (MEETING, date(2027, 2, 1), "", True, False),  # earlier still
        (MEETING, date(2027, 2, 25), "", False, True),  # 13 days: refused without a reason
        (MEETING, date(2027, 2, 25), "EP report arrived late", True, True),
        (MEETING, date(2027, 2, 25), "   ", False, True),  # blank is no reason
        (MEETING, None, "", False, True),  # nothing circulated
        (MEETING, None, "Family asked to meet early", True, True),
    ],
)
def test_a_meeting_before_circulation_plus_14_days_needs_a_reason(
    held_on, circulated_on, reason, allowed, late
):
    check = meeting_check(held_on=held_on, circulated_on=circulated_on, late_reason=reason,
                          today=date(2027, 3, 20))
    assert (check.allowed, check.late_circulation) == (allowed, late)
    assert bool(check.refusal) == (not allowed)
    if not allowed:
        assert "Reg 20(3)-(4)" in check.refusal


def test_a_meeting_in_the_future_cannot_be_recorded():
    check = meeting_check(held_on=MEETING, circulated_on=date(2027, 1, 1), late_reason="x",
                          today=MEETING.replace(day=9))
    assert not check.allowed and "past" in check.refusal


@pytest.mark.parametrize(
    ("submitted_on", "days_late"),
    [
        (date(2027, 3, 10), 0),  # on the day of the meeting
        (date(2027, 3, 24), 0),  # the last day: 2 weeks after
        (date(2027, 3, 25), 1),
        (date(2027, 4, 14), 21),
    ],
)
def test_the_report_is_due_two_weeks_after_the_meeting_and_late_ones_count_days(
    submitted_on, days_late
):
    timing = report_timing(held_on=MEETING, submitted_on=submitted_on)
    assert timing.due == report_due(MEETING) == date(2027, 3, 24)
    assert (timing.days_late, timing.late) == (days_late, days_late > 0)


def test_the_decision_is_due_four_weeks_after_the_meeting():
    assert decision_due(MEETING) == date(2027, 4, 7)
