"""Annual reviews, amendments after a review, and phase transfers.

None of these limits has a statutory exception, so none of these steps is ever "excused".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from opensend.statutory.clock.history import dates_of, first_on_or_after, in_period, with_next
from opensend.statutory.clock.model import ClockEvent, Step
from opensend.statutory.clock.steps import duty_step
from opensend.statutory.dates import add_calendar_months, add_weeks

__all__ = ["amendment_steps", "phase_transfer_steps", "review_due_steps", "review_meeting_steps"]

REVIEW_MONTHS: Final = 12  # CFA s44(1)
REPORT_WEEKS: Final = 2  # Reg 20(7)
DECISION_WEEKS: Final = 4  # Reg 20(10)
AMENDED_PLAN_WEEKS: Final = 8  # Reg 22(3): after sending the proposed amendments
AMENDED_PLAN_WEEKS_AFTER_MEETING: Final = 12  # Reg 20(10) 4 weeks + Reg 22(3) 8 weeks (Devon)
PHASE_TRANSFER_DEADLINES: Final = {
    "school": ((2, 15), "Reg 18(1)(b)"),  # by 15 February of the calendar year of transfer
    "post16": ((3, 31), "Reg 18(1)(a)"),  # secondary to post-16: by 31 March
}
PHASE_TRANSFER_LOOKBACK_MONTHS: Final = 12  # Reg 18(1): "within 12 months of a transfer"


def review_due_steps(events: Sequence[ClockEvent], today: date) -> list[Step]:
    """CFA s44(1): review within 12 months of the plan being made, then of each review.

    One step per plan or review meeting; the next plan or meeting completes it. There is
    no open step after the last meeting when the LA decided there to cease the plan, nor
    after the plan ceased.
    """
    anchors = sorted(set(dates_of(events, "final_plan_issued", "review_meeting")))
    return [
        duty_step(
            "review_due",
            rule="CFA s44(1)",
            due=add_calendar_months(anchor, REVIEW_MONTHS),
            done=following,
            today=today,
        )
        for anchor, following in with_next(anchors)
        if following is not None or not _ceasing_since(events, anchor)
    ]


def _ceasing_since(events: Sequence[ClockEvent], day: date) -> bool:
    # A decision to cease at a review, or the plan ceased (CFA s45): no further review.
    ceasing = [
        *dates_of(events, "review_decision", outcome="cease"),
        *dates_of(events, "plan_ceased"),
    ]
    return bool(in_period(ceasing, day))


def review_meeting_steps(events: Sequence[ClockEvent], today: date) -> list[Step]:
    """The report, decision and amended plan that follow each review meeting."""
    meetings = sorted(set(dates_of(events, "review_meeting")))
    steps: list[Step] = []
    for meeting, next_meeting in with_next(meetings):
        steps.extend(_after_meeting(meeting, next_meeting, events, today))
    return steps


def _decision_after(
    meeting: date, before: date | None, events: Sequence[ClockEvent]
) -> ClockEvent | None:
    decisions = [
        event
        for event in events
        if event.event == "review_decision"
        and event.date >= meeting
        and (before is None or event.date < before)
    ]
    return decisions[0] if decisions else None


def _after_meeting(
    meeting: date, before: date | None, events: Sequence[ClockEvent], today: date
) -> list[Step]:
    decision = _decision_after(meeting, before, events)
    decided = decision.date if decision is not None else None
    # Reg 20(7): the report of the meeting within 2 weeks. Without a review_report_received
    # event, the LA's decision is the evidence the report was in hand (done = its date).
    report = first_on_or_after(dates_of(events, "review_report_received"), meeting, before)
    steps = [
        duty_step(
            "review_report",
            rule="Reg 20(7)",
            due=add_weeks(meeting, REPORT_WEEKS),
            done=report or decided,
            today=today,
        ),
        # Reg 20(10): the decision to maintain, amend or cease within 4 weeks of the meeting.
        duty_step(
            "review_decision",
            rule="Reg 20(10)",
            due=add_weeks(meeting, DECISION_WEEKS),
            done=decided,
            today=today,
        ),
    ]
    amend_decision = decided if decision is not None and decision.outcome == "amend" else None
    amended = _amended_plan(meeting, before, amend_decision, events, today)
    return steps if amended is None else [*steps, amended]


def _amended_plan(
    meeting: date,
    before: date | None,
    amend_decision: date | None,
    events: Sequence[ClockEvent],
    today: date,
) -> Step | None:
    # Reg 22(3): the final amended plan within 8 weeks of sending the proposed amendments.
    # Devon (2022): the proposals go with the decision (Reg 20(10)), so at most 12 weeks
    # after the meeting. The proposals were sent on the earlier of an amendment_proposed
    # event and an "amend" decision.
    proposals = in_period(dates_of(events, "amendment_proposed"), meeting, before)
    sent = min([*proposals, *([amend_decision] if amend_decision else [])], default=None)
    if sent is None:
        return None
    due = min(
        add_weeks(sent, AMENDED_PLAN_WEEKS), add_weeks(meeting, AMENDED_PLAN_WEEKS_AFTER_MEETING)
    )
    done = first_on_or_after(dates_of(events, "amended_plan_issued"), sent, before)
    return duty_step("amended_plan", rule="Reg 22(3)", due=due, done=done, today=today)


def amendment_steps(events: Sequence[ClockEvent], today: date) -> list[Step]:
    """Amendments proposed before any review meeting is recorded (e.g. a plan transferred
    in): 8 weeks from each proposal (Reg 22(3)); there is no meeting to cap it."""
    meetings = dates_of(events, "review_meeting")
    first_meeting = meetings[0] if meetings else None
    proposals = sorted(set(dates_of(events, "amendment_proposed")))
    proposals = [day for day in proposals if first_meeting is None or day < first_meeting]
    issued = dates_of(events, "amended_plan_issued")
    steps: list[Step] = []
    for sent, next_sent in with_next(proposals):
        before = next_sent or first_meeting
        due = add_weeks(sent, AMENDED_PLAN_WEEKS)
        done = first_on_or_after(issued, sent, before)
        steps.append(duty_step("amended_plan", rule="Reg 22(3)", due=due, done=done, today=today))
    return steps


def phase_transfer_steps(events: Sequence[ClockEvent], today: date) -> list[Step]:
    """Reg 18(1): the plan reviewed and amended to name the new setting by 15 February
    (31 March for secondary school to post-16) of the calendar year of the transfer.

    Done by the first amended or final plan issued within the 12 months before the
    transfer date (Reg 18(1) applies "within 12 months of a transfer").
    """
    transfers = sorted({(e.transfer_date, e.kind) for e in events if e.event == "phase_transfer"})
    plans = dates_of(events, "amended_plan_issued", "final_plan_issued")
    steps: list[Step] = []
    for transfer_date, kind in transfers:
        if transfer_date is None or kind is None:
            continue  # validation rejects these; kept for the type checker
        (month, day), rule = PHASE_TRANSFER_DEADLINES[kind]
        due = date(transfer_date.year, month, day)
        done = first_on_or_after(
            plans, add_calendar_months(transfer_date, -PHASE_TRANSFER_LOOKBACK_MONTHS)
        )
        steps.append(duty_step("phase_transfer", rule=rule, due=due, done=done, today=today))
    return steps
