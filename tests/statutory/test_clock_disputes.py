"""Mediation (Reg 33) and appeal (HESC Rules 2008 r20(1)(c)) windows after a decision.

Both are windows for the family: "open" while they run, "met" once closed, never late.
"""

from __future__ import annotations

import pytest

from opensend.statutory.clock import ClockEvent, Step

from .clock_helpers import clock, d, ev, named, rows

APPEAL = "HESC Rules 2008 r20(1)(c)"
# Decision notified Sun 31 Dec 2023: + 2 calendar months = 29 Feb 2024 (leap year, clamped)
DECISION = ev("decision_notified", "2023-12-31")

DISPUTE_TABLE = [
    pytest.param(
        [],
        "2024-01-15",
        [
            ("mediation_contact", "2024-02-29", None, "open", "Reg 33"),
            ("tribunal_appeal", "2024-02-29", None, "open", APPEAL),
        ],
        id="both-open",
    ),
    pytest.param(
        [],
        "2024-03-01",
        [
            ("mediation_contact", "2024-02-29", "2024-02-29", "met", "Reg 33"),
            ("tribunal_appeal", "2024-02-29", "2024-02-29", "met", APPEAL),
        ],
        id="both-closed-never-overdue",
    ),
    pytest.param(
        # certificate Tue 20 Feb 2024: appeal 1 month after it (20 Mar) is later than 29 Feb
        [ev("mediation_certificate", "2024-02-20")],
        "2024-02-21",
        [
            ("mediation_contact", "2024-02-29", "2024-02-20", "met", "Reg 33"),
            ("tribunal_appeal", "2024-03-20", None, "open", APPEAL),
        ],
        id="certificate-extends-appeal",
    ),
    pytest.param(
        # certificate Fri 5 Jan 2024: + 1 month = 5 Feb, earlier than 29 Feb: no change
        [ev("mediation_certificate", "2024-01-05")],
        "2024-01-05",
        [
            ("mediation_contact", "2024-02-29", "2024-01-05", "met", "Reg 33"),
            ("tribunal_appeal", "2024-02-29", None, "open", APPEAL),
        ],
        id="early-certificate",
    ),
]


@pytest.mark.parametrize(("extra", "today", "expected"), DISPUTE_TABLE)
def test_dispute_windows(
    extra: list[ClockEvent], today: str, expected: list[tuple[object, ...]]
) -> None:
    assert rows(clock([DECISION, *extra], today)) == expected


def test_refusal_and_its_notification_on_the_same_day_are_one_decision() -> None:
    events = [
        ev("request_received", "2023-01-02"),
        ev("decision_to_assess", "2023-02-10", outcome="not_assess"),
        ev("decision_notified", "2023-02-10"),
    ]
    result = clock(events, "2023-02-10")
    assert len(named(result, "tribunal_appeal")) == 1


def test_each_appealable_decision_has_its_own_windows() -> None:
    # decision not to issue Mon 24 Apr 2023 -> 24 Jun; a later decision on 1 Sep -> 1 Nov.
    # The certificate of 1 Oct belongs to the 1 Sep decision: 1 Oct + 1 month = 1 Nov.
    events = [
        ev("request_received", "2023-01-02"),
        ev("decision_to_assess", "2023-02-10", outcome="assess"),
        ev("decision_not_to_issue", "2023-04-24"),
        ev("decision_notified", "2023-09-01"),
        ev("mediation_certificate", "2023-10-01"),
    ]
    result = clock(events, "2023-10-01")
    assert named(result, "tribunal_appeal") == [
        Step("tribunal_appeal", d("2023-06-24"), d("2023-06-24"), "met", APPEAL),
        Step("tribunal_appeal", d("2023-11-01"), None, "open", APPEAL),
    ]
    assert [s.done for s in named(result, "mediation_contact")] == [
        d("2023-06-24"),
        d("2023-10-01"),
    ]
