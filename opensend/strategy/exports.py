"""A strategy's action plan as one table, to Excel and to Word, in the shape the import
reads (docs/strategy-import.md): one row per action and priority, with the six columns
of `imports.mapping.FIELDS`. Importing an export gives the same plan.

Excel through the one formula-safe writer (core/spreadsheets.py); Word with python-docx,
a real table with a header row repeated on each page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from opensend.core.spreadsheets import Sheet, workbook_bytes
from opensend.strategy.imports.mapping import FIELDS
from opensend.strategy.models import Action, Strategy

HEADINGS = tuple(FIELDS.values())
WIDTHS = (30, 45, 24, 20, 45, 45)

PlanTableRow = tuple[str, str, str, str, str, str]


def plan_xlsx(title: str, rows: Sequence[PlanTableRow]) -> bytes:
    sheet = Sheet(title="Action plan", headings=HEADINGS, rows=rows, widths=WIDTHS)
    return workbook_bytes([sheet], title=title)


def _repeat_header(row: object) -> None:
    """Word repeats a row marked as a header at the top of every page the table crosses."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def plan_docx(title: str, rows: Sequence[PlanTableRow]) -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.core_properties.title = title
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(HEADINGS))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, HEADINGS, strict=True):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(table.rows[0])
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _timescale(action: Action) -> str:
    """The plan's own words when it had them, else the dates as the import reads them."""
    if action.timescale:
        return action.timescale
    if action.start_date and action.due_date:
        return f"{action.start_date.isoformat()} to {action.due_date.isoformat()}"
    if action.due_date:
        return f"by {action.due_date.isoformat()}"
    return ""


def _progress(action: Action) -> str:
    updates = sorted(action.progress_updates.all(), key=lambda u: (u.reported_on, u.pk))
    if not updates:
        return ""
    latest = updates[-1]
    label = latest.get_status_display()
    return f"{label}: {latest.narrative}" if latest.narrative else label


def _row(priority_title: str, action: Action) -> PlanTableRow:
    measures = "\n".join(measure.title for measure in action.success_measures.all())
    return (
        priority_title, action.title, action.owner_name, _timescale(action), measures,
        _progress(action),
    )  # fmt: skip


def plan_table_rows(strategy: Strategy) -> list[PlanTableRow]:
    """One row per action and priority, priorities in their order; an action of no
    priority comes last with the priority cell empty (the import will ask for one)."""
    actions = strategy.actions.order_by("reference", "id").prefetch_related(
        "priorities", "success_measures", "progress_updates"
    )
    rows: list[tuple[tuple[int, int], PlanTableRow]] = []
    for action in actions:
        priorities = sorted(action.priorities.all(), key=lambda p: (p.order, p.pk))
        for priority in priorities:
            rows.append(((priority.order, priority.pk), _row(priority.title, action)))
        if not priorities:
            rows.append(((10**6, 0), _row("", action)))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]
