"""Comparators: the DfE's published statistics, imported as published, and statistical neighbours.

One EesRow per CSV row: the published text of every indicator sits in `values`, keyed by the
column name (see docs/measures-comparators.md for why rows, not one row per value).
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import models


class EesRelease(models.Model):
    """One Explore Education Statistics "download all data" zip: a publication's reporting year."""

    publication = models.SlugField(max_length=200)
    reporting_year = models.PositiveIntegerField()
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "reporting_year"], name="measures_one_release_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication} {self.reporting_year}"


class EesTable(models.Model):
    """One CSV of a release's data/ folder, e.g. "timeliness_20_week"."""

    release = models.ForeignKey(EesRelease, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(max_length=200)
    columns = models.JSONField(help_text="Every column header, in order, as published.")
    filters = models.JSONField(help_text="The filter columns (e.g. breakdown_topic, breakdown).")
    indicators = models.JSONField(help_text="The indicator columns, without repeats.")
    row_count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "name"], name="measures_one_table_name")
        ]

    def __str__(self) -> str:
        return f"{self.release} {self.name}"


class EesRow(models.Model):
    """One published CSV row: its time, its area, its filter values and its indicator texts."""

    table = models.ForeignKey(EesTable, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(help_text="Line in the published CSV (header is line 1).")
    time_period = models.CharField(max_length=20)
    time_identifier = models.CharField(max_length=60)
    geographic_level = models.CharField(max_length=60)
    area_code = models.CharField(
        max_length=20, help_text="The ONS code of the row's own area (England, region or LA)."
    )
    country_code = models.CharField(max_length=20, blank=True)
    region_code = models.CharField(max_length=20, blank=True)
    new_la_code = models.CharField(max_length=20, blank=True)
    old_la_code = models.CharField(max_length=20, blank=True)
    la_name = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(help_text="Filter column -> value, as published.")
    values = models.JSONField(help_text="Indicator column -> text exactly as published.")

    class Meta:
        indexes = [
            models.Index(fields=["table", "time_period", "area_code"], name="measures_row_lookup"),
            models.Index(fields=["la_name"], name="measures_row_la_name"),
            # comparatorsperf: comparators_for_many reads one breakdown of a table for every
            # local authority (filters @> {...}); without it every breakdown is scanned.
            GinIndex(fields=["filters"], opclasses=["jsonb_path_ops"], name="measures_row_filters"),
        ]

    def __str__(self) -> str:
        return f"{self.table} {self.time_period} {self.area_code} line {self.line}"


class StatisticalNeighbour(models.Model):
    """One of a local authority's ten statistical neighbours, by rank (1 = closest)."""

    la_name = models.CharField(max_length=200)
    la_code = models.CharField(max_length=20, blank=True, help_text="Blank when not resolved.")
    rank = models.PositiveSmallIntegerField()
    neighbour_name = models.CharField(max_length=200)
    neighbour_code = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["la_name", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["la_name", "rank"], name="measures_one_neighbour_rank")
        ]
        indexes = [models.Index(fields=["la_code"], name="measures_neighbour_la_code")]

    def __str__(self) -> str:
        return f"{self.la_name} #{self.rank}: {self.neighbour_name}"


# --- Measures (issue 3, api): which published area a local authority compares as --------
class AreaComparison(models.Model):
    """Which published figures stand beside a local authority's own live figures.

    A real authority compares as itself (its ONS code, its region, its own neighbours). The
    fictional demo area has no published figures, so it borrows a real authority's: see
    docs/measures-comparators.md ("Which area a local authority compares as").
    """

    local_authority = models.OneToOneField(
        "people.Organisation",
        on_delete=models.CASCADE,
        related_name="area_comparison",
        limit_choices_to={"kind": "local_authority"},
    )
    compares_as = models.CharField(
        max_length=9, help_text="ONS code whose published figures and rank stand for this LA."
    )
    region_code = models.CharField(max_length=9, help_text="ONS code of the region, E12...")
    neighbours_of = models.CharField(
        max_length=9, help_text="ONS code of the LA whose statistical neighbours are used."
    )
    note = models.CharField(
        max_length=300, blank=True, help_text="Shown beside the comparators, e.g. borrowed."
    )

    def __str__(self) -> str:
        return f"{self.local_authority} compares as {self.compares_as}"


