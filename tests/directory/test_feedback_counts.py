"""Feedback counts for the measures: received, answered, answered within 20 working days."""

import datetime as dt

import pytest

from opensend.directory.feedback.counts import feedback_counts
from opensend.directory.feedback.working_days import (
    LAST_YEAR_LISTED,
    add_working_days,
    is_working_day,
)
from tests.directory.feedback_factories import FeedbackFactory, at

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 11, 2)


def test_working_days_skip_weekends_and_bank_holidays():
    assert add_working_days(MONDAY, 5) == dt.date(2026, 11, 9)
    assert add_working_days(dt.date(2026, 11, 6), 1) == dt.date(2026, 11, 9)  # Friday -> Monday
    # 24 December 2026 (Thursday): 25 and 28 December are bank holidays, 26-27 a weekend.
    assert add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)
    assert not is_working_day(dt.date(2026, 4, 3))  # Good Friday
    assert add_working_days(MONDAY, 20) == dt.date(2026, 11, 30)


def test_the_bank_holiday_list_covers_this_year():
    assert dt.date.today().year <= LAST_YEAR_LISTED, (
        "add the next years' bank holidays to opensend/directory/feedback/working_days.py"
    )


def test_counts_received_answered_and_within_target(today):
    due = add_working_days(MONDAY, 20)  # 30 November 2026
    FeedbackFactory(received_at=at(MONDAY), theme="finding", answered_at=at(due, 17))
    FeedbackFactory(
        received_at=at(MONDAY), theme="finding", answered_at=at(due + dt.timedelta(days=1))
    )
    FeedbackFactory(received_at=at(MONDAY), theme="missing")
    FeedbackFactory(received_at=at(MONDAY), theme="")
    FeedbackFactory(received_at=at(MONDAY - dt.timedelta(days=1)), theme="finding")  # before
    FeedbackFactory(received_at=at(dt.date(2026, 12, 1)), theme="finding")  # after

    counts = feedback_counts(start=MONDAY, end=dt.date(2026, 11, 30))

    assert counts.target_working_days == 20
    assert (counts.total.received, counts.total.answered, counts.total.answered_within_target) == (
        4,
        2,
        1,
    )
    finding = counts.by_theme["finding"]
    assert (finding.received, finding.answered, finding.answered_within_target) == (2, 2, 1)
    assert counts.by_theme["missing"].received == 1 and counts.by_theme["missing"].answered == 0
    assert counts.by_theme[""].received == 1


def test_the_period_is_in_london_time(today):
    # 00:30 on 1 November in London (BST has ended: GMT) is still 1 November.
    FeedbackFactory(received_at=at(dt.date(2026, 11, 1), hour=0))
    # 23:30 on 31 July in London is 22:30 UTC: July, not August.
    FeedbackFactory(received_at=at(dt.date(2026, 7, 31), hour=23))
    assert feedback_counts(start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 1)).total.received == 1
    assert feedback_counts(start=dt.date(2026, 8, 1), end=dt.date(2026, 8, 31)).total.received == 0
    assert feedback_counts(start=dt.date(2026, 7, 31), end=dt.date(2026, 7, 31)).total.received == 1


def test_no_feedback_no_counts(today):
    counts = feedback_counts(start=MONDAY, end=MONDAY)
    assert counts.total.received == 0 and counts.by_theme == {}
