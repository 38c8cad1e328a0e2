"""What the strategy pages show: each action's status at a glance (strategy/status.py),
what is overdue, what changed since a date, and where a declaration disagrees with the
data, worked out from the prefetched plan (strategy/selectors.py strategy_plan)."""

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from opensend.strategy.models import Action, Priority, ProgressUpdate, Strategy, SuccessMeasure
from opensend.strategy.readings import MeasureReading, indicator_name, measure_reading
from opensend.strategy.status import (
    GLANCE_TAGS,
    GLANCE_WORDS,
    ActionFacts,
    Glance,
    disagrees,
    glance,
    is_overdue,
)

CHANGED_SINCE_DAYS = 28  # without a board meeting to count from: about a month


@dataclass(frozen=True)
class MeasureRow:
    measure: SuccessMeasure
    reading: MeasureReading | None

    @property
    def indicator(self) -> str:
        return indicator_name(self.measure.indicator_code) if self.measure.indicator_code else ""


@dataclass(frozen=True)
class ActionRow:
    action: Action
    glance: Glance
    overdue: bool
    due: dt.date | None
    latest: ProgressUpdate | None
    measures: tuple[MeasureRow, ...]
    disagreement: str
    changed: bool

    @property
    def glance_words(self) -> str:
        return GLANCE_WORDS[self.glance]

    @property
    def glance_tag(self) -> str:
        return GLANCE_TAGS[self.glance]


@dataclass
class PriorityGroup:
    priority: Priority | None  # None: actions linked to no priority
    measures: list[MeasureRow]
    actions: list[ActionRow] = field(default_factory=list)


@dataclass(frozen=True)
class Filters:
    owner: int | None = None  # owner organisation
    partner: int | None = None  # partner organisation
    priority: int | None = None
    glance: str = ""

    def keep(self, row: ActionRow) -> bool:
        action = row.action
        checks = (
            self.owner is None or action.owner_organisation_id == self.owner,
            self.partner is None
            or any(o.pk == self.partner for o in action.partner_organisations.all()),
            self.priority is None or any(p.pk == self.priority for p in action.priorities.all()),
            not self.glance or row.glance == self.glance,
        )
        return all(checks)


def action_due(action: Action) -> dt.date | None:
    """The due date, or the end of the timescale read from the plan's words."""
    return action.due_date or action.timescale_end


def _latest(action: Action) -> ProgressUpdate | None:
    updates = sorted(action.progress_updates.all(), key=lambda u: (u.reported_on, u.pk))
    return updates[-1] if updates else None


def disagreement_text(row_latest: ProgressUpdate | None, measures: Sequence[MeasureRow]) -> str:
    behind = [m for m in measures if m.reading and m.reading.course == "behind"]
    if row_latest is None or not behind:
        return ""
    names = ", ".join(m.indicator or m.measure.title for m in behind)
    return (
        f"The last update says “{row_latest.get_status_display().lower()}”, but the figures "
        f"say otherwise: {names} is behind its trajectory."
    )


def measure_rows(measures: Sequence[SuccessMeasure], today: dt.date) -> tuple[MeasureRow, ...]:
    return tuple(MeasureRow(m, measure_reading(m, today=today)) for m in measures)


def action_row(action: Action, *, today: dt.date, since: dt.date | None = None) -> ActionRow:
    latest = _latest(action)
    measures = measure_rows(list(action.success_measures.all()), today)
    facts = ActionFacts(
        status=action.status,
        due=action_due(action),
        declared=latest.status if latest else None,
        courses=[m.reading.course for m in measures if m.reading and m.reading.course],
    )
    changed = since is not None and (
        action.updated_at.date() >= since
        or any(u.recorded_at.date() >= since for u in action.progress_updates.all())
    )
    return ActionRow(
        action=action,
        glance=glance(facts, today),
        overdue=is_overdue(facts, today),
        due=facts.due,
        latest=latest,
        measures=measures,
        disagreement=disagreement_text(latest, measures) if disagrees(facts) else "",
        changed=changed,
    )


@dataclass
class PlanPage:
    strategy: Strategy
    groups: list[PriorityGroup]
    rows: list[ActionRow]  # every action, before the filters
    shown: list[ActionRow]
    since: dt.date

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        counted = Counter(row.glance for row in self.rows)
        return [(GLANCE_WORDS[g], GLANCE_TAGS[g], counted[g]) for g in Glance if counted[g]]

    @property
    def overdue(self) -> list[ActionRow]:
        return [row for row in self.rows if row.overdue]

    @property
    def disagreements(self) -> list[ActionRow]:
        return [row for row in self.rows if row.disagreement]

    @property
    def changed(self) -> list[ActionRow]:
        return [row for row in self.rows if row.changed]


def default_since(strategy: Strategy, today: dt.date) -> dt.date:
    """The last board meeting before today when the plan has meetings; else four weeks."""
    meetings = getattr(strategy, "board_meetings", None)
    if meetings is not None:
        held = meetings.filter(held_on__lt=today).order_by("-held_on").first()
        if held is not None:
            return held.held_on  # type: ignore[no-any-return]
    return today - dt.timedelta(days=CHANGED_SINCE_DAYS)


def plan_page(strategy: Strategy, *, today: dt.date, since: dt.date, filters: Filters) -> PlanPage:
    rows = [action_row(a, today=today, since=since) for a in strategy.actions.all()]
    groups = [
        PriorityGroup(p, list(measure_rows(list(p.success_measures.all()), today)))
        for p in strategy.priorities.all()
    ]
    by_priority = {group.priority.pk: group for group in groups if group.priority}
    unlinked = PriorityGroup(None, [])
    shown = [row for row in rows if filters.keep(row)]
    for row in shown:
        linked = [by_priority[p.pk] for p in row.action.priorities.all() if p.pk in by_priority]
        for group in linked or [unlinked]:
            group.actions.append(row)
    if unlinked.actions:
        groups.append(unlinked)
    return PlanPage(strategy, groups, rows, shown, since)
