"""Columns guessed from header words; each row read to what it would save, or its problems."""

from datetime import date

import pytest

from opensend.strategy.imports.mapping import columns_guess, plan_row_read, progress_read
from opensend.strategy.imports.tables import SourceRow

GUESSES = [
    (
        ("Priority", "Action", "Lead officer", "Timescale", "Success measure", "Progress"),
        {"priority": 0, "action": 1, "owner": 2, "timescale": 3, "success_measure": 4,
         "progress": 5},
    ),
    (
        ("Key actions", "Action owner", "By when",
         "Milestone success measure / intended outcome", "RAG"),
        {"priority": None, "action": 0, "owner": 1, "timescale": 2, "success_measure": 3,
         "progress": 4},
    ),
    (
        ("Theme", "What we will do", "Who", "Date", "How will we know it's made a difference?",
         "Update"),
        {"priority": 0, "action": 1, "owner": 2, "timescale": 3, "success_measure": 4,
         "progress": 5},
    ),
    (("Notes", "Comments"), dict.fromkeys(
        ("priority", "action", "owner", "timescale", "success_measure", "progress"))),
]  # fmt: skip


@pytest.mark.parametrize(("header", "expected"), GUESSES)
def test_columns_are_guessed_from_header_words(header, expected):
    assert columns_guess(header) == expected


PROGRESS = [
    ("Achieved", ("achieved", "")),
    (
        "Partially achieved: two of three hubs open",
        ("partially_achieved", "two of three hubs open"),
    ),
    ("Not achieved - staffing", ("not_achieved", "staffing")),
    ("On track", ("on_track", "")),
    ("AMBER. Delayed by the recruitment freeze", ("at_risk", "Delayed by the recruitment freeze")),
    ("Red", ("off_track", "")),
]


@pytest.mark.parametrize(("text", "expected"), PROGRESS)
def test_a_progress_cell_starts_with_its_status(text, expected):
    assert progress_read(text) == expected


@pytest.mark.parametrize("text", ["40%", "Developing SEND dashboard", "Redesign started"])
def test_a_progress_cell_without_a_status_is_refused(text):
    with pytest.raises(ValueError, match="does not start with a status"):
        progress_read(text)


MAPPING = {"priority": 0, "action": 1, "owner": 2, "timescale": 3, "success_measure": 4,
           "progress": 5}  # fmt: skip


def _row(*cells, section=""):
    return SourceRow(2, 7, tuple(cells), section)


def test_a_good_row_reads_to_what_it_would_save():
    row = plan_row_read(
        _row("Inclusion", "Audit", "D. Roy", "Spring 2025", "90% of schools", "On track: begun"),
        MAPPING,
        strategy_start=date(2024, 9, 1),
    )
    assert row.problems == ()
    assert (row.priority, row.action, row.owner) == ("Inclusion", "Audit", "D. Roy")
    assert (row.timescale.start, row.timescale.end) == (date(2025, 1, 1), date(2025, 3, 31))
    assert (row.progress_status, row.progress_narrative) == ("on_track", "begun")
    assert row.place == "Table 2, row 7"


def test_a_row_takes_its_section_as_priority_when_there_is_no_priority_cell():
    row = plan_row_read(_row("", "Audit", "", "", "", "", section="Priority 1"), MAPPING,
                        strategy_start=None)  # fmt: skip
    assert (row.priority, row.problems) == ("Priority 1", ())


def test_every_problem_of_a_bad_row_is_named():
    row = plan_row_read(_row("", "", "", "Winter 2025", "", "Developing SEND dashboard"),
                        MAPPING, strategy_start=None)  # fmt: skip
    assert row.problems == (
        "there is no action",
        "there is no priority (no priority column or section heading)",
        "timescale: “Winter 2025”: winter straddles two years; write the months or a school term",
        "progress “Developing SEND dashboard” does not start with a status such as Achieved",
    )
