"""The public page of a published plan (issue 12 item 6, ADR 0034): what it shows, what it
never shows, small-number suppression by the public measures' one rule, and 404 for
everything not published."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opensend.measures.models import IndicatorSnapshot, PeriodKind
from opensend.statutory.indicators import INDICATORS
from opensend.strategy import services
from opensend.strategy.models import BaselineSource, Direction, MeasureKind, StrategyStatus
from opensend.strategy.publication.presenters import Figure, shown_figure, typed_figure
from opensend.strategy.publication.services import strategy_unpublish
from tests.strategy.plan_world import northshire_plan, plan_world
from tests.strategy.public_world import co_production, published

COUNT = INDICATORS["new_plans"]
PERCENT = INDICATORS["plans_issued_within_20_weeks_incl_exceptions"]
WEEKS = INDICATORS["average_weeks_to_issue"]
HIDDEN = Figure("c", True)


@pytest.mark.parametrize(
    ("indicator", "value", "numerator", "denominator", "expected"),
    [
        (COUNT, "5", 5, None, HIDDEN),  # just below the smallest shown count
        (COUNT, "6", 6, None, Figure("6", False)),  # at it
        (COUNT, "7", 7, None, Figure("7", False)),  # above it
        (COUNT, "0", 0, None, Figure("0", False)),  # nobody: discloses no one
        (PERCENT, "83.3", 5, 6, HIDDEN),  # a numerator below
        (PERCENT, "100", 6, 6, Figure("100.0%", False)),  # both at
        (PERCENT, "60", 3, 5, HIDDEN),  # a small denominator
        (PERCENT, "42.9", 6, 14, Figure("42.9%", False)),
        (WEEKS, "19.5", None, 5, HIDDEN),  # an average over five plans
        (WEEKS, "19.5", None, 6, Figure("19.5 weeks", False)),
        (None, "50", 50, 100, HIDDEN),  # an unknown indicator: hidden, not guessed
    ],
)
def test_a_stored_figure_is_shown_as_the_public_measures_show_it(
    indicator, value, numerator, denominator, expected
):
    assert shown_figure(indicator, Decimal(value), numerator, denominator) == expected


@pytest.mark.parametrize(
    ("indicator", "value", "expected"),
    [
        (COUNT, "5", HIDDEN),  # a target of 5 new plans counts five children
        (COUNT, "6", Figure("6", False)),
        (COUNT, "7", Figure("7", False)),
        (PERCENT, "80", Figure("80.0%", False)),  # a typed percentage carries no counts
    ],
)
def test_a_typed_baseline_or_target_is_suppressed_by_the_same_rule(indicator, value, expected):
    assert typed_figure(indicator, Decimal(value)) == expected


@pytest.fixture
def plan(today, area, sam, cara):
    world = northshire_plan(area, sam, cara)
    world.overdue.milestones.create(title="Draft shared", due_date=dt.date(2026, 9, 1))
    co_production(world.strategy, sam)  # the forum and a youth panel, about the whole plan
    co_production(
        world.strategy, sam, who=["practitioners"], happened_on=dt.date(2026, 5, 2),
        activity="A SENCO forum on the review paperwork", what_changed="Shorter forms",
        priority=world.strategy.priorities.get(order=2),
    )  # fmt: skip
    published(world.strategy, sam)
    return world


def _public(client: Client, strategy) -> str:
    url = reverse("public_strategy:strategy", args=(strategy.local_authority_id, strategy.pk))
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def test_anyone_reads_a_published_plan_without_signing_in(plan, client, area):
    page = _public(client, plan.strategy)
    assert "Every child's needs met early, close to home." in page
    assert "Priority 1: Timely, good quality plans" in page
    assert "When we get this right" in page and "Families wait less" in page
    assert "Weekly multi-agency panel for new requests" in page
    assert 'Led by</dt><dd class="govuk-summary-list__value">Northshire County Council' in page
    assert area.health.name in page  # the partner organisation
    assert "Draft shared: due 1 September 2026" in page
    assert "Spring 2026" in page  # a timescale in the plan's words
    assert "Needs attention</strong> 2 actions" in page  # the same glance as staff see
    # success measures: the latest figure against baseline and target, and the course
    assert "45.0%</span>, 28 October 2026" in page  # the latest snapshot up to today
    assert "40.0%</span>, 1 January 2026" in page and "80.0%</span> by 1 January 2027" in page
    assert "Behind trajectory" in page and "On course" in page
    # co-production: who, when, what changed
    assert "The parent carer forum, Children and young people" in page
    assert "The panel now meets weekly, as families asked" in page
    assert "About:</strong> Reviews that change things" in page


def test_the_public_page_names_no_person_and_no_working_notes(plan, client):
    page = _public(client, plan.strategy)
    for private in (
        "Sam Shah",  # an action owner's name, and the lead who confirmed
        "Cara",  # an owner's account
        "Aled",
        "sam.shah@northshire.example",
        "Panel meets every Tuesday.",  # a progress narrative
        "The SEND Partnership Board meets every two months.",  # governance notes
        "SEN2 2025",  # a typed baseline's source note
    ):
        assert private not in page, private


def test_the_area_lists_only_its_published_plans(plan, client, area, sam):
    draft = services.strategy_create(
        actor=sam, local_authority=area.northshire, title="A draft not yet agreed",
        kind="strategy", period_start=dt.date(2027, 1, 1), period_end=dt.date(2029, 12, 31),
    )  # fmt: skip
    co_production(draft, sam)
    response = client.get(reverse("public_strategy:strategies", args=(area.northshire.pk,)))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Northshire SEND Partnership Plan 2026 to 2029" in page
    assert "A draft not yet agreed" not in page


def test_nothing_unpublished_is_public(plan, client, area, sam, nadia):
    strategy = plan.strategy
    url = reverse("public_strategy:strategy", args=(area.northshire.pk, strategy.pk))
    assert client.get(url).status_code == 200
    # under another area's address, or an address that is no area: 404
    for area_id in (area.southshire.pk, area.health.pk, 99_999_999):
        other = reverse("public_strategy:strategy", args=(area_id, strategy.pk))
        assert client.get(other).status_code == 404, area_id
    # unpublished: 404 at once
    strategy_unpublish(strategy=strategy, actor=sam, now=timezone.now())
    assert client.get(url).status_code == 404
    # published again, then closed or back to draft: 404 at once, and adopted again it
    # stays down until a lead confirms the evidence again
    for status in (StrategyStatus.CLOSED, StrategyStatus.DRAFT):
        published(strategy, sam)
        assert client.get(url).status_code == 200
        services.strategy_update(strategy=strategy, status=status)
        assert client.get(url).status_code == 404, status
        services.strategy_update(strategy=strategy, status=StrategyStatus.ADOPTED)
        assert client.get(url).status_code == 404, status
    lapsed = strategy.publications.order_by("pk").last()
    assert lapsed.withdrawn_at is not None and lapsed.withdrawn_by is None
    # another area's adopted plan that was never published: 404
    southshire = plan_world(la=area.southshire, lead=nadia).strategy
    never = reverse("public_strategy:strategy", args=(area.southshire.pk, southshire.pk))
    assert client.get(never).status_code == 404


def _snapshot(la, code: str, day: dt.date, value: str, numerator: int, denominator: int | None):
    IndicatorSnapshot.objects.create(
        local_authority=la, code=code, period_kind=PeriodKind.LAST_12_MONTHS,
        period_start=day.replace(year=day.year - 1) + dt.timedelta(days=1), period_end=day,
        value=Decimal(value), numerator=numerator, denominator=denominator, taken_on=day,
    )  # fmt: skip


def test_a_suppressed_figure_never_reaches_the_page(today, area, sam, client):
    """A small group's percentage (2 of 3) and a count of 4: `c` on the page, and neither
    number, nor the counts they were made from, anywhere in the HTML."""
    world = plan_world(la=area.northshire, lead=sam)
    la, action = area.northshire, world.timely
    code = "advice_within_6_weeks_psychology"
    _snapshot(la, code, dt.date(2026, 2, 28), "71.4", 5, 7)  # baseline: 5 of 7
    _snapshot(la, code, dt.date(2026, 10, 31), "66.7", 2, 3)  # latest: 2 of 3
    _snapshot(la, "plans_ceased_deceased", dt.date(2026, 10, 31), "4", 4, None)
    services.measure_create(
        strategy=world.strategy, action=action, priority=None, title="Psychology advice on time",
        kind=MeasureKind.INDICATOR, indicator_code=code,
        baseline_source=BaselineSource.SNAPSHOT, baseline_date=dt.date(2026, 3, 1),
        target_value=Decimal("90.5"), target_date=dt.date(2027, 6, 1),
        direction=Direction.HIGHER_IS_BETTER,
    )  # fmt: skip
    services.measure_create(
        strategy=world.strategy, action=action, priority=None, title="Fewer plans ceased",
        kind=MeasureKind.INDICATOR, indicator_code="plans_ceased_deceased",
        baseline_source=BaselineSource.TYPED, baseline_value=Decimal(3),
        baseline_date=dt.date(2026, 1, 1), target_value=Decimal(2),
        target_date=dt.date(2027, 6, 1), direction=Direction.LOWER_IS_BETTER,
    )  # fmt: skip
    published(world.strategy, sam)
    page = _public(client, world.strategy)
    psychology = page.split("Psychology advice on time")[1].split("Fewer plans ceased")[0]
    ceased = page.split("Fewer plans ceased")[1].split("</dl>")[0]
    for shown in (psychology, ceased):
        assert shown.count('<span class="strategy-figure">c</span>') >= 2, shown
    assert "90.5%" in psychology  # a typed percentage target carries no counts: shown
    assert psychology.count('<span class="strategy-figure">c</span>') == 2
    assert ceased.count('<span class="strategy-figure">c</span>') == 3  # latest, baseline, target
    for number in ("66.7", "71.4", "2 of 3", "5 of 7"):
        assert number not in page, number
    assert '<span class="strategy-figure">4</span>' not in page
    assert '<span class="strategy-figure">3</span>' not in page
    assert '<span class="strategy-figure">2</span>' not in page
