"""A small synthetic partnership plan for Northshire (tests/personas.py), built through the
services (branch i12-plan): two priorities, three actions, measures with monthly snapshots.

    20-week plans    baseline 40% (typed) on 1 Jan 2026, target 80% by 1 Jan 2027; the
                     snapshots climb only to 45% by November: behind its trajectory, while
                     action 1.1's owner says "on track" (the disagreement the page shows)
    reviews          baseline from the January snapshot (60%), target 70% by 1 Jan 2027;
                     October's 69% is on course (68.1% expected, give or take 1)
    action 1.2       due 1 October 2026, not finished: overdue
    action 2.1       complete
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from opensend.measures.models import IndicatorSnapshot, PeriodKind
from opensend.people.models import Organisation, User
from opensend.strategy import services
from opensend.strategy.models import (
    Action,
    ActionStatus,
    BaselineSource,
    Direction,
    MeasureKind,
    ProgressStatus,
    Strategy,
    StrategyKind,
    StrategyStatus,
    SuccessMeasure,
)

TIMELINESS = "plans_issued_within_20_weeks_incl_exceptions"
REVIEWS = "annual_reviews_held_by_due_date"


@dataclass
class PlanWorld:
    strategy: Strategy
    timely: Action  # declared on track, measure behind
    overdue: Action
    finished: Action
    timeliness: SuccessMeasure
    reviews: SuccessMeasure


def snapshots(la: Organisation, code: str, values: dict[dt.date, str]) -> None:
    """Monthly snapshots as the nightly job would have stored them (test data only)."""
    IndicatorSnapshot.objects.bulk_create(
        IndicatorSnapshot(
            local_authority=la,
            code=code,
            period_kind=PeriodKind.LAST_12_MONTHS,
            period_start=day.replace(year=day.year - 1) + dt.timedelta(days=1),
            period_end=day,
            value=Decimal(value),
            taken_on=day,
        )
        for day, value in values.items()
    )


def _month_ends(values: list[str]) -> dict[dt.date, str]:
    return {dt.date(2026, month, 28): value for month, value in enumerate(values, start=1)}


def plan_world(
    *, la: Organisation, lead: User, owner: User | None = None, partner: Organisation | None = None
) -> PlanWorld:
    strategy = services.strategy_create(
        actor=lead, local_authority=la, title="Northshire SEND Partnership Plan 2026 to 2029",
        kind=StrategyKind.STRATEGY, period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2028, 12, 31), vision="Every child's needs met early, close to home.",
        governance="The SEND Partnership Board meets every two months.",
        status=StrategyStatus.ADOPTED,
    )  # fmt: skip
    plans = services.priority_create(
        strategy=strategy, title="Timely, good quality plans", owner_organisation=la,
        working_on="Clearing the assessment backlog", right_when="Families wait less",
        measured_by="Plans issued in 20 weeks",
    )  # fmt: skip
    reviews = services.priority_create(strategy=strategy, title="Reviews that change things")
    timely = services.action_create(
        strategy=strategy, priorities=[plans], reference="1.1",
        title="Weekly multi-agency panel for new requests", owner_name="Sam Shah",
        owner_organisation=la, owner_user=owner, due_date=dt.date(2027, 3, 31),
        partner_organisations=[partner] if partner else [], status=ActionStatus.IN_PROGRESS,
    )  # fmt: skip
    overdue = services.action_create(
        strategy=strategy, priorities=[plans], reference="1.2",
        title="Advice templates agreed with health", owner_name="Aled",
        due_date=dt.date(2026, 10, 1), status=ActionStatus.IN_PROGRESS,
    )  # fmt: skip
    finished = services.action_create(
        strategy=strategy, priorities=[reviews], reference="2.1",
        title="Review paperwork rewritten with families", timescale="Spring 2026",
        timescale_start=dt.date(2026, 3, 1), timescale_end=dt.date(2026, 5, 31),
        status=ActionStatus.COMPLETE,
    )  # fmt: skip
    services.progress_report(
        action=timely, actor=lead, reported_on=dt.date(2026, 11, 2),
        status=ProgressStatus.ON_TRACK, narrative="Panel meets every Tuesday.",
    )  # fmt: skip
    snapshots(la, TIMELINESS, _month_ends(["40", "41", "41", "42", "43", "43", "44", "44", "45",
                                           "45", "45"]))  # fmt: skip
    snapshots(la, REVIEWS, _month_ends(["60", "61", "62", "63", "64", "65", "66", "67", "68",
                                        "69", "70"]))  # fmt: skip
    timeliness = services.measure_create(
        strategy=strategy, action=timely, priority=None, title="80% of plans within 20 weeks",
        kind=MeasureKind.INDICATOR, indicator_code=TIMELINESS,
        baseline_source=BaselineSource.TYPED, baseline_value=Decimal(40),
        baseline_date=dt.date(2026, 1, 1), baseline_note="SEN2 2025",
        target_value=Decimal(80), target_date=dt.date(2027, 1, 1),
        direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    reviews_measure = services.measure_create(
        strategy=strategy, action=None, priority=reviews, title="70% of reviews on time",
        kind=MeasureKind.INDICATOR, indicator_code=REVIEWS,
        baseline_source=BaselineSource.SNAPSHOT, baseline_date=dt.date(2026, 1, 31),
        target_value=Decimal(70), target_date=dt.date(2027, 1, 1),
        direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    return PlanWorld(strategy, timely, overdue, finished, timeliness, reviews_measure)


MATRIX_TITLE = "Northshire SEND Partnership Plan 2026 to 2029"


def matrix_plan() -> PlanWorld:
    """The plan the route matrix (tests/core/test_routes.py) opens: Northshire's, written
    by Sam, with one progress update carrying an evidence file; built once per test."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from opensend.strategy.models import EvidenceFile

    found = Strategy.objects.filter(title=MATRIX_TITLE).first()
    if found is None:
        lead = User.objects.get(email="sam.shah@northshire.example")
        world = plan_world(la=Organisation.objects.get(name="Northshire County Council"), lead=lead)
        services.milestone_create(
            action=world.overdue, title="Draft shared", due_date=dt.date(2026, 9, 1)
        )
        services.progress_report(
            action=world.overdue, actor=lead, reported_on=dt.date(2026, 11, 1),
            status=ProgressStatus.AT_RISK, narrative="Waiting for health's comments.",
            files=[SimpleUploadedFile("notes.pdf", b"%PDF-1.7\n%%EOF\n")],
        )  # fmt: skip
        found = world.strategy
    actions = {action.reference: action for action in found.actions.all()}
    measures = list(found.success_measures.order_by("pk"))
    world = PlanWorld(found, actions["1.1"], actions["1.2"], actions["2.1"], *measures)
    assert EvidenceFile.objects.filter(progress_update__action=world.overdue).exists()
    return world


