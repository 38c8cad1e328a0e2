"""The backlog measures from casework records (issue 9, item 8), counted by hand.

The live world (tests/measures/live_world.py) on 31 December 2026 has one open request,
dan's (1 October 2026: 13 weeks, so over 6 and up to 16). Added here:

    old    request 2025-06-02, never decided: open 83 weeks, past 20 and past 52 weeks
    late   request 2026-06-01, assessed, no plan: open 30 weeks, past 20 weeks
    no     request 2026-03-02, refused assessment on 2026-04-06: not open
"""

import datetime as dt
from decimal import Decimal

import pytest

from opensend.measures.live import cases_behind, live_figures, period_for_year
from opensend.measures.live.figures import measure_rows
from opensend.statutory.indicators import BacklogRow
from tests import factories as f
from tests.measures.live_world import World, build_world

D = dt.date
Y2026 = period_for_year(2026)


@pytest.fixture
def world(db: None, today: dt.date) -> World:
    return build_world()


@pytest.fixture
def backlog(world: World) -> dict[str, object]:
    def request(received: dt.date):
        child = f.ChildFactory(local_authority=world.la)
        return f.case_with_request(child=child, caseworker=world.cara, received_on=received)

    old, late, refused = request(D(2025, 6, 2)), request(D(2026, 6, 1)), request(D(2026, 3, 2))
    f.panel_decide(late, met_on=D(2026, 7, 6))
    f.panel_decide(refused, met_on=D(2026, 4, 6), agreed=False)
    assert {case.local_authority_id for case in (old, late, refused)} == {world.la.pk}
    return {"old": old, "late": late, "refused": refused}


def figure(world: World, code: str) -> tuple[Decimal | None, int | None, int | None]:
    [found] = live_figures(local_authority_id=world.la.pk, period=Y2026, codes=[code])
    return found.value.value, found.value.numerator, found.value.denominator


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("open_requests", (Decimal(3), 3, None)),  # dan, old, late
        ("open_requests_past_20_weeks", (Decimal(2), 2, None)),  # old, late
        ("open_requests_past_52_weeks", (Decimal(1), 1, None)),  # old
        ("open_requests_aged_6_to_16_weeks", (Decimal("33.3"), 1, 3)),  # dan
        ("open_requests_aged_20_to_52_weeks", (Decimal("33.3"), 1, 3)),  # late
        ("open_requests_aged_over_52_weeks", (Decimal("33.3"), 1, 3)),  # old
        ("open_requests_aged_up_to_6_weeks", (Decimal("0.0"), 0, 3)),
        # the DfE figure beside them counts issued plans only: none took over 52 weeks
        ("plans_issued_over_52_weeks", (Decimal("0.0"), 0, 3)),
    ],
)
def test_backlog_figures_match_the_hand_count(world, backlog, code, expected) -> None:
    assert figure(world, code) == expected


def test_the_refused_request_ends_on_its_refusal(world, backlog) -> None:
    rows = measure_rows(local_authority_id=world.la.pk, period=Y2026, kinds=["backlog"])
    refused = [row for row in rows.backlog if row.ref == backlog["refused"].pk]
    assert refused == [BacklogRow(D(2026, 3, 2), None, D(2026, 4, 6), backlog["refused"].pk)]


def test_a_month_end_before_the_refusal_still_counts_it_open(world, backlog) -> None:
    march = measure_rows(
        local_authority_id=world.la.pk,
        period=period_for_year(2026),
        kinds=["backlog"],
        as_of=D(2026, 3, 31),
    )
    refused = [row for row in march.backlog if row.ref == backlog["refused"].pk]
    assert refused[0].ended_without_plan is None  # not yet known on 31 March


def test_each_backlog_figure_drills_down_to_its_cases(world, backlog) -> None:
    behind = cases_behind(
        user=world.sam,
        local_authority_id=world.la.pk,
        code="open_requests_past_20_weeks",
        period=Y2026,
    )
    assert [case.case_id for case in behind] == sorted([backlog["old"].pk, backlog["late"].pk])
