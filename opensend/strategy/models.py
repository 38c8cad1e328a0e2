"""The partnership's strategy and action plans (issue 12, docs/strategy.md, ADR 0031).

A strategy has priorities; actions serve one or more priorities and have milestones;
success measures belong to an action or a priority and are either linked to a live
indicator (on course or not is computed from the snapshots: strategy/trajectory.py) or
qualitative with evidence. Progress updates are append-only: a later update is a new row.
No child-level data lives here: only area-level plans, people's names as owners, and
links to the measures' area-level indicators.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

TITLE_MAX = 300
NAME_MAX = 200


class StrategyKind(models.TextChoices):
    STRATEGY = "strategy", "Strategy"
    WRITTEN_STATEMENT = "written_statement", "Written statement of action"
    IMPROVEMENT_PLAN = "improvement_plan", "Improvement plan"
    INCLUSION_PLAN = "inclusion_plan", "Inclusion plan"
    OTHER = "other", "Other plan"


class StrategyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ADOPTED = "adopted", "Adopted"
    CLOSED = "closed", "Closed"


class Strategy(models.Model):
    local_authority = models.ForeignKey(
        "people.Organisation",
        on_delete=models.PROTECT,
        related_name="strategies",
        limit_choices_to={"kind": "local_authority"},
    )
    title = models.CharField(max_length=TITLE_MAX)
    kind = models.CharField(max_length=30, choices=StrategyKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    vision = models.TextField(blank=True)
    governance = models.TextField(blank=True, help_text="Who oversees the plan, and how.")
    status = models.CharField(
        max_length=10, choices=StrategyStatus.choices, default=StrategyStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name_plural = "strategies"
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="strategy_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Priority(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="priorities")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=TITLE_MAX)
    owner_organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    working_on = models.TextField("What we're working on", blank=True)
    right_when = models.TextField("When we get this right", blank=True)
    measured_by = models.TextField("How we will measure ourselves", blank=True)

    class Meta:
        ordering = ["strategy", "order", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"
    STOPPED = "stopped", "Stopped"


class Action(models.Model):
    """One action of the plan. Its timescale is either dates (start, due) or the words of
    the plan ("Spring 2025", "survive: years 1-2") with the range they were read as."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="actions")
    priorities = models.ManyToManyField(Priority, related_name="actions", blank=True)
    reference = models.CharField(max_length=20, blank=True, help_text="As numbered in the plan.")
    title = models.TextField()
    owner_name = models.CharField(max_length=NAME_MAX, blank=True)
    owner_organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_actions",
        help_text="The owner's account, when they have one: reminders go to it.",
    )
    partner_organisations = models.ManyToManyField(
        "people.Organisation", related_name="+", blank=True
    )
    partner_agencies = models.TextField(blank=True, help_text="As written in the plan.")
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    timescale = models.CharField(max_length=NAME_MAX, blank=True)
    timescale_start = models.DateField(null=True, blank=True)
    timescale_end = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["strategy", "reference", "id"]

    def __str__(self) -> str:
        return self.title[:80]


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=TITLE_MAX)
    due_date = models.DateField()
    done_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["action", "due_date", "id"]

    def __str__(self) -> str:
        return self.title


class MeasureKind(models.TextChoices):
    INDICATOR = "indicator", "Linked to an indicator"
    QUALITATIVE = "qualitative", "Qualitative or survey-based"


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"


class BaselineSource(models.TextChoices):
    SNAPSHOT = "snapshot", "The indicator's snapshot on the baseline date"
    TYPED = "typed", "Typed, with its source"


class ProgressStatus(models.TextChoices):
    ACHIEVED = "achieved", "Achieved"
    PARTIALLY_ACHIEVED = "partially_achieved", "Partially achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"


