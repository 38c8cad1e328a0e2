"""Live figures from casework records equal the figures counted by hand (live_world.py)."""

import datetime as dt
from decimal import Decimal

import pytest

from opensend.measures.live import (
    BREAKDOWNS,
    Figure,
    UnknownBreakdown,
    UnknownIndicator,
    last_12_months,
    live_figures,
    period_for_year,
    year_to_date,
)
from opensend.statutory.indicators import INDICATORS, IndicatorValue
from tests.measures.live_world import World, build_world

Y2026 = period_for_year(2026)


@pytest.fixture
def world(db: None, today: dt.date) -> World:
    return build_world()


def figures(world: World, **kwargs: object) -> dict[str, IndicatorValue]:
    found = live_figures(local_authority_id=world.la.pk, period=Y2026, **kwargs)  # type: ignore[arg-type]
    return {figure.code: figure.value for figure in found if figure.group is None}


def test_periods() -> None:
    assert (Y2026.start, Y2026.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    twelve = last_12_months(dt.date(2026, 11, 22))
    assert (twelve.start, twelve.end) == (dt.date(2025, 11, 23), dt.date(2026, 11, 22))
    assert year_to_date(dt.date(2026, 11, 22)).start == dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("code", "value", "numerator", "denominator"),
    [
        ("ehc_requests_received", "4", 4, None),
        ("new_plans", "3", 3, None),
        # amy on time; bea late; cal late but excused by the exception (left out)
        ("plans_issued_within_20_weeks_excl_exceptions", "50.0", 1, 2),
        ("plans_issued_within_20_weeks_incl_exceptions", "33.3", 1, 3),
        ("plans_issued_over_52_weeks", "0.0", 0, 3),
        ("plans_in_place", "3", 3, None),
        ("primary_need_asd", "33.3", 1, 3),
        ("primary_need_semh", "66.7", 2, 3),
        ("placements_mainstream", "33.3", 1, 3),
        ("placements_special", "66.7", 2, 3),
        ("placements_elsewhere", "0.0", 0, 3),
        ("placements_in_area", "33.3", 1, 3),
        ("placements_out_of_area", "66.7", 2, 3),
        # every request decided was agreed (the factories' panel says yes after 5 weeks)
        ("requests_decided_within_6_weeks", "100.0", 3, 3),
        ("requests_refused", "0.0", 0, 3),
        ("caseload_per_coordinator", "4.0", 4, 1),
        ("mediation_cases_registered", "0", 0, None),
    ],
)
def test_whole_area_figures_match_the_hand_count(
    world: World, code: str, value: str, numerator: int, denominator: int | None
) -> None:
    figure = figures(world, codes=[code])[code]
    assert (figure.value, figure.numerator, figure.denominator) == (
        Decimal(value),
        numerator,
        denominator,
    )


def test_every_indicator_is_computed_once_without_a_breakdown(world: World) -> None:
    found = live_figures(local_authority_id=world.la.pk, period=Y2026)
    assert [figure.code for figure in found] == list(INDICATORS)
    assert all(isinstance(figure, Figure) and figure.group is None for figure in found)


def test_another_areas_cases_never_count(world: World) -> None:
    other = live_figures(
        local_authority_id=world.other_la.pk, period=Y2026, codes=["new_plans", "plans_in_place"]
    )
    assert [figure.value.numerator for figure in other] == [1, 1]


def test_a_dispute_is_counted(world: World) -> None:
    from tests.factories import dispute

    dispute(world.bea, kind="tribunal", started_on=dt.date(2026, 8, 20))
    found = figures(world, codes=["tribunal_appeals_registered", "mediation_cases_registered"])
    assert found["tribunal_appeals_registered"].numerator == 1
    assert found["mediation_cases_registered"].numerator == 0


