"""The board pack: progress since the previous meeting, every red item and every measure
behind its trajectory as an exception with its explanation, the measure with its chart and
table, the decisions and the action log (which joins the plan); HTML and a real PDF."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from opensend.measures.models import IndicatorSnapshot
from opensend.strategy.board import services
from opensend.strategy.board.pack import board_pack, board_pack_html, board_pack_pdf
from opensend.strategy.models import Action, ProgressUpdate, SuccessMeasure

CODE = "plans_issued_within_20_weeks_incl_exceptions"


@pytest.fixture
def meetings(strategy, sam):
    march = services.board_meeting_create(
        strategy=strategy, held_on=dt.date(2026, 3, 27), title="SEND Partnership Board", actor=sam
    )
    june = services.board_meeting_create(
        strategy=strategy, held_on=dt.date(2026, 6, 26), title="SEND Partnership Board", actor=sam
    )
    return march, june


def _update(action, on, status, narrative, sam):
    ProgressUpdate.objects.create(
        action=action, reported_on=on, reported_by=sam, status=status, narrative=narrative
    )


def _snapshot(strategy, taken_on, value):
    IndicatorSnapshot.objects.create(
        local_authority=strategy.local_authority, code=CODE, taken_on=taken_on,
        period_kind="last_12_months", period_start=taken_on - dt.timedelta(days=365),
        period_end=taken_on, breakdown="", group="", value=Decimal(value),
    )  # fmt: skip


@pytest.fixture
def plan(strategy, sam, meetings):
    hubs = Action.objects.create(strategy=strategy, title="Open two inclusion hubs")
    routes = Action.objects.create(strategy=strategy, title="Map post-16 routes")
    timely = Action.objects.create(strategy=strategy, title="Speed up assessments")
    _update(hubs, dt.date(2026, 2, 1), "on_track", "Sites found", sam)  # before March
    _update(hubs, dt.date(2026, 5, 2), "off_track", "The second site fell through", sam)
    _update(routes, dt.date(2026, 4, 9), "achieved", "Routes published", sam)
    _update(timely, dt.date(2026, 6, 1), "on_track", "New panel dates from May", sam)
    SuccessMeasure.objects.create(
        strategy=strategy, action=timely, title="EHC plans issued within 20 weeks",
        kind="indicator", indicator_code=CODE, baseline_value=Decimal("40.0"),
        baseline_date=dt.date(2025, 4, 1), target_value=Decimal("80.0"),
        target_date=dt.date(2027, 4, 1), direction="higher",
    )  # fmt: skip
    for taken_on, value in ((dt.date(2026, 4, 30), "41.0"), (dt.date(2026, 5, 31), "42.5")):
        _snapshot(strategy, taken_on, value)
    return hubs


def test_the_pack_holds_progress_exceptions_measures_decisions_and_the_action_log(
    strategy, sam, meetings, plan
):
    march, june = meetings
    services.board_decision_record(meeting=june, decision="Adopt the hubs recovery plan", actor=sam)
    entry = services.board_action_log(
        meeting=june, title="Report the hubs' new site", owner_name="D. Roy",
        due_date=dt.date(2026, 9, 30), priority=None, actor=sam,
    )  # fmt: skip
    assert entry.action.strategy == strategy and entry.action.due_date == dt.date(2026, 9, 30)
    pack = board_pack(june)
    assert pack.previous == march and pack.since == dt.date(2026, 3, 27)
    assert [u.action for u in pack.updates] == [
        "Map post-16 routes",
        "Open two inclusion hubs",
        "Speed up assessments",
    ]  # only since March
    # expected on 31 May 2026: 40 + 40 * 425 / 730 days = 63.3
    assert [(e.item, e.why, e.explanation) for e in pack.exceptions] == [
        ("Open two inclusion hubs", "Off track", "The second site fell through"),
        ("EHC plans issued within 20 weeks",
         "Behind trajectory: 42.5% against 63.3% expected", "New panel dates from May"),
    ]  # fmt: skip
    (measure,) = pack.measures
    assert (measure.course, measure.latest, measure.points) == (
        "Behind trajectory",
        "42.5%",
        (("Apr 26", "41.0%"), ("May 26", "42.5%")),
    )
    html = board_pack_html(pack, document=True)
    for text in ("Adopt the hubs recovery plan", "Report the hubs&#39; new site", "<svg",
                 "The second site fell through", "30 September 2026"):  # fmt: skip
        assert text in html
    assert board_pack_pdf(pack).startswith(b"%PDF")


def test_the_first_meeting_reports_progress_since_the_plan_began(strategy, meetings, plan):
    pack = board_pack(meetings[0])
    assert pack.previous is None and [u.action for u in pack.updates] == ["Open two inclusion hubs"]
    assert pack.exceptions == []  # on track then; no figures stored by March


def test_the_pack_pages_and_the_pdf(strategy, sam, aled, staff_client, meetings, plan):
    june = meetings[1]
    url = reverse("strategy_board:pack", args=[strategy.pk, june.pk])
    page = staff_client(aled).get(url).content.decode()  # a partner reads the pack
    assert "The second site fell through" in page and "Behind trajectory" in page
    pdf = staff_client(aled).get(reverse("strategy_board:pack_pdf", args=[strategy.pk, june.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    form_url = reverse("strategy_board:action_log_new", args=[strategy.pk, june.pk])
    posted = staff_client(sam).post(form_url, {
        "title": "Review transport", "owner_name": "B. Ode", "due_date-day": "1",
        "due_date-month": "10", "due_date-year": "2026", "priority": "",
    })  # fmt: skip
    assert posted.status_code == 302
    assert Action.objects.filter(title="Review transport", due_date=dt.date(2026, 10, 1)).exists()
