"""Owners are reminded of milestones and progress updates, once each (strategy/reminders.py)."""

import datetime as dt

import pytest

from opensend.core.notifications.models import Notification
from opensend.strategy import services
from opensend.strategy.models import Action, StrategyStatus
from opensend.strategy.reminders import strategy_reminders_send, which_reminder
from tests.strategy.plan_world import northshire_plan

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def plan(today, area, sam, cara):
    return northshire_plan(area, sam, cara)


@pytest.mark.parametrize(
    ("days_left", "which"),
    [(9, None), (8, None), (7, "7-days"), (2, "7-days"), (1, "1-day"), (0, "1-day"),
     (-1, "overdue"), (-40, "overdue")],
)  # fmt: skip
def test_which_reminder(days_left, which):
    assert which_reminder(TODAY + dt.timedelta(days=days_left), TODAY) == which


def test_the_owner_is_reminded_once_of_each(plan, cara, today):
    for title, days in (("Terms agreed", 7), ("Panel staffed", 1), ("Chair named", -3),
                        ("Far off", 30)):  # fmt: skip
        services.milestone_create(
            action=plan.timely, title=title, due_date=today + dt.timedelta(days=days)
        )
    done = services.milestone_create(action=plan.timely, title="Done", due_date=today)
    services.milestone_done(milestone=done, done_date=today)
    # 1.2 is overdue for its update too, but has no owner's account: nobody to tell
    report = strategy_reminders_send(today)
    assert report.created == {"milestone": 3, "update": 0}
    sent = Notification.objects.filter(recipient=cara.email).order_by("event")
    assert [n.event for n in sent] == [
        "Overdue: the milestone “Chair named” was due 19 November 2026",
        "Reminder: the milestone “Panel staffed” is due 23 November 2026",
        "Reminder: the milestone “Terms agreed” is due 29 November 2026",
    ]
    assert {(n.child_first_name, n.subject) for n in sent} == {("", "Action 1.1")}
    assert all(n.link == f"/strategy/actions/{plan.timely.pk}/" for n in sent)
    assert strategy_reminders_send(today).created == {"milestone": 0, "update": 0}


def test_a_progress_update_falls_due_a_month_after_the_last(plan, cara, today):
    # the last update was on 2 November: the next is due 2 December
    assert strategy_reminders_send(today).created["update"] == 0
    later = dt.date(2026, 11, 25)
    assert strategy_reminders_send(later).created["update"] == 1
    assert Notification.objects.get(recipient=cara.email).event == (
        "Reminder: a progress update is due 2 December 2026"
    )
    assert strategy_reminders_send(dt.date(2026, 12, 3)).created["update"] == 1  # overdue
    assert strategy_reminders_send(dt.date(2026, 12, 4)).created["update"] == 0


def test_no_reminders_for_a_draft_plan_or_a_finished_action(plan, cara, today):
    services.milestone_create(action=plan.timely, title="Soon", due_date=today)
    Action.objects.filter(pk=plan.timely.pk).update(status="complete")
    assert strategy_reminders_send(today).created == {"milestone": 0, "update": 0}
    Action.objects.filter(pk=plan.timely.pk).update(status="in_progress")
    plan.strategy.status = StrategyStatus.DRAFT
    plan.strategy.save()
    assert strategy_reminders_send(today).created == {"milestone": 0, "update": 0}
