"""Properties of the order of steps and of corrections, over generated case histories."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.statutory.clock import (
    ADVICE_SOURCES,
    ASSESSMENT_OUTCOMES,
    REVIEW_OUTCOMES,
    ClockEvent,
    compute_clock,
)
from opensend.statutory.clock.corrections import effective_history
from opensend.statutory.order import allowed_next, check_next, lawful_history, validate_history
from opensend.statutory.order.check import _probes
from opensend.statutory.order.history import process_order

FAST = settings(max_examples=60, deadline=None)
START = date(2022, 9, 1)
KINDS = (
    "request_received",
    "reassessment_request",
    "decision_to_assess",
    "advice_requested",
    "advice_received",
    "decision_not_to_issue",
    "draft_plan_issued",
    "comment_period_ended_early",
    "final_plan_issued",
    "review_meeting",
    "review_report_received",
    "review_decision",
    "amendment_proposed",
    "amended_plan_issued",
    "decision_notified",
    "mediation_certificate",
    "plan_ceased",
)


@st.composite
def _event(draw: st.DrawFn, day: date, event_id: int) -> ClockEvent:
    kind = draw(st.sampled_from(KINDS))
    fields: dict[str, str] = {}
    if kind == "decision_to_assess":
        fields["outcome"] = draw(st.sampled_from(ASSESSMENT_OUTCOMES))
    elif kind == "review_decision":
        fields["outcome"] = draw(st.sampled_from(REVIEW_OUTCOMES))
    elif kind in ("advice_requested", "advice_received"):
        fields["source"] = draw(st.sampled_from(ADVICE_SOURCES[:2]))
    return ClockEvent(kind, day, event_id=event_id, **fields)  # type: ignore[arg-type]


@st.composite
def appended_histories(draw: st.DrawFn) -> list[ClockEvent]:
    """Histories built as a service would: each proposed event kept only if allowed."""
    history: list[ClockEvent] = []
    day = START
    for event_id in range(draw(st.integers(min_value=1, max_value=40))):
        day += timedelta(days=draw(st.integers(min_value=0, max_value=20)))
        proposed = draw(_event(day, event_id))
        if check_next(history, proposed) is None:
            history.append(proposed)
    return history


@st.composite
def any_histories(draw: st.DrawFn) -> list[ClockEvent]:
    """Histories recorded without the rules (as before them), with some corrections."""
    days = st.integers(min_value=0, max_value=400)
    events = [
        draw(_event(START + timedelta(days=draw(days)), event_id))
        for event_id in range(draw(st.integers(min_value=0, max_value=25)))
    ]
    originals = list(events)
    for _ in range(draw(st.integers(min_value=0, max_value=3)) if originals else 0):
        target = draw(st.sampled_from(originals))
        on = target.date + timedelta(days=1)
        if draw(st.booleans()):
            events.append(ClockEvent("event_withdrawn", on, refers_to=target.event_id, reason="x"))
        else:
            moved = replace(target, date=target.date + timedelta(days=draw(st.integers(-5, 5))))
            events.append(
                ClockEvent("event_corrected", on, refers_to=target.event_id, reason="x",
                           corrected=replace(moved, event_id=None))
            )  # fmt: skip
    return events


@FAST
@given(appended_histories())
def test_a_history_built_only_from_allowed_events_validates_clean(
    history: list[ClockEvent],
) -> None:
    assert validate_history(history) == []
    assert lawful_history(history) == process_order(history)


@FAST
@given(appended_histories(), st.integers(min_value=0, max_value=60))
def test_allowed_next_offers_exactly_the_kinds_check_next_accepts(
    history: list[ClockEvent], later: int
) -> None:
    today = (history[-1].date if history else START) + timedelta(days=later)
    offered = allowed_next(history, today)
    for kind in KINDS:
        accepted = [p for p in _probes(kind, today) if check_next(history, p) is None]
        assert (kind in offered) == bool(accepted)
        for probe in accepted:
            assert validate_history([*history, probe]) == []


@FAST
@given(any_histories())
def test_effective_history_is_idempotent_and_has_no_corrections(events: list[ClockEvent]) -> None:
    once = effective_history(events)
    assert effective_history(once) == once
    assert not any(event.event in ("event_withdrawn", "event_corrected") for event in once)


@FAST
@given(any_histories())
def test_the_lawful_history_breaks_no_rule(events: list[ClockEvent]) -> None:
    lawful = lawful_history(events)
    assert validate_history(lawful) == []
    assert set(lawful) <= set(effective_history(events))


@FAST
@given(appended_histories(), st.data())
def test_withdrawing_then_adding_again_gives_the_original_clock(
    history: list[ClockEvent], data: st.DataObject
) -> None:
    if not history:
        return
    original = data.draw(st.sampled_from(history))
    today = max(event.date for event in history) + timedelta(days=30)
    withdrawn = ClockEvent("event_withdrawn", today, refers_to=original.event_id, reason="error")
    again = replace(original, event_id="again")
    expected = compute_clock(history, today=today)
    assert compute_clock([*history, withdrawn, again], today=today) == expected
    assert validate_history([*history, withdrawn, again]) == []