def northshire_plan(area: object, sam: User, cara: User) -> PlanWorld:
    """Northshire's plan (above) from the personas' world; Cara owns action 1.1."""
    return plan_world(la=area.northshire, lead=sam, owner=cara, partner=area.health)  # type: ignore[attr-defined]


def matrix_register(world: PlanWorld, kind: str) -> object:
    """An open risk, a dependency (1.2 after 1.1) or a record of co-production of the
    matrix plan, made when there is none (a persona's POST may have closed or removed it)."""
    from opensend.strategy.models import ActionDependency, CoProductionEvidence, Risk

    if kind == "risk":
        return Risk.objects.filter(strategy=world.strategy, closed_on=None).first() or (
            Risk.objects.create(
                strategy=world.strategy, description="Health advisers leave", likelihood="medium",
                impact="high", raised_on=dt.date(2026, 10, 1),
            )
        )  # fmt: skip
    if kind == "dependency":
        found, _ = ActionDependency.objects.get_or_create(
            action=world.overdue, depends_on=world.timely
        )
        return found
    return CoProductionEvidence.objects.filter(strategy=world.strategy).first() or (
        CoProductionEvidence.objects.create(
            strategy=world.strategy, who=["parent_carer_forum"], happened_on=dt.date(2026, 6, 1),
            activity="Workshop on the plan", what_changed="Priority 2 was added",
            recorded_by=world.strategy.created_by,
        )
    )  # fmt: skip
