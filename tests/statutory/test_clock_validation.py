"""Bad input becomes a ClockError with a message a caseworker can act on."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from opensend.statutory.clock import ClockError, ClockEvent, compute_clock

from .clock_helpers import clock, d, ev

REQUEST = ev("request_received", "2023-01-02")
TODAY = "2023-06-01"

BAD_HISTORIES = [
    pytest.param(
        [REQUEST, ev("panel_meeting", "2023-01-05")],
        "unknown event 'panel_meeting'",
        id="unknown-event",
    ),
    pytest.param(
        [REQUEST, ev("decision_to_assess", "2023-01-05")],
        "needs 'outcome' (one of assess, not_assess)",
        id="no-outcome",
    ),
    pytest.param(
        [REQUEST, ev("decision_to_assess", "2023-01-05", outcome="maybe")],
        "outcome 'maybe' is not one of assess, not_assess",
        id="bad-outcome",
    ),
    pytest.param(
        [
            ev("final_plan_issued", "2022-01-05"),
            ev("review_meeting", "2023-01-05"),
            ev("review_decision", "2023-01-06", outcome="assess"),
        ],
        "outcome 'assess' is not one of maintain, amend, cease",
        id="bad-review-outcome",
    ),
    pytest.param(
        [REQUEST, ev("advice_requested", "2023-01-05")], "needs 'from'", id="no-advice-source"
    ),
    pytest.param(
        [REQUEST, ev("advice_requested", "2023-01-05", source="school")],
        "from 'school' is not one of education, health, social_care, psychology, other",
        id="bad-advice-source",
    ),
    pytest.param(
        [REQUEST, ev("advice_received", "2023-01-05", source="health")],
        "advice_received from health on 2023-01-05 has no earlier advice_requested from health",
        id="advice-received-without-request",
    ),
    pytest.param(
        [REQUEST, ev("request_received", "2023-01-05", outcome="assess")],
        "'outcome' does not apply to request_received",
        id="field-not-applicable",
    ),
    pytest.param(
        [REQUEST, ev("exception", "2023-01-05", start="2023-01-05", end="2023-01-09")],
        "needs 'reason'",
        id="exception-no-reason",
    ),
    pytest.param(
        [REQUEST, ev("exception", "2023-01-05", reason="personal_circumstances")],
        "needs 'start'",
        id="exception-no-start",
    ),
    pytest.param(
        [REQUEST, ev("exception", "2023-01-05", reason="absent_from_area", start="2023-01-05")],
        "needs 'end' (the last day of the absent_from_area)",
        id="exception-no-end",
    ),
    pytest.param(
        [
            REQUEST,
            ev(
                "exception",
                "2023-01-05",
                reason="personal_circumstances",
                start="2023-01-09",
                end="2023-01-05",
            ),
        ],
        "ends on 2023-01-05, before it starts on 2023-01-09",
        id="end-before-start",
    ),
    pytest.param(
        [
            REQUEST,
            ev("exception", "2023-01-05", reason="flood", start="2023-01-05", end="2023-01-09"),
        ],
        "reason 'flood' is not one of",
        id="bad-reason",
    ),
    pytest.param(
        [ev("phase_transfer", "2023-01-05", kind="school")],
        "needs 'transfer_date'",
        id="transfer-no-date",
    ),
    pytest.param(
        [ev("phase_transfer", "2023-01-05", transfer_date="2023-09-01")],
        "needs 'kind' (one of school, post16)",
        id="transfer-no-kind",
    ),
    pytest.param(
        [ev("phase_transfer", "2023-01-05", transfer_date="2023-09-01", kind="college")],
        "kind 'college' is not one of school, post16",
        id="transfer-bad-kind",
    ),
    pytest.param(
        [REQUEST, ev("decision_to_assess", "2022-12-30", outcome="assess")],
        "decision_to_assess on 2022-12-30 is dated before the request on 2023-01-02",
        id="event-before-request",
    ),
    pytest.param(
        [ev("advice_requested", "2023-01-05", source="health")],
        "advice_requested on 2023-01-05 needs a request_received (or reassessment_request)",
        id="missing-request",
    ),
    pytest.param(
        [ev("draft_plan_issued", "2023-01-05")],
        "draft_plan_issued on 2023-01-05 needs a request_received",
        id="draft-without-request",
    ),
    pytest.param(
        [ev("final_plan_issued", "2022-12-01"), REQUEST],
        "final_plan_issued on 2022-12-01 is dated before the request on 2023-01-02",
        id="plan-before-request",
    ),
    pytest.param(
        [ev("review_decision", "2023-01-05", outcome="maintain")],
        "has no review_meeting on or before it",
        id="decision-without-meeting",
    ),
    pytest.param(
        [ev("review_report_received", "2023-01-05")],
        "has no review_meeting on or before it",
        id="report-without-meeting",
    ),
    pytest.param(
        [ev("mediation_certificate", "2023-01-05")],
        "has no appealable decision on or before it",
        id="certificate-without-decision",
    ),
    pytest.param(
        [REQUEST, ev("final_plan_issued", "2023-06-02")],
        "event 2 (final_plan_issued) is dated 2023-06-02, after today (2023-06-01)",
        id="future-event",
    ),
    pytest.param(
        [ev("request_received", "0223-01-02")], "outside the years 1900-2199", id="implausible-year"
    ),
]


@pytest.mark.parametrize(("events", "message"), BAD_HISTORIES)
def test_bad_history_is_a_clock_error(events: list[ClockEvent], message: str) -> None:
    with pytest.raises(ClockError) as caught:
        clock(events, TODAY)
    assert message in str(caught.value)


def test_clock_error_is_a_value_error() -> None:
    assert issubclass(ClockError, ValueError)


def test_datetimes_are_refused() -> None:
    with pytest.raises(ClockError, match="today must be a calendar date"):
        compute_clock([REQUEST], today=datetime(2023, 6, 1, 9, 30))
    with pytest.raises(ClockError, match="date must be a calendar date"):
        compute_clock([ClockEvent("request_received", datetime(2023, 1, 2, 9))], today=d(TODAY))


def test_date_of_birth_after_today_is_refused() -> None:
    with pytest.raises(ClockError, match="date_of_birth 2023-06-02 is after today"):
        clock([REQUEST], TODAY, dob="2023-06-02")


ALLOWED_HISTORIES = [
    pytest.param([], id="empty"),
    pytest.param(
        [ev("final_plan_issued", "2022-05-01"), ev("review_meeting", "2023-04-20")],
        id="review-only-transferred-plan",
    ),
    pytest.param([ev("review_meeting", "2023-04-20")], id="review-meeting-only"),
    pytest.param(
        [ev("final_plan_issued", "2020-05-01"), ev("reassessment_request", "2023-01-02")],
        id="plan-before-reassessment",
    ),
    pytest.param(
        [
            REQUEST,
            ev(
                "exception",
                "2022-12-01",
                reason="absent_from_area",
                start="2022-12-01",
                end="2023-01-31",
            ),
        ],
        id="exception-starting-before-request",
    ),
    pytest.param(
        [REQUEST, ev("exception", "2023-01-10", reason="missed_appointment", start="2023-01-10")],
        id="missed-appointment-one-day",
    ),
    pytest.param(
        [ev("phase_transfer", "2023-01-05", transfer_date="2027-09-01", kind="post16")],
        id="future-transfer-date",
    ),
]


@pytest.mark.parametrize("events", ALLOWED_HISTORIES)
def test_allowed_history(events: list[ClockEvent]) -> None:
    clock(events, TODAY, dob="2015-03-04")


def test_date_of_birth_gives_the_childs_key_dates() -> None:
    # born 4 Mar 2015: on 1 Jun 2023 (school year from 1 Sep 2022) age on 31 Aug 2022 is 7,
    # so NC year 7 - 4 = 3; the other two come from school_year.
    result = clock([], TODAY, dob="2015-03-04")
    assert (result.nc_year, result.young_person_from, result.plan_can_run_until) == (
        3,
        date(2031, 6, 28),  # last Friday of June 2031 is 27 Jun; the day after
        date(2040, 7, 31),  # turns 25 on 4 Mar 2040: end of that academic year
    )
    assert clock([], TODAY).nc_year is None