def test_as_of_sees_only_what_had_happened(world: World) -> None:
    found = live_figures(
        local_authority_id=world.la.pk,
        period=Y2026,
        codes=["new_plans", "ehc_requests_received"],
        as_of=dt.date(2026, 6, 30),
    )
    # by 30 June only amy's plan was issued; dan's request came in October
    by_code = {figure.code: figure.value.numerator for figure in found}
    assert by_code == {"new_plans": 1, "ehc_requests_received": 3}


@pytest.mark.parametrize("breakdown", list(BREAKDOWNS))
def test_breakdown_groups_sum_to_the_whole(world: World, breakdown: str) -> None:
    codes = [code for code, ind in INDICATORS.items() if ind.unit == "count"]
    found = live_figures(
        local_authority_id=world.la.pk, period=Y2026, breakdown=breakdown, codes=codes
    )
    for code in codes:
        whole = [f for f in found if f.code == code and f.group is None]
        groups = [f for f in found if f.code == code and f.group is not None]
        assert len(whole) == 1 and groups
        assert sum(f.value.numerator or 0 for f in groups) == whole[0].value.numerator, code


@pytest.mark.parametrize(
    ("breakdown", "group", "requests"),
    [
        ("sex", "Male", 2),
        ("sex", "Female", 2),
        # ages on 31 December 2026: dan 7, amy 11, bea 16, cal 17
        ("age", "Under 5", 0),
        ("age", "5 to 10", 1),
        ("age", "11 to 15", 1),
        ("age", "16 to 19", 2),
        ("age", "20 to 25", 0),
        ("primary_need", "Social, emotional and mental health", 2),
        ("primary_need", "Not recorded", 1),
        ("ethnicity", "White", 3),
        ("ethnicity", "Black, Black British, Caribbean or African", 1),
        ("setting", "State-funded special school", 2),
        ("locality", "Far Hill", 2),
        ("locality", "Brookside", 1),
    ],
)
def test_breakdown_groups_hold_the_right_children(
    world: World, breakdown: str, group: str, requests: int
) -> None:
    found = live_figures(
        local_authority_id=world.la.pk,
        period=Y2026,
        breakdown=breakdown,
        codes=["ehc_requests_received"],
    )
    by_group = {figure.group: figure.value.numerator for figure in found}
    assert by_group[group] == requests


def test_unknown_codes_and_breakdowns_are_refused(world: World) -> None:
    with pytest.raises(UnknownIndicator):
        live_figures(local_authority_id=world.la.pk, period=Y2026, codes=["no_such_code"])
    with pytest.raises(UnknownBreakdown):
        live_figures(local_authority_id=world.la.pk, period=Y2026, breakdown="shoe_size")


def test_a_reg_8_2_exception_takes_late_advice_out_of_the_excluding_figure(world: World) -> None:
    from opensend.people.models import AdviceService
    from tests import factories as f

    trust = f.NhsTrustFactory(local_authority=world.la)
    case = f.case_assessing(
        child=f.ChildFactory(local_authority=world.la),
        caseworker=world.cara,
        received_on=dt.date(2026, 3, 2),
        advice_from=[(AdviceService.HEALTH, trust)],
    )  # health advice asked on 7 April 2026, due 19 May, never received
    codes = ["advice_within_6_weeks", "advice_within_6_weeks_excl_exceptions"]
    before = figures(world, codes=codes)
    assert (
        before["advice_within_6_weeks"].numerator,
        before["advice_within_6_weeks"].denominator,
    ) == (0, 1)
    assert before["advice_within_6_weeks_excl_exceptions"].denominator == 1
    f.clock_exception(
        case, start=dt.date(2026, 4, 20), end=dt.date(2026, 4, 21), reason="missed_appointment"
    )
    after = figures(world, codes=codes)
    assert after["advice_within_6_weeks"].denominator == 1  # still counted here
    assert after["advice_within_6_weeks_excl_exceptions"].denominator == 0
    assert after["advice_within_6_weeks_excl_exceptions"].value is None
