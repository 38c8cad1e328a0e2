"""Reading and writing the clock's JSON contract (in-process, fast)."""

from __future__ import annotations

import io
from datetime import date

import pytest

from opensend.statutory.cli import EXIT_BAD_INPUT, main
from opensend.statutory.clock import ClockError, ClockEvent, ClockResult, Step, Week20
from opensend.statutory.clock.json_format import request_from_json, result_to_json


def test_event_fields_map_to_clock_events() -> None:
    request = request_from_json(
        {
            "today": "2024-03-01",
            "child": {"date_of_birth": None},
            "events": [
                {"event": "advice_requested", "date": "2024-01-10", "from": "social_care"},
                {
                    "event": "exception",
                    "reason": "school_closure",
                    "start": "2024-01-01",
                    "end": "2024-02-01",
                },
                {
                    "event": "phase_transfer",
                    "date": "2024-01-02",
                    "transfer_date": "2024-09-01",
                    "kind": "post16",
                },
            ],
        }
    )
    assert request.today == date(2024, 3, 1)
    assert request.date_of_birth is None
    assert request.events == (
        ClockEvent("advice_requested", date(2024, 1, 10), source="social_care"),
        # an exception without a date is dated by its first day
        ClockEvent(
            "exception",
            date(2024, 1, 1),
            reason="school_closure",
            start=date(2024, 1, 1),
            end=date(2024, 2, 1),
        ),
        ClockEvent(
            "phase_transfer", date(2024, 1, 2), transfer_date=date(2024, 9, 1), kind="post16"
        ),
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"today": "2024-03-01", "events": [{"date": "2024-01-01"}]}, "event 1 needs 'event'"),
        (
            {"today": "2024-03-01", "events": [{"event": "request_received"}]},
            "event 1 (request_received) needs 'date'",
        ),
        ({"today": "2024-03-01", "events": ["request_received"]}, "event 1 must be a JSON object"),
        (
            {
                "today": "2024-03-01",
                "events": [{"event": "decision_to_assess", "date": "2024-01-01", "outcome": 1}],
            },
            "outcome must be text",
        ),
        (
            {"today": "2024-03-01", "child": "2015-01-01", "events": []},
            "child must be a JSON object",
        ),
        (
            {"today": "2024-03-01", "child": {"dob": "2015-01-01"}, "events": []},
            "child: unknown field 'dob'",
        ),
        ({"today": None, "events": []}, "today must be a date written YYYY-MM-DD"),
    ],
)
def test_malformed_documents(document: object, message: str) -> None:
    with pytest.raises(ClockError) as caught:
        request_from_json(document)
    assert message in str(caught.value)


def test_result_to_json_uses_iso_dates_and_nulls() -> None:
    result = ClockResult(
        steps=(Step("final_plan", date(2023, 5, 22), None, "open", "Reg 13(2)"),),
        week20=Week20(date(2023, 5, 22), None, None, False),
        nc_year=-1,
        young_person_from=None,
        plan_can_run_until=None,
    )
    assert result_to_json(result) == {
        "steps": [
            {
                "step": "final_plan",
                "due": "2023-05-22",
                "done": None,
                "status": "open",
                "rule": "Reg 13(2)",
            }
        ],
        "week20": {
            "due": "2023-05-22",
            "issued": None,
            "within_20_weeks": None,
            "exception_applies": False,
        },
        "nc_year": -1,
        "young_person_from": None,
        "plan_can_run_until": None,
    }


def test_main_in_process_reports_bad_input_on_stderr() -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(
        ["clock"],
        stdin=io.StringIO('{"today": "2024-02-30", "events": []}'),
        stdout=stdout,
        stderr=stderr,
    )
    assert code == EXIT_BAD_INPUT
    assert stdout.getvalue() == ""
    assert "'2024-02-30' is not a real calendar date" in stderr.getvalue()


def test_deeply_nested_json_is_bad_input_not_a_crash() -> None:
    stderr = io.StringIO()
    nested = "[" * 100_000 + "]" * 100_000
    assert main(["clock"], stdin=io.StringIO(nested), stdout=io.StringIO(), stderr=stderr) == 2
    assert "error" in stderr.getvalue()


def test_an_exception_starting_after_today_is_dated_today() -> None:
    request = request_from_json(
        {
            "today": "2024-03-01",
            "events": [
                {
                    "event": "exception",
                    "reason": "absent_from_area",
                    "start": "2024-04-01",
                    "end": "2024-05-31",
                }
            ],
        }
    )
    assert request.events[0].date == date(2024, 3, 1)