class SuccessMeasure(models.Model):
    """How we will know it made a difference: of an action or of a priority (one of them)."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="success_measures"
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="success_measures"
    )
    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, null=True, blank=True, related_name="success_measures"
    )
    title = models.TextField()
    kind = models.CharField(max_length=20, choices=MeasureKind.choices)
    # Linked to an indicator (opensend.statutory.indicators code), whole area or one group.
    indicator_code = models.CharField(max_length=80, blank=True)
    breakdown = models.CharField(max_length=30, blank=True)
    group = models.CharField(max_length=120, blank=True)
    period_kind = models.CharField(
        max_length=20,
        default="last_12_months",
        help_text="Which of the snapshots' periods (measures.PeriodKind) the figures are.",
    )
    baseline_source = models.CharField(max_length=10, choices=BaselineSource.choices, blank=True)
    baseline_value = models.DecimalField(max_digits=12, decimal_places=1, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    baseline_note = models.CharField(
        max_length=TITLE_MAX, blank=True, help_text="Where a typed baseline comes from."
    )
    target_value = models.DecimalField(max_digits=12, decimal_places=1, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    direction = models.CharField(max_length=10, choices=Direction.choices, blank=True)
    # Qualitative or survey-based: the evidence and the reviewer's judgement.
    evidence = models.TextField(blank=True)
    evidence_link = models.URLField(max_length=500, blank=True)
    judgement = models.CharField(max_length=20, choices=ProgressStatus.choices, blank=True)

    class Meta:
        ordering = ["strategy", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(action__isnull=False, priority__isnull=True)
                    | Q(action__isnull=True, priority__isnull=False)
                ),
                name="success_measure_of_action_or_priority",
            ),
            models.CheckConstraint(
                condition=~Q(kind="indicator") | ~Q(indicator_code=""),
                name="success_measure_indicator_has_code",
            ),
        ]

    def __str__(self) -> str:
        return self.title[:80]


class ProgressUpdate(models.Model):
    """A dated progress report on an action: append-only (a correction is a new update)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    reported_on = models.DateField()
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=ProgressStatus.choices)
    narrative = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "-reported_on", "-id"]
        indexes = [models.Index(fields=["action", "-reported_on"], name="strategy_update_latest")]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.reported_on}"


class EvidenceFile(models.Model):
    """A file of evidence (an opensend.core Upload) for a progress update or a measure."""

    upload = models.ForeignKey("core.Upload", on_delete=models.PROTECT, related_name="+")
    progress_update = models.ForeignKey(
        ProgressUpdate, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    success_measure = models.ForeignKey(
        SuccessMeasure, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(progress_update__isnull=False, success_measure__isnull=True)
                    | Q(progress_update__isnull=True, success_measure__isnull=False)
                ),
                name="evidence_file_of_update_or_measure",
            )
        ]

    def __str__(self) -> str:
        return str(self.upload)


class RiskLevel(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Risk(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="risks")
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="risks"
    )
    description = models.TextField()
    likelihood = models.CharField(max_length=10, choices=RiskLevel.choices)
    impact = models.CharField(max_length=10, choices=RiskLevel.choices)
    mitigation = models.TextField(blank=True)
    owner_name = models.CharField(max_length=NAME_MAX, blank=True)
    raised_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["strategy", "raised_on", "id"]

    def __str__(self) -> str:
        return self.description[:80]


class ActionDependency(models.Model):
    """`action` cannot finish until `depends_on` has."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="dependencies")
    depends_on = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="dependents")
    note = models.CharField(max_length=TITLE_MAX, blank=True)

    class Meta:
        verbose_name_plural = "action dependencies"
        constraints = [
            models.UniqueConstraint(
                fields=["action", "depends_on"], name="strategy_dependency_once"
            ),
            models.CheckConstraint(
                condition=~Q(action=models.F("depends_on")), name="strategy_no_self_dependency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_id} after {self.depends_on_id}"


class CoProducer(models.TextChoices):
    CHILDREN_AND_YOUNG_PEOPLE = "children_young_people", "Children and young people"
    PARENTS_AND_CARERS = "parents_carers", "Parents and carers"
    PARENT_CARER_FORUM = "parent_carer_forum", "The parent carer forum"
    PRACTITIONERS = "practitioners", "Practitioners"


class CoProductionEvidence(models.Model):
    """Who helped shape the plan, when, and what changed because of it."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="co_production")
    priority = models.ForeignKey(
        Priority, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    who = ArrayField(models.CharField(max_length=30, choices=CoProducer.choices))
    happened_on = models.DateField()
    activity = models.TextField(help_text="What was done with them.")
    what_changed = models.TextField(help_text="What changed in the plan because of it.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["strategy", "-happened_on", "-id"]
        verbose_name_plural = "co-production evidence"

    def __str__(self) -> str:
        return f"{self.happened_on}: {self.activity[:60]}"


# Board meetings and pending imports live beside their code (branch i12-io), and the
# public page's publications (ADR 0034): re-exported here.
from opensend.strategy.board.models import (  # noqa: E402, F401
    BoardActionLog,
    BoardDecision,
    BoardMeeting,
)
from opensend.strategy.imports.models import PendingImport  # noqa: E402, F401
from opensend.strategy.publication.models import Publication  # noqa: E402, F401
