"""The EHC needs assessment clock: Reg 5(1), 8(1), 10(1), 13(1), 13(2), 25(1), 27(2).

Dates are worked by hand in the comments. The running example is a request received on
Monday 2 January 2023:
    + 6 weeks  (42 days)  = Mon 13 Feb 2023   decision whether to assess, Reg 5(1)
    + 16 weeks (112 days) = Mon 24 Apr 2023   decision not to issue, Reg 10(1)
    + 20 weeks (140 days) = Mon 22 May 2023   final plan, Reg 13(2)
"""

from __future__ import annotations

import pytest

from opensend.statutory.clock import ClockEvent, Step, Week20, advice_due

from .clock_helpers import clock, d, ev, named, only, rows

REQUEST = ev("request_received", "2023-01-02")
ASSESS = ev("decision_to_assess", "2023-02-10", outcome="assess")
NOT_ASSESS = ev("decision_to_assess", "2023-02-10", outcome="not_assess")

DECISION_OPEN = ("decision_to_assess", "2023-02-13", None, "open", "Reg 5(1)")
DECISION_MET = ("decision_to_assess", "2023-02-13", "2023-02-10", "met", "Reg 5(1)")
FINAL_OPEN = ("final_plan", "2023-05-22", None, "open", "Reg 13(2)")
NOT_TO_ISSUE_OPEN = ("decision_not_to_issue", "2023-04-24", None, "open", "Reg 10(1)")


ASSESSMENT_TABLE = [
    pytest.param([REQUEST], "2023-01-02", [DECISION_OPEN, FINAL_OPEN], id="request-only"),
    pytest.param(
        [REQUEST],
        "2023-02-13",  # on the due day the decision is still open
        [DECISION_OPEN, FINAL_OPEN],
        id="due-day-is-still-open",
    ),
    pytest.param(
        [REQUEST],
        "2023-02-14",  # the day after the due day, nothing decided
        [("decision_to_assess", "2023-02-13", None, "overdue", "Reg 5(1)"), FINAL_OPEN],
        id="decision-overdue",
    ),
    pytest.param(
        [REQUEST, ev("decision_to_assess", "2023-02-13", outcome="assess")],
        "2023-02-13",  # decided on the due day: met; now deciding whether to issue
        [
            ("decision_to_assess", "2023-02-13", "2023-02-13", "met", "Reg 5(1)"),
            NOT_TO_ISSUE_OPEN,
            FINAL_OPEN,
        ],
        id="decided-on-the-due-day",
    ),
    pytest.param(
        [REQUEST, ev("decision_to_assess", "2023-02-14", outcome="assess")],
        "2023-02-14",
        [
            ("decision_to_assess", "2023-02-13", "2023-02-14", "late", "Reg 5(1)"),
            NOT_TO_ISSUE_OPEN,
            FINAL_OPEN,
        ],
        id="decided-a-day-late",
    ),
    pytest.param(
        [REQUEST, NOT_ASSESS],
        "2023-02-10",  # refusal: no plan steps; appeal windows 10 Feb + 2 months = 10 Apr
        [
            DECISION_MET,
            ("mediation_contact", "2023-04-10", None, "open", "Reg 33"),
            ("tribunal_appeal", "2023-04-10", None, "open", "HESC Rules 2008 r20(1)(c)"),
        ],
        id="not-assess",
    ),
    pytest.param(
        [REQUEST, ASSESS],
        "2023-04-25",  # assessing, no draft and no decision by Mon 24 Apr
        [
            DECISION_MET,
            ("decision_not_to_issue", "2023-04-24", None, "overdue", "Reg 10(1)"),
            ("final_plan", "2023-05-22", None, "open", "Reg 13(2)"),
        ],
        id="decision-not-to-issue-overdue",
    ),
    pytest.param(
        [REQUEST, ASSESS, ev("decision_not_to_issue", "2023-04-24")],
        "2023-04-24",  # decided not to issue on week 16: met; no final plan; appealable
        [
            DECISION_MET,
            ("decision_not_to_issue", "2023-04-24", "2023-04-24", "met", "Reg 10(1)"),
            ("mediation_contact", "2023-06-24", None, "open", "Reg 33"),
            ("tribunal_appeal", "2023-06-24", None, "open", "HESC Rules 2008 r20(1)(c)"),
        ],
        id="decision-not-to-issue",
    ),
    pytest.param(
        [REQUEST, ASSESS, ev("draft_plan_issued", "2023-04-20")],
        "2023-04-21",  # a draft means the LA will issue: the Reg 10 step goes.
        # Comments: 15 days beginning Thu 20 Apr -> day 15 is Thu 4 May 2023.
        [
            DECISION_MET,
            ("draft_comments_close", "2023-05-04", None, "open", "Reg 13(1)"),
            FINAL_OPEN,
        ],
        id="draft-issued",
    ),
    pytest.param(
        [REQUEST, ASSESS, ev("draft_plan_issued", "2023-04-20")],
        "2023-05-05",  # the comment window has closed
        [
            DECISION_MET,
            ("draft_comments_close", "2023-05-04", "2023-05-04", "met", "Reg 13(1)"),
            FINAL_OPEN,
        ],
        id="comment-window-closed",
    ),
    pytest.param(
        [
            REQUEST,
            ASSESS,
            ev("draft_plan_issued", "2023-04-20"),
            ev("final_plan_issued", "2023-05-01"),
        ],
        "2023-05-01",  # finalised inside the window (the family replied early): done < due
        [
            DECISION_MET,
            ("draft_comments_close", "2023-05-04", "2023-05-01", "met", "Reg 13(1)"),
            ("final_plan", "2023-05-22", "2023-05-01", "met", "Reg 13(2)"),
            ("review_due", "2024-05-01", None, "open", "CFA s44(1)"),
        ],
        id="finalised-inside-comment-window",
    ),
    pytest.param(
        [
            REQUEST,
            ASSESS,
            ev("draft_plan_issued", "2023-05-01"),
            ev("final_plan_issued", "2023-05-23"),
        ],
        "2023-05-23",  # week 20 + 1 day: late; 15 days from 1 May end 15 May
        [
            DECISION_MET,
            ("draft_comments_close", "2023-05-15", "2023-05-15", "met", "Reg 13(1)"),
            ("final_plan", "2023-05-22", "2023-05-23", "late", "Reg 13(2)"),
            ("review_due", "2024-05-23", None, "open", "CFA s44(1)"),
        ],
        id="final-plan-a-day-late",
    ),
    pytest.param(
        [
            REQUEST,
            ASSESS,
            ev("draft_plan_issued", "2023-04-03"),
            ev("draft_plan_issued", "2023-04-20"),
        ],
        "2023-04-20",  # a re-served draft starts a new 15 days: 20 Apr + 14 = 4 May
        [
            DECISION_MET,
            ("draft_comments_close", "2023-05-04", None, "open", "Reg 13(1)"),
            FINAL_OPEN,
        ],
        id="re-served-draft",
    ),
]


