"""Annual reviews (CFA s44(1), Reg 20), amendments (Reg 22(3)) and phase transfer (Reg 18).

Running example: a review meeting on Fri 1 Mar 2024.
    report   + 2 weeks  = Fri 15 Mar 2024   Reg 20(7)
    decision + 4 weeks  = Fri 29 Mar 2024   Reg 20(10)
    cap      + 12 weeks = Fri 24 May 2024   Reg 22(3) with Devon (2022)
    next review + 12 calendar months = Sat 1 Mar 2025   CFA s44(1)
"""

from __future__ import annotations

import pytest

from opensend.statutory.clock import ClockEvent, Step

from .clock_helpers import clock, d, ev, named, only, rows

PLAN = ev("final_plan_issued", "2023-05-19")
MEETING = ev("review_meeting", "2024-03-01")


def test_transferred_in_plan_needs_no_request() -> None:
    # plan made Fri 19 May 2023 -> review within 12 months: 19 May 2024
    assert rows(clock([PLAN], "2024-05-20")) == [
        ("review_due", "2024-05-19", None, "overdue", "CFA s44(1)")
    ]


def test_review_due_from_29_february_is_28_february() -> None:
    result = clock([ev("final_plan_issued", "2024-02-29")], "2024-03-01")
    assert only(result, "review_due").due == d("2025-02-28")


def test_each_review_is_due_12_months_after_the_previous_one() -> None:
    events = [PLAN, MEETING, ev("review_meeting", "2025-03-03")]
    result = clock(events, "2025-03-03")
    assert [(s.due, s.done, s.status) for s in named(result, "review_due")] == [
        (d("2024-05-19"), d("2024-03-01"), "met"),
        (d("2025-03-01"), d("2025-03-03"), "late"),  # 1 Mar 2025 + 2 days
        (d("2026-03-03"), None, "open"),
    ]


MEETING_TABLE = [
    pytest.param(
        [],
        "2024-03-01",
        [
            ("review_report", "2024-03-15", None, "open", "Reg 20(7)"),
            ("review_decision", "2024-03-29", None, "open", "Reg 20(10)"),
        ],
        id="just-met",
    ),
    pytest.param(
        [],
        "2024-03-30",
        [
            ("review_report", "2024-03-15", None, "overdue", "Reg 20(7)"),
            ("review_decision", "2024-03-29", None, "overdue", "Reg 20(10)"),
        ],
        id="nothing-after-4-weeks",
    ),
    pytest.param(
        [
            ev("review_report_received", "2024-03-10"),
            ev("review_decision", "2024-03-20", outcome="maintain"),
        ],
        "2024-03-20",
        [
            ("review_report", "2024-03-15", "2024-03-10", "met", "Reg 20(7)"),
            ("review_decision", "2024-03-29", "2024-03-20", "met", "Reg 20(10)"),
        ],
        id="maintain-no-amended-plan",
    ),
    pytest.param(
        # No report event: the decision (20 Mar) is the evidence, after the 15 Mar limit.
        [ev("review_decision", "2024-03-20", outcome="maintain")],
        "2024-03-20",
        [
            ("review_report", "2024-03-15", "2024-03-20", "late", "Reg 20(7)"),
            ("review_decision", "2024-03-29", "2024-03-20", "met", "Reg 20(10)"),
        ],
        id="decision-stands-in-for-report",
    ),
    pytest.param(
        # amend (with the proposals) on Thu 14 Mar: + 8 weeks is before the 24 May cap
        [ev("review_decision", "2024-03-14", outcome="amend")],
        "2024-03-14",
        [
            ("review_report", "2024-03-15", "2024-03-14", "met", "Reg 20(7)"),
            ("review_decision", "2024-03-29", "2024-03-14", "met", "Reg 20(10)"),
            # 14 Mar + 56 days = 9 May 2024 (Mar 17 left -> 31 Mar, +30 Apr = 47, +9 May)
            ("amended_plan", "2024-05-09", None, "open", "Reg 22(3)"),
        ],
        id="amend-8-weeks-from-proposals",
    ),
    pytest.param(
        # a late decision on Sat 20 Apr: + 8 weeks = 15 Jun, but at most 12 weeks after
        # the meeting: 24 May
        [
            ev("review_decision", "2024-04-20", outcome="amend"),
            ev("amended_plan_issued", "2024-05-24"),
        ],
        "2024-05-24",
        [
            ("review_report", "2024-03-15", "2024-04-20", "late", "Reg 20(7)"),
            ("review_decision", "2024-03-29", "2024-04-20", "late", "Reg 20(10)"),
            ("amended_plan", "2024-05-24", "2024-05-24", "met", "Reg 22(3)"),
        ],
        id="amend-capped-at-12-weeks-after-meeting",
    ),
    pytest.param(
        # proposals sent 12 Mar before the decision letter on 20 Mar: 8 weeks from the
        # earlier, 12 Mar + 56 days = 7 May 2024; issued 8 May: late
        [
            ev("amendment_proposed", "2024-03-12"),
            ev("review_decision", "2024-03-20", outcome="amend"),
            ev("amended_plan_issued", "2024-05-08"),
        ],
        "2024-05-08",
        [
            ("review_report", "2024-03-15", "2024-03-20", "late", "Reg 20(7)"),
            ("review_decision", "2024-03-29", "2024-03-20", "met", "Reg 20(10)"),
            ("amended_plan", "2024-05-07", "2024-05-08", "late", "Reg 22(3)"),
        ],
        id="amendment-proposed-before-decision",
    ),
]


