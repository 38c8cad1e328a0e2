"""From the rows of a plan's table to the actions they would become, or why not.

Pure: the columns a person mapped, the rows read (tables.py) and the strategy's start in;
for each row, what would be saved or the problems that stop it. The preview shows exactly
this, and the import saves exactly the rows without problems (docs/strategy-import.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from opensend.strategy.imports.tables import SourceRow, SourceTable
from opensend.strategy.timescales import Timescale, TimescaleUnreadable, timescale_read

# The fields a column can fill, in the order of a plan's table (and of the export).
FIELDS: dict[str, str] = {
    "priority": "Priority",
    "action": "Action",
    "owner": "Owner",
    "timescale": "Timescale",
    "success_measure": "Milestone or success measure",
    "progress": "Progress",
}
# Header words that suggest a field, the most specific fields first, so that
# "Action owner" is the owner and "Milestone success measure / intended outcome" the measure.
HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("progress", ("progress", "rag", "status", "update", "review")),
    ("owner", ("owner", "lead", "responsible", "accountable", "who")),
    ("timescale", ("timescale", "when", "deadline", "due", "date", "timeline", "by")),
    ("success_measure", ("success", "milestone", "measure", "how will we know", "kpi", "outcome")),
    ("priority", ("priorit", "principle", "theme", "objective", "workstream")),
    ("action", ("action", "what we", "activity", "task", "we will")),
)
# A progress cell starts with one of these (words as written in plans; RAG colours too).
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("partially achieved", "partially_achieved"),
    ("not achieved", "not_achieved"),
    ("achieved", "achieved"),
    ("complete", "achieved"),
    ("completed", "achieved"),
    ("on track", "on_track"),
    ("at risk", "at_risk"),
    ("off track", "off_track"),
    ("green", "on_track"),
    ("amber", "at_risk"),
    ("red", "off_track"),
)
MAX_TEXT = 2000  # a cell longer than this is not an action plan's cell


@dataclass(frozen=True)
class PlanRow:
    """One row as it would be saved, or its problems."""

    table: int
    row: int
    priority: str = ""
    action: str = ""
    owner: str = ""
    timescale_text: str = ""
    timescale: Timescale | None = None
    success_measure: str = ""
    progress_status: str = ""
    progress_narrative: str = ""
    problems: tuple[str, ...] = field(default=())

    @property
    def place(self) -> str:
        return f"Table {self.table}, row {self.row}"


def _words(header: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", header.lower()).strip() + " "


def columns_guess(header: Sequence[str]) -> dict[str, int | None]:
    """For each field, the column whose header words suggest it (or None)."""
    mapping: dict[str, int | None] = dict.fromkeys(FIELDS)
    taken: set[int] = set()
    for field_name, words in HEADER_WORDS:
        for column, heading in enumerate(header):
            if column not in taken and any(f" {word}" in _words(heading) for word in words):
                mapping[field_name] = column
                taken.add(column)
                break
    return mapping


def progress_read(text: str) -> tuple[str, str]:
    """(status, narrative) of a progress cell; ValueError when it names no status."""
    lowered = text.strip().lower()
    for word, status in STATUS_WORDS:
        if lowered == word or re.match(rf"{re.escape(word)}\b[\s:.,;\-–]*", lowered):
            narrative = text.strip()[len(word) :].lstrip(" :.,;-–\n")
            return status, narrative
    raise ValueError(f"progress “{text[:60]}” does not start with a status such as Achieved")


def _cell(row: SourceRow, column: int | None) -> str:
    if column is None or column >= len(row.cells):
        return ""
    return row.cells[column].strip()


def _timescale(text: str, strategy_start: date | None) -> tuple[Timescale | None, str]:
    if not text:
        return None, ""
    try:
        return timescale_read(text, strategy_start=strategy_start), ""
    except TimescaleUnreadable as refusal:
        return None, f"timescale: {refusal}"


def _progress(text: str) -> tuple[str, str, str]:
    if not text:
        return "", "", ""
    try:
        return (*progress_read(text), "")
    except ValueError as refusal:
        return "", "", str(refusal)


def plan_row_read(
    row: SourceRow, mapping: Mapping[str, int | None], *, strategy_start: date | None
) -> PlanRow:
    cells = {name: _cell(row, mapping.get(name)) for name in FIELDS}
    priority = cells["priority"] or row.section
    timescale, timescale_problem = _timescale(cells["timescale"], strategy_start)
    status, narrative, progress_problem = _progress(cells["progress"])
    problems = [
        "there is no action" if not cells["action"] else "",
        "there is no priority (no priority column or section heading)" if not priority else "",
        timescale_problem,
        progress_problem,
        *(f"{FIELDS[name].lower()} is longer than {MAX_TEXT} characters"
          for name, text in cells.items() if len(text) > MAX_TEXT),
    ]  # fmt: skip
    return PlanRow(
        table=row.table,
        row=row.row,
        priority=priority,
        action=cells["action"],
        owner=cells["owner"],
        timescale_text=cells["timescale"],
        timescale=timescale,
        success_measure=cells["success_measure"],
        progress_status=status,
        progress_narrative=narrative,
        problems=tuple(problem for problem in problems if problem),
    )


def plan_rows_read(
    table: SourceTable, mapping: Mapping[str, int | None], *, strategy_start: date | None
) -> list[PlanRow]:
    return [plan_row_read(row, mapping, strategy_start=strategy_start) for row in table.rows]
