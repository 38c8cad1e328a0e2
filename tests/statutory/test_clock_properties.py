"""Properties of the clock that must hold for every plausible case history."""

from __future__ import annotations

import calendar
import dataclasses
import io
import json
import random
from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory import order
from opensend.statutory.cli import main
from opensend.statutory.clock import (
    ADVICE_SOURCES,
    ASSESSMENT_OUTCOMES,
    EXCEPTION_REASONS,
    REVIEW_OUTCOMES,
    STATUSES,
    ClockError,
    ClockEvent,
    ClockResult,
    compute_clock,
)
from opensend.statutory.clock.json_format import request_from_json, result_to_json

FAST = settings(max_examples=200, deadline=None)
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


def _on(start: date, offset: int) -> date:
    return start + timedelta(days=offset)


@st.composite
def _assessment(draw: st.DrawFn, request: date) -> list[ClockEvent]:
    events = [ClockEvent("request_received", request)]
    offset = st.integers(min_value=0, max_value=300)
    if draw(st.booleans()):
        outcome = draw(st.sampled_from(ASSESSMENT_OUTCOMES))
        events.append(ClockEvent("decision_to_assess", _on(request, draw(offset)), outcome=outcome))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        source = draw(st.sampled_from(ADVICE_SOURCES))
        asked = _on(request, draw(offset))
        events.append(ClockEvent("advice_requested", asked, source=source))
        delay = draw(st.none() | st.integers(min_value=0, max_value=90))
        if delay is not None:
            events.append(ClockEvent("advice_received", _on(asked, delay), source=source))
    for kind in ("decision_not_to_issue", "draft_plan_issued", "final_plan_issued"):
        if draw(st.booleans()):
            events.append(ClockEvent(kind, _on(request, draw(offset))))
    return events


@st.composite
def _exception(draw: st.DrawFn, around: date) -> ClockEvent:
    start = _on(around, draw(st.integers(min_value=-60, max_value=300)))
    reason = draw(st.sampled_from(EXCEPTION_REASONS))
    end = _on(start, draw(st.integers(min_value=0, max_value=60)))
    return ClockEvent("exception", start, reason=reason, start=start, end=end)


@st.composite
def _reviews(draw: st.DrawFn, after: date) -> list[ClockEvent]:
    events: list[ClockEvent] = []
    meeting = after
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        meeting = _on(meeting, draw(st.integers(min_value=1, max_value=450)))
        events.append(ClockEvent("review_meeting", meeting))
        later = st.integers(min_value=0, max_value=120)
        if draw(st.booleans()):
            outcome = draw(st.sampled_from(REVIEW_OUTCOMES))
            events.append(ClockEvent("review_decision", _on(meeting, draw(later)), outcome=outcome))
        for kind in ("review_report_received", "amendment_proposed", "amended_plan_issued"):
            if draw(st.booleans()):
                events.append(ClockEvent(kind, _on(meeting, draw(later))))
    return events


@st.composite
def _disputes(draw: st.DrawFn, after: date) -> list[ClockEvent]:
    events: list[ClockEvent] = []
    if draw(st.booleans()):
        decided = _on(after, draw(st.integers(min_value=0, max_value=400)))
        events.append(ClockEvent("decision_notified", decided))
        if draw(st.booleans()):
            certified = _on(decided, draw(st.integers(min_value=0, max_value=90)))
            events.append(ClockEvent("mediation_certificate", certified))
    if draw(st.booleans()):
        transfer = draw(DAYS)
        kind = draw(st.sampled_from(("school", "post16")))
        events.append(ClockEvent("phase_transfer", after, transfer_date=transfer, kind=kind))
    return events


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[ClockEvent], date]:
    """A valid history and a ``today`` on or after every event in it."""
    request = draw(DAYS)
    events = draw(_assessment(request))
    events += draw(st.lists(_exception(request), max_size=3))
    events += draw(_reviews(request))
    events += draw(_disputes(request))
    today = _on(max(event.date for event in events), draw(st.integers(0, 500)))
    return events, today


def _signature(result: ClockResult) -> list[tuple[str, date, date, str]]:
    """The steps without their statuses."""
    return sorted((s.step, s.due, s.done or date.min, s.rule) for s in result.steps)


@FAST
@given(histories())
def test_statuses_are_allowed_and_agree_with_the_dates(
    history: tuple[list[ClockEvent], date],
) -> None:
    events, today = history
    for step in compute_clock(events, today=today).steps:
        assert step.status in STATUSES
        if step.done is not None and step.done <= step.due:
            assert step.status == "met"  # done on or before the due date is never late
        if step.status in ("met", "late"):
            assert step.done is not None and (step.done <= step.due) is (step.status == "met")
        if step.status in ("open", "overdue"):
            assert step.done is None and (today <= step.due) is (step.status == "open")
        if step.status == "excused":
            assert (step.done or today) > step.due


