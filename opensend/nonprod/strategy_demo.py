"""A small synthetic partnership plan for the demo area (issue 12), in our own words.

Four priorities, five actions with milestones, owners and partners, progress updates,
success measures linked to live indicators (their figures are the demo area's own
snapshots, taken by `snapshot_indicators --backfill-months 12`) and one from a survey,
a risk, a dependency between two actions and the evidence of co-production. The written
statement of action beside it is nonprod/wsoa_demo.py.
Dates are set around `today`, so the plan always has something overdue, something due
soon and something finished. Run after the area and its snapshots exist.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from opensend.nonprod.generator.store import demo_la
from opensend.people.models import Organisation, OrganisationKind, Role, User
from opensend.strategy import services
from opensend.strategy.models import (
    Action,
    ActionStatus,
    BaselineSource,
    CoProducer,
    Direction,
    MeasureKind,
    ProgressStatus,
    Strategy,
    StrategyKind,
    StrategyStatus,
)
from opensend.strategy.registers import services as registers

TITLE = "Northmoor SEND and Inclusion Partnership Plan"


def _staff(la: Organisation, role: str) -> User:
    found = User.objects.filter(memberships__organisation=la, memberships__role=role)
    user = found.order_by("pk").first()
    if user is None:
        raise RuntimeError(f"The demo area has no {role}: run generate_area first")
    return user


def _partner(la: Organisation, kind: str) -> Organisation | None:
    return Organisation.objects.filter(local_authority=la, kind=kind).order_by("pk").first()


def _months(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    return dt.date(year, month + 1, 1)


@transaction.atomic
def demo_strategy_load(today: dt.date) -> Strategy:
    """Replace the demo plan with a fresh one dated around `today`."""
    la = demo_la()
    if la is None:
        raise RuntimeError("No demo area: run generate_area first")
    Strategy.objects.filter(local_authority=la, title=TITLE).delete()
    lead, owner = _staff(la, Role.SEN_MANAGER), _staff(la, Role.CASEWORKER)
    health = _partner(la, OrganisationKind.NHS_TRUST)
    forum = _partner(la, OrganisationKind.PARENT_CARER_FORUM)
    start = _months(today, -11)
    strategy = services.strategy_create(
        actor=lead, local_authority=la, title=TITLE, kind=StrategyKind.STRATEGY,
        period_start=start, period_end=_months(start, 36) - dt.timedelta(days=1),
        vision="Children and young people in Northmoor have their needs spotted early and "
        "met close to home, and families trust the help they get.",
        governance="The SEND Partnership Board (council, health and the parent carer forum) "
        "reviews the plan every two months; each priority has a lead partner.",
        status=StrategyStatus.ADOPTED,
    )  # fmt: skip
    early = services.priority_create(
        strategy=strategy, title="Needs met early", owner_organisation=la,
        working_on="Faster decisions on requests, and advice back on time.",
        right_when="Families do not wait months to know what happens next.",
        measured_by="Plans issued within 20 weeks; advice returned within 6 weeks.",
    )  # fmt: skip
    reviews = services.priority_create(
        strategy=strategy, title="Plans that stay right for the child", owner_organisation=la,
        working_on="Annual reviews held on time, with the child's voice in them.",
        right_when="Plans change when the child's needs change.",
        measured_by="Reviews held by their due date.",
    )  # fmt: skip
    voice = services.priority_create(
        strategy=strategy, title="Families shape the plan", owner_organisation=forum or la,
        working_on="Co-producing guidance with the parent carer forum.",
        right_when="Families say they were listened to.",
        measured_by="The forum's yearly survey.",
    )  # fmt: skip
    panel = services.action_create(
        strategy=strategy, priorities=[early], reference="1.1",
        title="Run a weekly multi-agency decision panel", owner_name=owner.full_name,
        owner_user=owner, owner_organisation=la, start_date=start,
        due_date=_months(today, 5), partner_organisations=[o for o in (health,) if o],
        status=ActionStatus.IN_PROGRESS,
    )  # fmt: skip
    advice = services.action_create(
        strategy=strategy, priorities=[early], reference="1.2",
        title="Agree one advice template with health and the EP service",
        owner_name="Designated Clinical Officer", owner_organisation=health,
        due_date=today - dt.timedelta(days=20), status=ActionStatus.IN_PROGRESS,
    )  # fmt: skip
    services.action_create(
        strategy=strategy, priorities=[reviews], reference="2.1",
        title="Rewrite the annual review paperwork with young people",
        owner_name=lead.full_name, timescale="Spring term",
        timescale_start=start, timescale_end=_months(start, 4) - dt.timedelta(days=1),
        status=ActionStatus.COMPLETE,
    )  # fmt: skip
    adulthood = services.priority_create(
        strategy=strategy, title="Ready for the next step", owner_organisation=la,
        working_on="Moves between schools and into college agreed in good time.",
        right_when="Young people know where they are going well before the summer.",
        measured_by="Phase transfers finalised by 15 February.",
    )  # fmt: skip
    services.measure_create(
        strategy=strategy, action=None, priority=adulthood,
        title="Nearly every phase transfer agreed by 15 February", kind=MeasureKind.INDICATOR,
        indicator_code="phase_transfers_finalised_by_15_february",
        baseline_source=BaselineSource.SNAPSHOT, baseline_date=_months(start, 1),
        target_value=Decimal(95), target_date=_months(start, 24),
        direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    services.measure_create(
        strategy=strategy, action=None, priority=early,
        title="Advice back from every agency within 6 weeks", kind=MeasureKind.INDICATOR,
        indicator_code="advice_within_6_weeks", baseline_source=BaselineSource.SNAPSHOT,
        baseline_date=_months(start, 1), target_value=Decimal(90),
        target_date=_months(start, 24), direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    _registers(strategy, lead, panel, advice, today)
    services.action_create(
        strategy=strategy, priorities=[reviews, voice], reference="2.2",
        title="Train SENCOs to run person-centred reviews", owner_name=lead.full_name,
        timescale="Years 1 to 2", timescale_start=start,
        timescale_end=_months(start, 24) - dt.timedelta(days=1),
        partner_organisations=[o for o in (forum,) if o], status=ActionStatus.NOT_STARTED,
    )  # fmt: skip
    services.milestone_create(action=panel, title="Terms of reference agreed",
                              due_date=_months(today, -6))  # fmt: skip
    services.milestone_create(action=panel, title="Health and care members named",
                              due_date=today + dt.timedelta(days=6))  # fmt: skip
    services.milestone_create(action=advice, title="Draft template shared",
                              due_date=today - dt.timedelta(days=45))  # fmt: skip
    services.progress_report(
        action=panel, actor=owner, reported_on=today - dt.timedelta(days=12),
        status=ProgressStatus.ON_TRACK,
        narrative="The panel has met every week since the spring; decisions are recorded "
        "on the day.",
    )  # fmt: skip
    services.progress_report(
        action=advice, actor=lead, reported_on=today - dt.timedelta(days=30),
        status=ProgressStatus.AT_RISK,
        narrative="Waiting for comments from the therapy services.",
    )  # fmt: skip
    services.measure_create(
        strategy=strategy, action=panel, priority=None,
        title="Most new plans issued within 20 weeks", kind=MeasureKind.INDICATOR,
        indicator_code="plans_issued_within_20_weeks_incl_exceptions",
        baseline_source=BaselineSource.SNAPSHOT, baseline_date=_months(start, 1),
        target_value=Decimal(75), target_date=_months(start, 24),
        direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    services.measure_create(
        strategy=strategy, action=None, priority=reviews,
        title="Reviews held by their due date", kind=MeasureKind.INDICATOR,
        indicator_code="annual_reviews_held_by_due_date", baseline_source=BaselineSource.TYPED,
        baseline_value=Decimal(50), baseline_date=start,
        baseline_note="The council's own count before the plan",
        target_value=Decimal(80), target_date=_months(start, 24),
        direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    services.measure_create(
        strategy=strategy, action=None, priority=voice,
        title="Four in five families say they were listened to",
        kind=MeasureKind.QUALITATIVE,
        evidence="The forum's survey this year: 68% of 212 families said they were listened to.",
        judgement=ProgressStatus.PARTIALLY_ACHIEVED,
    )  # fmt: skip
    return strategy


def _registers(strategy: Strategy, lead: User, panel: Action, advice: Action, day: dt.date) -> None:
    """A risk, a dependency (the panel needs the advice template) and co-production."""
    registers.risk_create(
        actor=lead, strategy=strategy, action=None,
        description="Too few educational psychologists to give advice on time this winter",
        likelihood="high", impact="medium", owner_name=lead.full_name,
        mitigation="Two locum psychologists booked; requests triaged by the panel.",
        raised_on=day - dt.timedelta(days=40),
    )  # fmt: skip
    registers.risk_create(
        actor=lead, strategy=strategy, action=advice, description="Therapy services may not "
        "sign the template off before their own restructure", likelihood="medium",
        impact="low", raised_on=day - dt.timedelta(days=25),
    )  # fmt: skip
    registers.dependency_add(
        actor=lead, action=panel, depends_on=advice,
        note="The panel decides faster once advice arrives in one shape.",
    )  # fmt: skip
    registers.coproduction_create(
        actor=lead, strategy=strategy, action=None, priority=None,
        who=[CoProducer.PARENT_CARER_FORUM, CoProducer.PARENTS_AND_CARERS],
        happened_on=strategy.period_start - dt.timedelta(days=30),
        activity="Three evening sessions with the forum to write the plan's priorities.",
        what_changed="\"Families shape the plan\" became a priority of its own.",
    )  # fmt: skip
    registers.coproduction_create(
        actor=lead, strategy=strategy, action=None, priority=None,
        who=[CoProducer.CHILDREN_AND_YOUNG_PEOPLE, CoProducer.PRACTITIONERS],
        happened_on=day - dt.timedelta(days=50),
        activity="Young people from two secondary schools tested the new review paperwork "
        "with their SENCOs.",
        what_changed="The paperwork now opens with the young person's own page.",
    )  # fmt: skip
