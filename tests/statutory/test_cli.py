"""``python -m opensend.statutory clock``: JSON in, JSON out, exit 2 on bad input.

These run the real command in a subprocess, as a script or another service would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

EXAMPLE = {
    "today": "2023-06-01",
    "child": {"date_of_birth": "2015-03-04"},
    "events": [
        {"event": "request_received", "date": "2023-01-02"},
        {"event": "decision_to_assess", "date": "2023-02-10", "outcome": "assess"},
        {"event": "advice_requested", "date": "2023-02-13", "from": "health"},
        {"event": "advice_received", "date": "2023-03-31", "from": "health"},
        {
            "event": "exception",
            "reason": "missed_appointment",
            "start": "2023-03-01",
        },
        {"event": "draft_plan_issued", "date": "2023-04-20"},
        {"event": "final_plan_issued", "date": "2023-05-19"},
    ],
}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opensend.statutory", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_clock_writes_the_steps_as_json() -> None:
    done = run("clock", stdin=json.dumps(EXAMPLE))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == {
        "steps": [
            # 2 Jan 2023 + 6 weeks = 13 Feb; decided 10 Feb
            {
                "step": "decision_to_assess",
                "due": "2023-02-13",
                "done": "2023-02-10",
                "status": "met",
                "rule": "Reg 5(1)",
            },
            # asked 13 Feb + 6 weeks = 27 Mar; received 31 Mar, but an appointment was
            # missed on 1 Mar (Reg 8(2)(c))
            {
                "step": "advice:health",
                "due": "2023-03-27",
                "done": "2023-03-31",
                "status": "excused",
                "rule": "Reg 8(1)",
            },
            # 15 days beginning 20 Apr -> 4 May; closed before the final plan
            {
                "step": "draft_comments_close",
                "due": "2023-05-04",
                "done": "2023-05-04",
                "status": "met",
                "rule": "Reg 13(1)",
            },
            # 2 Jan + 20 weeks = 22 May; issued 19 May
            {
                "step": "final_plan",
                "due": "2023-05-22",
                "done": "2023-05-19",
                "status": "met",
                "rule": "Reg 13(2)",
            },
            # 19 May 2023 + 12 months
            {
                "step": "review_due",
                "due": "2024-05-19",
                "done": None,
                "status": "open",
                "rule": "CFA s44(1)",
            },
        ],
        "week20": {
            "due": "2023-05-22",
            "issued": "2023-05-19",
            "within_20_weeks": True,
            "exception_applies": False,
        },
        "nc_year": 3,
        "young_person_from": "2031-06-28",
        "plan_can_run_until": "2040-07-31",
    }


def test_child_may_be_left_out() -> None:
    document = {
        "today": "2023-01-02",
        "events": [{"event": "request_received", "date": "2023-01-02"}],
    }
    output = json.loads(run("clock", stdin=json.dumps(document)).stdout)
    assert (output["nc_year"], output["young_person_from"], output["plan_can_run_until"]) == (
        None,
        None,
        None,
    )
    assert output["week20"] == {
        "due": "2023-05-22",
        "issued": None,
        "within_20_weeks": None,
        "exception_applies": False,
    }


def _with_events(*events: dict[str, str]) -> str:
    return json.dumps({"today": "2023-06-01", "events": list(events)})


REQUEST = {"event": "request_received", "date": "2023-01-02"}

BAD_INPUT = [
    pytest.param("{not json", "not valid JSON", id="invalid-json"),
    pytest.param("", "not valid JSON", id="empty-stdin"),
    pytest.param("[]", "the input must be a JSON object", id="not-an-object"),
    pytest.param(json.dumps({"events": []}), "needs 'today'", id="no-today"),
    pytest.param(json.dumps({"today": "2023-06-01"}), "needs 'events'", id="no-events"),
    pytest.param(
        json.dumps({"today": "2023-06-01", "events": [], "notes": 1}),
        "unknown field 'notes'",
        id="unknown-top-level-key",
    ),
    pytest.param(
        _with_events(REQUEST, {"event": "panel", "date": "2023-01-05"}),
        "unknown event 'panel'",
        id="unknown-event",
    ),
    pytest.param(
        _with_events({"event": "request_received", "date": "2025-02-30"}),
        "'2025-02-30' is not a real calendar date",
        id="impossible-date",
    ),
    pytest.param(
        json.dumps({"today": "2023-13-01", "events": []}),
        "today: '2023-13-01' is not a real calendar date",
        id="impossible-today",
    ),
    pytest.param(
        _with_events({"event": "request_received", "date": "02/01/2023"}),
        "YYYY-MM-DD",
        id="not-iso",
    ),
    pytest.param(
        _with_events(
            REQUEST, {"event": "decision_to_assess", "date": "2022-12-30", "outcome": "assess"}
        ),
        "dated before the request on 2023-01-02",
        id="event-before-request",
    ),
    pytest.param(
        _with_events({"event": "draft_plan_issued", "date": "2023-01-05"}),
        "needs a request_received",
        id="no-request",
    ),
    pytest.param(
        _with_events(
            REQUEST, {"event": "advice_requested", "date": "2023-01-05", "source": "health"}
        ),
        "unknown field 'source'",
        id="source-is-called-from",
    ),
    pytest.param(
        _with_events(REQUEST, {"event": "decision_to_assess", "date": "2023-01-05"}),
        "needs 'outcome'",
        id="missing-field",
    ),
    pytest.param(
        _with_events(
            REQUEST,
            {
                "event": "exception",
                "reason": "absent_from_area",
                "start": "2023-02-01",
                "end": "2023-01-01",
            },
        ),
        "before it starts",
        id="end-before-start",
    ),
    pytest.param(
        json.dumps({"today": "2023-06-01", "child": {"date_of_birth": 20150304}, "events": []}),
        "date_of_birth must be a date",
        id="dob-not-text",
    ),
]


@pytest.mark.parametrize(("stdin", "message"), BAD_INPUT)
def test_bad_input_exits_2_with_a_message_and_no_traceback(stdin: str, message: str) -> None:
    done = run("clock", stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr
    assert done.stderr.startswith("python -m opensend.statutory clock: error: ")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["tick"], [], ["clock", "--now"]])
def test_bad_command_line_exits_2(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_exits_0() -> None:
    done = run("clock", "--help")
    assert done.returncode == 0
    assert "JSON" in done.stdout


def test_the_documented_example_is_what_the_command_prints() -> None:
    text = (REPO / "docs" / "statutory-clock.md").read_text(encoding="utf-8")
    example = text[text.index("Example (`today`") :]
    blocks = [block.split("```", 1)[0] for block in example.split("```json\n")[1:3]]
    documented_input, documented_output = (json.loads(block) for block in blocks)
    done = run("clock", stdin=json.dumps(documented_input))
    assert done.returncode == 0
    assert json.loads(done.stdout) == documented_output


# --- the order of statutory steps -------------------------------------------------------

ASSESSED = [
    REQUEST,
    {"event": "decision_to_assess", "date": "2023-02-10", "outcome": "assess"},
    {"event": "draft_plan_issued", "date": "2023-04-20", "id": "draft"},
]
TOO_SOON = {"event": "final_plan_issued", "date": "2023-04-25"}


def test_a_final_plan_inside_the_comment_period_is_refused_naming_the_rule() -> None:
    result = run("clock", stdin=_with_events(*ASSESSED, TOO_SOON))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "rule final-after-comment-period (Reg 13(1))" in result.stderr
    assert "runs until 2023-05-04" in result.stderr
    assert "comment_period_ended_early" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_familys_written_agreement_to_end_the_period_early_lets_it_through() -> None:
    agreed = {"event": "comment_period_ended_early", "date": "2023-04-24", "by": "caseworker 7"}
    result = run("clock", stdin=_with_events(*ASSESSED, agreed, TOO_SOON))
    assert result.returncode == 0, result.stderr
    steps = json.loads(result.stdout)["steps"]
    assert {"step": "final_plan", "due": "2023-05-22", "done": "2023-04-25", "status": "met",
            "rule": "Reg 13(2)"} in steps  # fmt: skip


def test_a_withdrawn_draft_is_left_out_of_the_clock_and_the_order() -> None:
    withdrawn = {
        "event": "event_withdrawn",
        "date": "2023-04-21",
        "refers_to": "draft",
        "reason": "recorded on the wrong case",
        "by": "caseworker 7",
    }
    result = run("clock", stdin=_with_events(*ASSESSED, withdrawn))
    assert result.returncode == 0, result.stderr
    steps = {step["step"] for step in json.loads(result.stdout)["steps"]}
    assert "draft_comments_close" not in steps


def test_a_correction_that_refers_to_no_event_is_bad_input() -> None:
    corrected = {
        "event": "event_corrected",
        "date": "2023-04-21",
        "refers_to": "nothing",
        "reason": "typing mistake",
        "corrected": {"event": "draft_plan_issued", "date": "2023-04-19"},
    }
    result = run("clock", stdin=_with_events(*ASSESSED, corrected))
    assert result.returncode == 2
    assert "refers to 'nothing'" in result.stderr