@pytest.mark.parametrize(("events", "today", "expected"), ASSESSMENT_TABLE)
def test_assessment_steps(
    events: list[ClockEvent], today: str, expected: list[tuple[object, ...]]
) -> None:
    assert rows(clock(events, today)) == expected


ADVICE_TABLE = [
    # advice asked Mon 13 Feb 2023 -> due 13 Feb + 42 days = Mon 27 Mar 2023 (Reg 8(1))
    pytest.param(
        [], "2023-03-27", ("advice:health", "2023-03-27", None, "open", "Reg 8(1)"), id="open"
    ),
    pytest.param(
        [], "2023-03-28", ("advice:health", "2023-03-27", None, "overdue", "Reg 8(1)"), id="overdue"
    ),
    pytest.param(
        [ev("advice_received", "2023-03-27", source="health")],
        "2023-04-01",
        ("advice:health", "2023-03-27", "2023-03-27", "met", "Reg 8(1)"),
        id="met-on-due-day",
    ),
    pytest.param(
        [ev("advice_received", "2023-03-31", source="health")],
        "2023-04-01",
        ("advice:health", "2023-03-27", "2023-03-31", "late", "Reg 8(1)"),
        id="late",
    ),
]


@pytest.mark.parametrize(("extra", "today", "expected"), ADVICE_TABLE)
def test_advice_step(extra: list[ClockEvent], today: str, expected: tuple[object, ...]) -> None:
    events = [REQUEST, ASSESS, ev("advice_requested", "2023-02-13", source="health"), *extra]
    assert rows(clock(events, today))[1] == expected


def test_each_advice_request_is_its_own_step_and_receipts_answer_them_in_order() -> None:
    events = [
        REQUEST,
        ASSESS,
        ev("advice_requested", "2023-02-13", source="health"),  # due 27 Mar
        ev("advice_requested", "2023-02-20", source="health"),  # due 3 Apr
        ev("advice_requested", "2023-02-13", source="psychology"),  # due 27 Mar
        ev("advice_received", "2023-03-01", source="health"),  # answers the 13 Feb request
        ev("advice_received", "2023-04-05", source="health"),  # answers the 20 Feb one, late
    ]
    result = clock(events, "2023-04-05")
    assert [(s.step, s.due, s.done, s.status) for s in named(result, "advice:health")] == [
        ("advice:health", d("2023-03-27"), d("2023-03-01"), "met"),
        ("advice:health", d("2023-04-03"), d("2023-04-05"), "late"),
    ]
    assert only(result, "advice:psychology").status == "overdue"