# --- issue 3 engine: snapshots of the live indicators -------------------------------------


class PeriodKind(models.TextChoices):
    YEAR_TO_DATE = "year_to_date", "Calendar year to date"
    LAST_12_MONTHS = "last_12_months", "Last 12 months"


class IndicatorSnapshot(models.Model):
    """One live figure as it stood on ``taken_on``: what the board saw that day.

    Written by ``snapshots.snapshots_take`` (nightly, and for past month ends by the
    backfill); never edited by hand. ``breakdown`` "" and ``group`` "" is the whole area.
    """

    local_authority = models.ForeignKey(
        "people.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(max_length=80)
    period_kind = models.CharField(max_length=20, choices=PeriodKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    breakdown = models.CharField(max_length=30, blank=True, default="")
    group = models.CharField(max_length=120, blank=True, default="")
    value = models.DecimalField(max_digits=12, decimal_places=1, null=True)
    numerator = models.IntegerField(null=True)
    denominator = models.IntegerField(null=True)
    taken_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                # period_kind too: on 31 December the year to date and the last 12 months
                # are the same dates, and both are stored.
                fields=[
                    "local_authority",
                    "code",
                    "period_kind",
                    "period_start",
                    "period_end",
                    "breakdown",
                    "group",
                    "taken_on",
                ],
                name="measures_one_snapshot_per_figure_and_day",
            )
        ]
        indexes = [
            models.Index(
                fields=["local_authority", "code", "breakdown", "group", "taken_on"],
                name="measures_snapshot_series",
            ),
            models.Index(fields=["local_authority", "taken_on"], name="measures_snapshot_day"),
        ]

    def __str__(self) -> str:
        where = f" {self.breakdown}={self.group}" if self.breakdown else ""
        return f"{self.code}{where} {self.period_start}..{self.period_end} on {self.taken_on}"


# sen2 (issue 3, item 6): the prepared SEN2 return, defined beside its code.
from opensend.measures.returns.sen2.models import RunStatus, Sen2Run  # noqa: E402, F401

# --- The read-side projection of the casework (docs/measures-sql.md) ----------------------
# One row per request, plan, advice request, review, phase transfer, dispute and case, with
# the dates and flags the indicator formulas read. Built only by measures.live.facts from
# the casework records (themselves derived from the append-only events) and rebuilt by
# `manage.py rebuild_facts`; nothing else writes these tables.


class _Fact(models.Model):
    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="+")
    local_authority_id = models.IntegerField()

    class Meta:
        abstract = True


class RequestFact(_Fact):
    """An initial request and the first decision whether to assess on or after it."""

    received = models.DateField()
    decision_due = models.DateField()  # Reg 5(1): 6 weeks after the request
    decided_on = models.DateField(null=True)
    outcome = models.CharField(max_length=20, null=True)  # noqa: DJ001 (assess | not_assess; NULL: none)
    # The backlog (indicators.backlog): how the request left it, and the limits its wait
    # is measured against.
    not_to_issue_due = models.DateField(null=True)  # Reg 10(1): request + 16 weeks
    final_plan_due = models.DateField(null=True)  # Reg 13(2): request + 20 weeks
    long_wait_after = models.DateField(null=True)  # request + 52 weeks (DfE band)
    final_plan_issued = models.DateField(null=True)  # the plan's first issue (Reg 13(2))
    # The last refusal (to assess, Reg 5(1); to issue a plan, Reg 10(1)) of a case that
    # stands refused; None: not ended without a plan.
    ended_without_plan = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "received"])]


