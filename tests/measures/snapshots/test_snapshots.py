"""Snapshots: stored figures equal the live ones, a day is taken once, the series and
"as of" reads, the nightly job and the command."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from procrastinate.contrib.django import app

from opensend.measures import tasks
from opensend.measures.live import BREAKDOWNS, last_12_months, live_figures, year_to_date
from opensend.measures.models import IndicatorSnapshot, PeriodKind
from opensend.measures.snapshots.selectors import snapshot_as_of, snapshot_series
from opensend.measures.snapshots.services import snapshots_take
from opensend.statutory.indicators import INDICATORS
from tests.measures.live_world import World, build_world

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def world(db: None, today: dt.date) -> World:
    return build_world()


def test_a_snapshot_stores_the_live_figures(world: World) -> None:
    report = snapshots_take(local_authority_id=world.la.pk, taken_on=TODAY, breakdowns=())
    assert report.stored == 2 * len(INDICATORS)  # two standard periods, whole area
    for period, kind in (
        (year_to_date(TODAY), PeriodKind.YEAR_TO_DATE),
        (last_12_months(TODAY), PeriodKind.LAST_12_MONTHS),
    ):
        for figure in live_figures(local_authority_id=world.la.pk, period=period):
            stored = IndicatorSnapshot.objects.get(
                local_authority=world.la, code=figure.code, period_kind=kind, taken_on=TODAY
            )
            assert (stored.period_start, stored.period_end) == (period.start, period.end)
            assert (stored.value, stored.numerator, stored.denominator) == (
                figure.value.value,
                figure.value.numerator,
                figure.value.denominator,
            )
            assert (stored.breakdown, stored.group) == ("", "")


def test_breakdown_groups_are_stored_beside_the_whole(world: World) -> None:
    snapshots_take(local_authority_id=world.la.pk, taken_on=TODAY)
    stored = IndicatorSnapshot.objects.filter(local_authority=world.la, taken_on=TODAY)
    assert set(stored.values_list("breakdown", flat=True)) == {"", *BREAKDOWNS}
    males = stored.get(
        code="ehc_requests_received",
        period_kind=PeriodKind.YEAR_TO_DATE,
        breakdown="sex",
        group="Male",
    )
    assert males.numerator == 2


def test_on_31_december_both_periods_are_stored_although_their_dates_are_the_same(
    world: World,
) -> None:
    new_years_eve = dt.date(2025, 12, 31)
    assert year_to_date(new_years_eve) == last_12_months(new_years_eve)
    report = snapshots_take(local_authority_id=world.la.pk, taken_on=new_years_eve, breakdowns=())
    assert report.stored == 2 * len(INDICATORS)
    kinds = IndicatorSnapshot.objects.filter(taken_on=new_years_eve).values_list(
        "period_kind", flat=True
    )
    assert set(kinds) == {PeriodKind.YEAR_TO_DATE, PeriodKind.LAST_12_MONTHS}


def test_taking_a_day_twice_leaves_one_set(world: World) -> None:
    first = snapshots_take(local_authority_id=world.la.pk, taken_on=TODAY, breakdowns=())
    second = snapshots_take(local_authority_id=world.la.pk, taken_on=TODAY, breakdowns=())
    assert second.replaced == first.stored
    assert IndicatorSnapshot.objects.filter(taken_on=TODAY).count() == first.stored


def test_a_backfilled_month_end_counts_only_what_had_happened(world: World) -> None:
    snapshots_take(local_authority_id=world.la.pk, taken_on=dt.date(2026, 6, 30), breakdowns=())
    june = IndicatorSnapshot.objects.get(
        code="new_plans", period_kind=PeriodKind.YEAR_TO_DATE, taken_on=dt.date(2026, 6, 30)
    )
    assert june.numerator == 1  # only amy's plan (May); bea's and cal's came in July


def test_the_series_has_one_point_a_month_and_as_of_answers_the_board(world: World) -> None:
    for day in (dt.date(2026, 6, 30), dt.date(2026, 7, 31), dt.date(2026, 7, 15), TODAY):
        snapshots_take(local_authority_id=world.la.pk, taken_on=day, breakdowns=())
    series = snapshot_series(
        local_authority_id=world.la.pk,
        code="new_plans",
        period_kind=PeriodKind.YEAR_TO_DATE,
        months=6,
    )
    assert [(p.taken_on, p.numerator) for p in series] == [
        (dt.date(2026, 6, 30), 1),
        (dt.date(2026, 7, 31), 3),  # the last snapshot of July, not the 15th
        (TODAY, 3),
    ]
    board = snapshot_as_of(
        local_authority_id=world.la.pk,
        on=dt.date(2026, 7, 20),
        code="plans_issued_within_20_weeks_incl_exceptions",
        period_kind=PeriodKind.YEAR_TO_DATE,
    )
    assert [(p.taken_on, p.value, p.numerator, p.denominator) for p in board] == [
        (dt.date(2026, 7, 15), Decimal("100.0"), 1, 1)
    ]
    assert snapshot_as_of(local_authority_id=world.la.pk, on=dt.date(2026, 1, 1)) == []


def test_the_nightly_job_is_registered_at_three() -> None:
    schedules = {
        name: periodic.cron for (name, _), periodic in app.periodic_registry.periodic_tasks.items()
    }
    assert schedules["opensend.measures.tasks.nightly_indicator_snapshots"] == "0 3 * * *"
    assert "opensend.measures.tasks.nightly_indicator_snapshots" in app.tasks


def test_the_nightly_job_snapshots_every_area_with_casework(world: World) -> None:
    three_am = int(dt.datetime(2026, 11, 22, 3, tzinfo=dt.UTC).timestamp())
    result = tasks.nightly_indicator_snapshots(timestamp=three_am)
    areas = {area["local_authority_id"] for area in result["areas"]}
    assert areas == {world.la.pk, world.other_la.pk}
    assert IndicatorSnapshot.objects.filter(local_authority=world.la, taken_on=TODAY).exists()


def test_the_command_backfills_month_ends(world: World) -> None:
    call_command(
        "snapshot_indicators",
        "--date",
        "2026-11-22",
        "--backfill-months",
        "2",
        "--local-authority",
        str(world.la.pk),
        "--no-breakdowns",
    )
    days = set(IndicatorSnapshot.objects.values_list("taken_on", flat=True))
    assert days == {dt.date(2026, 9, 30), dt.date(2026, 10, 31), TODAY}
