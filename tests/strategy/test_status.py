"""An action's status at a glance and the disagreement rule (strategy/status.py)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.strategy.status import ActionFacts, Glance, disagrees, glance, is_overdue
from opensend.strategy.trajectory import Course

TODAY = dt.date(2026, 11, 22)
LATER, EARLIER = dt.date(2027, 1, 1), dt.date(2026, 10, 1)
B, ON, AHEAD, NONE = Course.BEHIND, Course.ON_COURSE, Course.AHEAD, Course.NO_DATA


@pytest.mark.parametrize(
    ("status", "due", "declared", "courses", "expected", "disagreement"),
    [
        ("in_progress", LATER, "on_track", [ON], Glance.GREEN, False),
        ("in_progress", LATER, "on_track", [B], Glance.RED, True),  # the data wins
        ("in_progress", LATER, "achieved", [ON, B], Glance.RED, True),
        ("in_progress", LATER, "at_risk", [B], Glance.RED, False),  # no claim to contradict
        ("in_progress", LATER, "at_risk", [ON], Glance.AMBER, False),
        ("in_progress", LATER, "partially_achieved", [], Glance.AMBER, False),
        ("in_progress", LATER, "off_track", [AHEAD], Glance.RED, False),
        ("in_progress", EARLIER, "on_track", [ON], Glance.RED, False),  # overdue
        ("not_started", None, None, [], Glance.NONE, False),
        ("not_started", None, None, [NONE], Glance.NONE, False),
        ("not_started", None, None, [AHEAD], Glance.GREEN, False),
        ("complete", EARLIER, "off_track", [B], Glance.DONE, False),
        ("stopped", EARLIER, None, [], Glance.DONE, False),
    ],
)
def test_hand_worked(status, due, declared, courses, expected, disagreement):
    facts = ActionFacts(status, due, declared, courses)
    assert glance(facts, TODAY) == expected
    assert disagrees(facts) is disagreement


def test_overdue_is_the_day_after_the_due_date():
    facts = ActionFacts("in_progress", TODAY, "on_track", [])
    assert not is_overdue(facts, TODAY)
    assert is_overdue(facts, TODAY + dt.timedelta(days=1))


facts_drawn = st.builds(
    ActionFacts,
    status=st.sampled_from(["not_started", "in_progress", "complete", "stopped"]),
    due=st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2028, 1, 1)),
    declared=st.none()
    | st.sampled_from(
        ["achieved", "partially_achieved", "not_achieved", "on_track", "at_risk", "off_track"]
    ),
    courses=st.lists(st.sampled_from(list(Course)), max_size=3),
)
shared_machine = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@shared_machine
@given(facts_drawn)
def test_behind_or_overdue_is_never_green(facts):
    if Course.BEHIND in facts.courses or is_overdue(facts, TODAY):
        assert glance(facts, TODAY) in (Glance.RED, Glance.DONE)


@shared_machine
@given(facts_drawn)
def test_a_disagreement_is_always_shown_red_unless_finished(facts):
    if disagrees(facts):
        assert glance(facts, TODAY) in (Glance.RED, Glance.DONE)