class PlanFact(_Fact):
    """An EHC plan: issue, request and cease dates, and when an exception came to apply."""

    child_id = models.IntegerField()
    issued = models.DateField()
    request_received = models.DateField(null=True)
    final_plan_due = models.DateField(null=True)  # Reg 13(2): request + 20 weeks
    long_wait_after = models.DateField(null=True)  # request + 52 weeks (DfE band)
    # The first day on which the recorded exceptions excused the 20 weeks (Reg 13(3)):
    # an exception applies as of a day iff this is on or before it; None: never.
    exception_from = models.DateField(null=True)
    # The child's primary need (rank 1; None: not recorded), kept with the case fact's groups.
    need = models.CharField(max_length=10, null=True)  # noqa: DJ001 (NULL: not recorded)
    ceased = models.DateField(null=True)
    cease_reason = models.CharField(max_length=2, null=True)  # noqa: DJ001 (NULL: none)
    named_setting_id = models.IntegerField(null=True)

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "issued"])]


class AdviceFact(_Fact):
    """One request for advice (Reg 6(1)) with its Reg 8(1) due date."""

    source = models.CharField(max_length=20)
    requested = models.DateField()
    due = models.DateField()
    received = models.DateField(null=True)
    exception_from = models.DateField(null=True)  # Reg 8(2), as for PlanFact

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "due"])]


class ReviewFact(_Fact):
    """An annual review: a review_due step (due None: a meeting no step answers)."""

    due = models.DateField(null=True)
    held = models.DateField(null=True)
    decided_on = models.DateField(null=True)
    outcome = models.CharField(max_length=10, null=True)  # noqa: DJ001 (maintain | amend | cease)
    decision_due = models.DateField(null=True)  # Reg 20(10): meeting + 4 weeks
    amended_due = models.DateField(null=True)  # Reg 22(3): meeting + 12 weeks
    amended_plan_issued = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "due"])]


class TransferFact(_Fact):
    """A phase transfer and its Reg 18(1) deadline."""

    kind = models.CharField(max_length=10)
    deadline = models.DateField()
    finalised = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "deadline"])]


class CaseFact(_Fact):
    """A case: when it opened and ended, its caseworker, child and named setting."""

    child_id = models.IntegerField()
    opened = models.DateField()
    closed = models.DateField(null=True)  # the plan ceased, or the refusal that ended it
    caseworker_id = models.IntegerField(null=True)
    named_setting_id = models.IntegerField(null=True)
    # The breakdowns' fixed groups of the child (measures.live.people), stored so that
    # grouping reads the case fact alone; refreshed with the case and with every change
    # to the child's record (ChildRecordChange). The age band is worked out per period
    # from the date of birth; the setting and locality, from the named setting or the
    # enrolment on the period's last day, and the postcode district.
    date_of_birth = models.DateField(null=True)
    sex_group = models.CharField(max_length=40, default="", db_default="")
    ethnicity_group = models.CharField(max_length=60, default="", db_default="")
    need_group = models.CharField(max_length=80, default="", db_default="")
    postcode_district = models.CharField(max_length=8, default="", db_default="")

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "opened"])]


class DisputeFact(_Fact):
    """A mediation or tribunal appeal with its outcome key (indicators.disputes)."""

    kind = models.CharField(max_length=10)
    started = models.DateField()
    concluded = models.DateField(null=True)
    outcome = models.CharField(max_length=20, null=True)  # noqa: DJ001 (NULL: none)

    class Meta:
        indexes = [models.Index(fields=["local_authority_id", "started"])]


class FactsVersion(models.Model):
    """Bumped in the same transaction whenever an area's fact rows change: the SQL
    engine's cache key (replicated with the facts, so a replica's key matches its rows)."""

    local_authority_id = models.IntegerField(unique=True)
    version = models.BigIntegerField(default=0)