@pytest.mark.parametrize(("extra", "today", "expected"), MEETING_TABLE)
def test_after_a_review_meeting(
    extra: list[ClockEvent], today: str, expected: list[tuple[object, ...]]
) -> None:
    result = clock([MEETING, *extra], today)
    assert [row for row in rows(result) if row[0] != "review_due"] == expected


def test_cease_stops_the_review_cycle() -> None:
    events = [PLAN, MEETING, ev("review_decision", "2024-03-20", outcome="cease")]
    result = clock(events, "2025-06-01")
    assert [(s.due, s.status) for s in named(result, "review_due")] == [(d("2024-05-19"), "met")]
    assert named(result, "amended_plan") == []


def test_a_new_plan_after_ceasing_restarts_reviews() -> None:
    events = [
        PLAN,
        MEETING,
        ev("review_decision", "2024-03-20", outcome="cease"),
        ev("final_plan_issued", "2024-09-02"),
    ]
    result = clock(events, "2024-09-02")
    assert named(result, "review_due")[-1] == Step(
        "review_due", d("2025-09-02"), None, "open", "CFA s44(1)"
    )


def test_amendment_proposed_without_a_meeting_is_8_weeks() -> None:
    # proposed Mon 2 Sep 2024 + 56 days = Mon 28 Oct 2024
    events = [PLAN, ev("amendment_proposed", "2024-09-02")]
    assert only(clock(events, "2024-09-02"), "amended_plan") == Step(
        "amended_plan", d("2024-10-28"), None, "open", "Reg 22(3)"
    )


def test_decisions_belong_to_the_meeting_before_them() -> None:
    events = [
        MEETING,
        ev("review_meeting", "2025-02-28"),
        ev("review_decision", "2025-03-10", outcome="maintain"),
    ]
    result = clock(events, "2025-03-10")
    assert [(s.due, s.done) for s in named(result, "review_decision")] == [
        (d("2024-03-29"), None),
        (d("2025-03-28"), d("2025-03-10")),
    ]


# Phase transfer to a new school on 1 Sep 2026: plan amended by 15 Feb 2026 (Reg 18(1)(b));
# to post-16: by 31 Mar 2026 (Reg 18(1)(a)). Only plans issued within the 12 months
# before the transfer (from 1 Sep 2025) count.
PHASE_TABLE = [
    pytest.param("school", [], "2026-02-15", (None, "open"), id="open-on-deadline"),
    pytest.param("school", [], "2026-02-16", (None, "overdue"), id="overdue"),
    pytest.param(
        "school", ["2026-02-15"], "2026-02-16", ("2026-02-15", "met"), id="met-on-deadline"
    ),
    pytest.param("school", ["2026-02-16"], "2026-02-16", ("2026-02-16", "late"), id="late"),
    pytest.param("school", ["2025-08-31"], "2026-01-01", (None, "open"), id="too-early-to-count"),
    pytest.param(
        "school",
        ["2025-09-01", "2026-03-01"],
        "2026-03-01",
        ("2025-09-01", "met"),
        id="window-start",
    ),
    pytest.param(
        "post16", ["2026-03-31"], "2026-03-31", ("2026-03-31", "met"), id="post16-31-march"
    ),
]


@pytest.mark.parametrize(("kind", "amended", "today", "expected"), PHASE_TABLE)
def test_phase_transfer(
    kind: str, amended: list[str], today: str, expected: tuple[str | None, str]
) -> None:
    events = [
        ev("phase_transfer", "2025-06-01", transfer_date="2026-09-01", kind=kind),
        *(ev("amended_plan_issued", day) for day in amended),
    ]
    step = only(clock(events, today), "phase_transfer")
    deadline, rule = (
        ("2026-02-15", "Reg 18(1)(b)") if kind == "school" else ("2026-03-31", "Reg 18(1)(a)")
    )
    done, status = expected
    assert step == Step("phase_transfer", d(deadline), d(done) if done else None, status, rule)


def test_phase_transfer_done_by_a_final_plan() -> None:
    events = [
        ev("phase_transfer", "2025-06-01", transfer_date="2026-09-01", kind="school"),
        ev("final_plan_issued", "2026-01-20"),
    ]
    assert only(clock(events, "2026-01-20"), "phase_transfer").status == "met"


def test_same_phase_transfer_recorded_twice_is_one_step() -> None:
    transfer = ev("phase_transfer", "2025-06-01", transfer_date="2026-09-01", kind="school")
    again = ev("phase_transfer", "2025-07-01", transfer_date="2026-09-01", kind="school")
    assert len(named(clock([transfer, again], "2025-07-01"), "phase_transfer")) == 1