WEEK20_TABLE = [
    pytest.param([REQUEST], Week20(d("2023-05-22"), None, None, False), id="not-issued"),
    pytest.param(
        [REQUEST, ASSESS, ev("final_plan_issued", "2023-05-22")],
        Week20(d("2023-05-22"), d("2023-05-22"), True, False),
        id="issued-on-week-20",
    ),
    pytest.param(
        [REQUEST, ASSESS, ev("final_plan_issued", "2023-05-23")],
        Week20(d("2023-05-22"), d("2023-05-23"), False, False),
        id="issued-a-day-late",
    ),
    pytest.param(
        [
            REQUEST,
            ASSESS,
            ev(
                "exception",
                "2023-03-01",
                reason="personal_circumstances",
                start="2023-03-01",
                end="2023-03-10",
            ),
            ev("final_plan_issued", "2023-05-10"),
        ],
        Week20(d("2023-05-22"), d("2023-05-10"), True, True),
        id="exception-applies-even-when-on-time",
    ),
    pytest.param(
        [ev("final_plan_issued", "2023-05-10")],
        Week20(None, None, None, False),
        id="no-request-transferred-plan",
    ),
]


@pytest.mark.parametrize(("events", "expected"), WEEK20_TABLE)
def test_week20(events: list[ClockEvent], expected: Week20) -> None:
    assert clock(events, "2023-06-01").week20 == expected


def test_final_plan_after_a_reversed_refusal_is_still_reported() -> None:
    # Refused on 10 Feb, agreed after mediation on 1 Mar: the latest decision counts.
    events = [REQUEST, NOT_ASSESS, ev("decision_to_assess", "2023-03-01", outcome="assess")]
    result = clock(events, "2023-03-01")
    assert only(result, "final_plan").due == d("2023-05-22")
    assert only(result, "decision_to_assess").done == d("2023-02-10")  # the first decision


def test_a_second_request_opens_a_new_cycle_and_week20_follows_it() -> None:
    # Refused in 2023; a new request on Mon 4 Sep 2023: + 20 weeks = 4 Sep + 140 days
    # = Mon 22 Jan 2024 (Sep 26 left -> 30 Sep, +31 Oct +30 Nov +31 Dec = 118, +22 Jan)
    events = [REQUEST, NOT_ASSESS, ev("request_received", "2023-09-04")]
    result = clock(events, "2023-09-04")
    assert [s.due for s in named(result, "decision_to_assess")] == [
        d("2023-02-13"),
        d("2023-10-16"),
    ]
    assert only(result, "final_plan").due == d("2024-01-22")
    assert result.week20.due == d("2024-01-22")


# Re-assessment: request Mon 8 Jan 2024; Reg 25(1) decision within 15 days -> 23 Jan 2024;
# decided Mon 15 Jan 2024; Reg 27(2) final plan within 14 weeks (98 days) of that decision
# -> 15 Jan + 98 = Mon 22 Apr 2024 (Jan 16 left -> 31 Jan, +29 Feb +31 Mar = 76, +22 Apr).
REASSESSMENT = ev("reassessment_request", "2024-01-08")
PLAN_2020 = ev("final_plan_issued", "2020-05-01")


def test_reassessment_waiting_for_the_decision() -> None:
    result = clock([PLAN_2020, REASSESSMENT], "2024-01-08")
    assert only(result, "decision_to_assess") == Step(
        "decision_to_assess", d("2024-01-23"), None, "open", "Reg 25(1)"
    )
    assert named(result, "final_plan") == []  # shown once the LA decides to re-assess
    assert result.week20 == Week20(None, None, None, False)  # week 20 is for new requests


@pytest.mark.parametrize(
    ("plan_event", "status"),
    [("amended_plan_issued", "met"), ("final_plan_issued", "met")],
)
def test_reassessment_final_plan_in_14_weeks(plan_event: str, status: str) -> None:
    events = [
        PLAN_2020,
        REASSESSMENT,
        ev("decision_to_assess", "2024-01-15", outcome="assess"),
        ev(plan_event, "2024-04-22"),
    ]
    steps = [s for s in clock(events, "2024-04-22").steps if s.rule == "Reg 27(2)"]
    assert steps == [Step("final_plan", d("2024-04-22"), d("2024-04-22"), status, "Reg 27(2)")]


def test_reassessment_refused_is_appealable_and_has_no_plan_step() -> None:
    events = [PLAN_2020, REASSESSMENT, ev("decision_to_assess", "2024-01-30", outcome="not_assess")]
    result = clock(events, "2024-01-30")
    assert only(result, "decision_to_assess").status == "late"  # 30 Jan > 23 Jan
    assert [s for s in result.steps if s.rule == "Reg 27(2)"] == []
    assert only(result, "tribunal_appeal").due == d("2024-03-30")


def test_a_whole_plan_history_keeps_every_cycle() -> None:
    events = [
        REQUEST,
        ASSESS,
        ev("final_plan_issued", "2023-05-19"),
        REASSESSMENT,
        ev("decision_to_assess", "2024-01-15", outcome="assess"),
    ]
    result = clock(events, "2024-02-01")
    assert [(s.rule, s.due) for s in named(result, "final_plan")] == [
        ("Reg 13(2)", d("2023-05-22")),
        ("Reg 27(2)", d("2024-04-22")),
    ]
    assert result.week20.issued == d("2023-05-19")


def test_advice_due_is_six_weeks_after_the_request() -> None:
    # Mon 13 Feb 2023 + 42 days = Mon 27 Mar 2023 (Reg 8(1)); used by casework services
    assert advice_due(d("2023-02-13")) == d("2023-03-27")
