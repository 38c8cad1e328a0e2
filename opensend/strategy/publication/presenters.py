"""What the public page of a published plan shows, and only that (ADR 0034,
docs/strategy-public.md).

Public: the plan's title, kind, period and vision; each priority with its owner
organisation and its three statements; each action with its owner organisation, partner
organisations, timescale, status at a glance and milestones; each success measure with its
latest figure, baseline and target; and the co-production evidence (who, when, what was
done, what changed). Never public: a person (an owner's name or account, who reported or
recorded anything), progress narratives and evidence files, risks, governance notes, the
partner agencies typed as free text (they may name a person), and every figure small
enough to identify a child.

Small numbers: every figure goes through the public measures' one rule
(measures/dashboard/public.py `is_suppressed`, which asks suppression.suppress_figure):
a count of 1 to 5, or a percentage or average made from one, is shown as `c`.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from opensend.measures.dashboard.indicator_page import SUPPRESSED
from opensend.measures.dashboard.public import is_suppressed
from opensend.measures.dashboard.wording import format_value
from opensend.statutory.indicators import INDICATORS, Indicator, IndicatorValue
from opensend.strategy.models import CoProducer, MeasureKind, Strategy
from opensend.strategy.presenters import ActionRow, MeasureRow, action_row
from opensend.strategy.publication.selectors import baseline_point, latest_point
from opensend.strategy.readings import measure_reading
from opensend.strategy.status import GLANCE_TAGS, GLANCE_WORDS, Glance

NOT_MEASURED = "Not measured yet"


@dataclass(frozen=True)
class Figure:
    """A figure as the public sees it: its text, or `c` when it is suppressed."""

    text: str
    suppressed: bool
    on: dt.date | None = None


def shown_figure(
    indicator: Indicator | None,
    value: Decimal | None,
    numerator: int | None,
    denominator: int | None,
    on: dt.date | None = None,
) -> Figure:
    """A stored figure with the counts it was made from. An unknown indicator's figure is
    hidden: without its unit there is no telling whether it counts few children."""
    if indicator is None or is_suppressed(indicator, IndicatorValue(value, numerator, denominator)):
        return Figure(SUPPRESSED, True, on)
    return Figure(format_value(indicator, value), False, on)


def typed_figure(
    indicator: Indicator | None, value: Decimal | None, on: dt.date | None = None
) -> Figure:
    """A typed baseline or a target. A count is its own numerator (statutory.indicators
    IndicatorValue), so a target of 3 appeals is `c`; a typed percentage or average
    carries no counts, so the rule has nothing to hide it by (ADR 0034)."""
    counted = indicator is not None and indicator.unit == "count" and value is not None
    return shown_figure(indicator, value, int(value) if counted else None, None, on)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PublicMeasure:
    title: str
    indicator: str  # the indicator's name; "" for a qualitative measure
    group: str  # one breakdown group, or "" for the whole area
    latest: Figure | None
    baseline: Figure | None
    target: Figure | None
    target_date: dt.date | None
    course: str  # on course / behind / ahead, worked out from the snapshots
    judgement: str  # a qualitative measure's reviewer's judgement


def _baseline(row: MeasureRow, indicator: Indicator | None) -> Figure | None:
    measure = row.measure
    point = baseline_point(measure)
    if point is not None:
        return shown_figure(
            indicator, point.value, point.numerator, point.denominator, measure.baseline_date
        )
    if measure.baseline_value is None or measure.baseline_source != "typed":
        return None
    return typed_figure(indicator, measure.baseline_value, measure.baseline_date)


def public_measure(row: MeasureRow, *, today: dt.date) -> PublicMeasure:
    measure = row.measure
    if measure.kind != MeasureKind.INDICATOR:
        return PublicMeasure(
            measure.title, "", "", None, None, None, None, "", measure.get_judgement_display()
        )
    indicator = INDICATORS.get(measure.indicator_code)
    latest = latest_point(measure, until=today)
    target = measure.target_value
    reading = row.reading.reading if row.reading else None
    return PublicMeasure(
        title=measure.title,
        indicator=indicator.name if indicator else measure.indicator_code,
        group=measure.group,
        latest=None
        if latest is None
        else shown_figure(
            indicator, latest.value, latest.numerator, latest.denominator, latest.taken_on
        ),
        baseline=_baseline(row, indicator),
        target=None if target is None else typed_figure(indicator, target),
        target_date=measure.target_date,
        course=reading.words if reading else NOT_MEASURED,
        judgement="",
    )


@dataclass(frozen=True)
class PublicMilestone:
    title: str
    due: dt.date
    done: dt.date | None


@dataclass(frozen=True)
class PublicAction:
    reference: str
    title: str
    owner: str  # the owner organisation: never a person
    partners: tuple[str, ...]
    start: dt.date | None
    due: dt.date | None
    timescale: str  # the plan's words ("Spring 2026") when it has no dates
    overdue: bool
    glance: Glance
    milestones: tuple[PublicMilestone, ...]
    measures: tuple[PublicMeasure, ...]

    @property
    def glance_words(self) -> str:
        return GLANCE_WORDS[self.glance]

    @property
    def glance_tag(self) -> str:
        return GLANCE_TAGS[self.glance]


def public_action(row: ActionRow, *, today: dt.date) -> PublicAction:
    action = row.action
    return PublicAction(
        reference=action.reference,
        title=action.title,
        owner=action.owner_organisation.name if action.owner_organisation else "",
        partners=tuple(o.name for o in action.partner_organisations.all()),
        start=action.start_date,
        due=action.due_date,
        timescale=action.timescale,
        overdue=row.overdue,
        glance=row.glance,
        milestones=tuple(
            PublicMilestone(m.title, m.due_date, m.done_date) for m in action.milestones.all()
        ),
        measures=tuple(public_measure(m, today=today) for m in row.measures),
    )


@dataclass(frozen=True)
class PublicPriority:
    order: int
    title: str
    owner: str
    working_on: str
    right_when: str
    measured_by: str
    measures: tuple[PublicMeasure, ...]
    actions: tuple[PublicAction, ...]


@dataclass(frozen=True)
class PublicCoProduction:
    who: tuple[str, ...]
    happened_on: dt.date
    activity: str
    what_changed: str
    about: str  # the priority or action it shaped, or "" for the whole plan


@dataclass(frozen=True)
class PublicPlan:
    title: str
    kind: str
    period_start: dt.date
    period_end: dt.date
    area: str
    vision: str
    published_on: dt.date
    priorities: tuple[PublicPriority, ...]
    unlinked: tuple[PublicAction, ...]  # actions serving no priority
    counts: tuple[tuple[str, str, int], ...]
    co_production: tuple[PublicCoProduction, ...]


def _co_production(strategy: Strategy) -> tuple[PublicCoProduction, ...]:
    words = dict(CoProducer.choices)
    found = []
    for evidence in strategy.co_production.all():  # type: ignore[attr-defined]
        about = evidence.priority.title if evidence.priority else ""
        if evidence.action:
            about = f"{evidence.action.reference} {evidence.action.title}".strip()
        found.append(
            PublicCoProduction(
                tuple(words.get(who, who) for who in evidence.who),
                evidence.happened_on,
                evidence.activity,
                evidence.what_changed,
                about,
            )
        )
    return tuple(found)


def _priorities(
    strategy: Strategy, rows: list[ActionRow], today: dt.date
) -> tuple[tuple[PublicPriority, ...], tuple[PublicAction, ...]]:
    public = {row.action.pk: public_action(row, today=today) for row in rows}
    served: set[int] = set()
    priorities = []
    for priority in strategy.priorities.all():
        for measure in priority.success_measures.all():
            measure.strategy = strategy
        ids = [
            row.action.pk
            for row in rows
            if any(p.pk == priority.pk for p in row.action.priorities.all())
        ]
        served.update(ids)
        priorities.append(
            PublicPriority(
                order=priority.order,
                title=priority.title,
                owner=priority.owner_organisation.name if priority.owner_organisation else "",
                working_on=priority.working_on,
                right_when=priority.right_when,
                measured_by=priority.measured_by,
                measures=tuple(
                    public_measure(MeasureRow(m, measure_reading(m, today=today)), today=today)
                    for m in priority.success_measures.all()
                ),
                actions=tuple(public[pk] for pk in ids),
            )
        )
    unlinked = tuple(action for pk, action in public.items() if pk not in served)
    return tuple(priorities), unlinked


def public_plan(strategy: Strategy, *, today: dt.date) -> PublicPlan:
    """The public page of `strategy` (read by selectors.published_strategy)."""
    for action in strategy.actions.all():
        for measure in action.success_measures.all():
            measure.strategy = strategy  # one plan: no query per measure for its area
    rows = [action_row(action, today=today) for action in strategy.actions.all()]
    priorities, unlinked = _priorities(strategy, rows, today)
    counted = Counter(row.glance for row in rows)
    published = min(p.confirmed_at for p in strategy.publications.all() if p.withdrawn_at is None)  # type: ignore[attr-defined]
    return PublicPlan(
        title=strategy.title,
        kind=strategy.get_kind_display(),
        period_start=strategy.period_start,
        period_end=strategy.period_end,
        area=strategy.local_authority.name,
        vision=strategy.vision,
        published_on=timezone.localtime(published).date(),
        priorities=priorities,
        unlinked=unlinked,
        counts=tuple((GLANCE_WORDS[g], GLANCE_TAGS[g], counted[g]) for g in Glance if counted[g]),
        co_production=_co_production(strategy),
    )