@FAST
@given(histories(), st.randoms(use_true_random=False))
def test_the_order_of_events_does_not_matter(
    history: tuple[list[ClockEvent], date], rnd: random.Random
) -> None:
    events, today = history
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert compute_clock(shuffled, today=today) == compute_clock(events, today=today)


@FAST
@given(histories(), st.data())
def test_an_exception_never_moves_a_due_date(
    history: tuple[list[ClockEvent], date], data: st.DataObject
) -> None:
    events, today = history
    extra = data.draw(_exception(events[0].date))
    before = compute_clock(events, today=today)
    after = compute_clock([*events, dataclasses.replace(extra, date=today)], today=today)
    assert _signature(after) == _signature(before)
    for old, new in zip(before.steps, after.steps, strict=True):
        assert new.status == old.status or (
            old.status in ("late", "overdue") and new.status == "excused"
        )


@FAST
@given(histories(), st.sampled_from(ADVICE_SOURCES))
def test_a_new_advice_request_adds_one_step_and_changes_no_other_due_date(
    history: tuple[list[ClockEvent], date], source: str
) -> None:
    events, today = history
    before = compute_clock(events, today=today)
    after = compute_clock(
        [*events, ClockEvent("advice_requested", today, source=source)], today=today
    )
    new = Counter(_keys(after)) - Counter(_keys(before))
    assert new == Counter({(f"advice:{source}", today + timedelta(weeks=6), None, "Reg 8(1)"): 1})
    assert len(after.steps) == len(before.steps) + 1


def _keys(result: ClockResult) -> list[tuple[str, date, date | None, str]]:
    return [(s.step, s.due, s.done, s.rule) for s in result.steps]


@FAST
@given(histories())
def test_week20_is_20_weeks_from_the_request(history: tuple[list[ClockEvent], date]) -> None:
    events, today = history
    week20 = compute_clock(events, today=today).week20
    assert week20.due == events[0].date + timedelta(days=140)
    assert (week20.within_20_weeks is None) is (week20.issued is None)


@FAST
@given(histories(), DAYS)
def test_the_cli_gives_the_same_answer_as_the_library(
    history: tuple[list[ClockEvent], date], born: date
) -> None:
    events, today = history
    dob = min(born, today)
    document = {
        "today": today.isoformat(),
        "child": {"date_of_birth": dob.isoformat()},
        "events": [_event_json(event) for event in events],
    }
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["clock"], stdin=io.StringIO(json.dumps(document)), stdout=stdout, stderr=stderr)
    expected = result_to_json(compute_clock(events, today=today, date_of_birth=dob))
    refusals = order.validate_history(events)
    if refusals:
        # A history the order of steps forbids is refused, naming the first rule broken.
        assert code == 2
        assert f"rule {refusals[0].rule} ({refusals[0].source})" in stderr.getvalue()
        assert stdout.getvalue() == ""
    else:
        assert code == 0
        assert json.loads(stdout.getvalue()) == expected


def _event_json(event: ClockEvent) -> dict[str, str]:
    """The JSON form of an event: dates as text, ``source`` under the key "from"."""
    document: dict[str, str] = {}
    for field in dataclasses.fields(event):
        value = getattr(event, field.name)
        if value is not None:
            key = "from" if field.name == "source" else field.name
            document[key] = value.isoformat() if isinstance(value, date) else value
    return document


@FAST
@given(st.integers(min_value=1904, max_value=2196).filter(calendar.isleap))
def test_a_plan_made_on_29_february_is_reviewed_by_28_february(year: int) -> None:
    made = date(year, 2, 29)
    result = compute_clock([ClockEvent("final_plan_issued", made)], today=made)
    assert [s.due for s in result.steps] == [date(year + 1, 2, 28)]


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "2023-01-02",
            "2023-02-30",
            "2024-02-29",
            "request_received",
            "exception",
            "assess",
            "health",
        ]
    )
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["event", "date", "outcome", "from", "reason", "start", "end", "transfer_date", "kind"]
)
FUZZ_EVENTS = st.lists(st.dictionaries(KEYS, JSON_SCALARS, max_size=6), max_size=6)


@FAST
@given(JSON_VALUES | st.fixed_dictionaries({"today": JSON_SCALARS, "events": FUZZ_EVENTS}))
def test_any_json_input_gives_a_result_or_a_clock_error(document: object) -> None:
    try:
        request = request_from_json(document)
        compute_clock(request.events, today=request.today, date_of_birth=request.date_of_birth)
    except ClockError:
        pass
