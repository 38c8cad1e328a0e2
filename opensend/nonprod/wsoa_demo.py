"""A synthetic written statement of action for the demo area (issue 12, item 7), in our own
words: two areas for improvement, each with actions that have dated milestones and progress
written at each review. Dated around `today`, like the strategy (nonprod/strategy_demo.py)."""

import datetime as dt

from django.db import transaction

from opensend.nonprod.strategy_demo import _months, _staff
from opensend.people.models import Organisation, Role, User
from opensend.strategy import services
from opensend.strategy.models import (
    Action,
    ActionStatus,
    ProgressStatus,
    Strategy,
    StrategyKind,
    StrategyStatus,
)

TITLE = "Northmoor Written Statement of Action"

# Each action: reference, title, owner, months from the start to its due date, status,
# milestones (title, months from the start, done), updates (days ago, status, narrative).
ACTIONS = (
    ("1", "Waiting times for a decision and a plan", (
        ("1.1", "Clear the backlog of requests waiting over 20 weeks", 9,
         ActionStatus.COMPLETE,
         (("Backlog counted and each case given a named officer", 1, True),
          ("Every case over 20 weeks has a date for its plan", 4, True),
          ("No request waiting over 26 weeks", 8, True)),
         ((120, ProgressStatus.PARTIALLY_ACHIEVED, "Most long waits now have a date; eleven "
           "families are still waiting for health advice."),
          (40, ProgressStatus.ACHIEVED, "No request has waited over 26 weeks since the "
           "spring."))),
        ("1.2", "Tell families where their request is, every four weeks", 12,
         ActionStatus.IN_PROGRESS,
         (("Letter templates agreed with the parent carer forum", 2, True),
          ("Update letters sent from the case system", 13, False)),
         ((35, ProgressStatus.AT_RISK, "The letters are written; sending them from the case "
           "system waits for the new notification settings."),)),
    )),
    ("2", "Joint working between education, health and care", (
        ("2.1", "A designated clinical officer joins every decision panel", 6,
         ActionStatus.IN_PROGRESS,
         (("Officer appointed", 1, True), ("Attends at least nine panels in ten", 6, False)),
         ((20, ProgressStatus.ON_TRACK, "The officer attended 17 of the last 18 panels."),)),
        ("2.2", "One shared record of advice requested and received", 15,
         ActionStatus.NOT_STARTED,
         (("Information sharing agreement signed", 10, False),),
         ()),
    )),
)


def _action(strategy: Strategy, priority: object, lead: User, la: Organisation,
            start: dt.date, today: dt.date, spec: tuple) -> Action:  # type: ignore[type-arg]
    reference, title, due_months, status, milestones, updates = spec
    action = services.action_create(
        strategy=strategy, priorities=[priority], reference=reference, title=title,
        owner_name=lead.full_name, owner_organisation=la, start_date=start,
        due_date=_months(start, due_months), status=status,
    )  # fmt: skip
    for name, months, done in milestones:
        milestone = services.milestone_create(
            action=action, title=name, due_date=_months(start, months)
        )
        if done:
            services.milestone_done(milestone=milestone, done_date=milestone.due_date)
    for days_ago, declared, narrative in updates:
        services.progress_report(
            action=action, actor=lead, reported_on=today - dt.timedelta(days=days_ago),
            status=declared, narrative=narrative,
        )  # fmt: skip
    return action


@transaction.atomic
def demo_wsoa_load(la: Organisation, today: dt.date) -> Strategy:
    """Replace the demo area's written statement of action with one dated around `today`."""
    Strategy.objects.filter(local_authority=la, title=TITLE).delete()
    lead = _staff(la, Role.SEN_MANAGER)
    start = _months(today, -10)
    strategy = services.strategy_create(
        actor=lead, local_authority=la, title=TITLE, kind=StrategyKind.WRITTEN_STATEMENT,
        period_start=start, period_end=_months(start, 18) - dt.timedelta(days=1),
        vision="What the area will put right after its local area inspection, and by when.",
        governance="The improvement board meets monthly; the plan goes to the SEND "
        "Partnership Board every two months.", status=StrategyStatus.ADOPTED,
    )  # fmt: skip
    for reference, weakness, actions in ACTIONS:
        priority = services.priority_create(
            strategy=strategy, title=weakness, owner_organisation=la, order=int(reference)
        )
        for spec in actions:
            _action(strategy, priority, lead, la, start, today, spec)
    return strategy
