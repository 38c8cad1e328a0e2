"""Importing an action plan: keep the rows read as a pending import, remember the table
and columns chosen, and save the readable rows in one transaction (docs/strategy-import.md).

Importing the same rows again changes nothing: priorities are matched by title, actions
by title within the strategy, success measures by wording within their action, and a
progress update is added only when it differs from the action's latest one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.strategy.imports.mapping import (
    FIELDS,
    PlanRow,
    columns_guess,
    plan_rows_read,
)
from opensend.strategy.imports.models import PendingImport
from opensend.strategy.imports.tables import SourceRow, SourceTable, plan_tables_read
from opensend.strategy.models import (
    Action,
    MeasureKind,
    Priority,
    ProgressUpdate,
    Strategy,
    SuccessMeasure,
)


@dataclass
class ImportReport:
    priorities_created: int = 0
    actions_created: int = 0
    actions_changed: int = 0
    measures_created: int = 0
    updates_added: int = 0
    rows_imported: int = 0
    rows_left_out: int = 0

    @property
    def changed_nothing(self) -> bool:
        return not (
            self.priorities_created
            or self.actions_created
            or self.actions_changed
            or self.measures_created
            or self.updates_added
        )


def _table_json(table: SourceTable) -> dict[str, Any]:
    return {
        "number": table.number,
        "name": table.name,
        "header": list(table.header),
        "header_row": table.header_row,
        "rows": [
            {"row": row.row, "cells": list(row.cells), "section": row.section} for row in table.rows
        ],
    }


def pending_tables(pending: PendingImport) -> list[SourceTable]:
    return [
        SourceTable(
            number=table["number"],
            name=table["name"],
            header=tuple(table["header"]),
            header_row=table["header_row"],
            rows=tuple(
                SourceRow(table["number"], row["row"], tuple(row["cells"]), row["section"])
                for row in table["rows"]
            ),
        )
        for table in pending.tables
    ]


def pending_table(pending: PendingImport) -> SourceTable | None:
    chosen = [t for t in pending_tables(pending) if t.number == pending.table_number]
    return chosen[0] if chosen else None


def pending_import_create(*, strategy: Strategy, actor: Any, upload: Any) -> PendingImport:
    """Read the uploaded plan (UploadRefused / UnreadablePlanFile if it cannot be) and keep
    its rows; with one table, that table is chosen and its columns guessed."""
    tables = plan_tables_read(upload)
    pending = PendingImport.objects.create(
        strategy=strategy,
        uploaded_by=actor,
        file_name=str(upload.name)[-200:],
        tables=[_table_json(table) for table in tables],
    )
    if len(tables) == 1:
        pending_table_choose(pending=pending, table_number=tables[0].number)
    return pending


def pending_table_choose(*, pending: PendingImport, table_number: int) -> None:
    chosen = [table for table in pending_tables(pending) if table.number == table_number]
    if not chosen:
        raise ValueError(f"There is no table {table_number}")
    pending.table_number = table_number
    pending.mapping = columns_guess(chosen[0].header)
    pending.save(update_fields=["table_number", "mapping", "updated_at"])


def pending_columns_map(*, pending: PendingImport, mapping: Mapping[str, int | None]) -> None:
    pending.mapping = {name: mapping.get(name) for name in FIELDS}
    pending.save(update_fields=["mapping", "updated_at"])


def pending_preview(pending: PendingImport) -> list[PlanRow]:
    table = pending_table(pending)
    if table is None:
        return []
    start = pending.strategy.period_start
    return plan_rows_read(table, pending.mapping, strategy_start=start)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _priority(strategy: Strategy, title: str, report: ImportReport) -> Priority:
    for priority in strategy.priorities.all():
        if _key(priority.title) == _key(title):
            return priority
    order = (strategy.priorities.aggregate(Max("order"))["order__max"] or 0) + 1
    report.priorities_created += 1
    return Priority.objects.create(strategy=strategy, title=title, order=order)


def _action_fields(row: PlanRow) -> dict[str, Any]:
    timescale = row.timescale
    return {
        "owner_name": row.owner,
        "timescale": row.timescale_text,
        "timescale_start": timescale.start if timescale else None,
        "timescale_end": timescale.end if timescale else None,
    }


def _action(strategy: Strategy, row: PlanRow, report: ImportReport) -> Action:
    fields = _action_fields(row)
    found = next((a for a in strategy.actions.all() if _key(a.title) == _key(row.action)), None)
    if found is None:
        report.actions_created += 1
        return Action.objects.create(strategy=strategy, title=row.action, **fields)
    if any(getattr(found, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(found, name, value)
        found.save()
        report.actions_changed += 1
    return found


def _measures(action: Action, row: PlanRow, report: ImportReport) -> None:
    known = {_key(measure.title) for measure in action.success_measures.all()}
    for line in (line.strip() for line in row.success_measure.splitlines()):
        if line and _key(line) not in known:
            SuccessMeasure.objects.create(
                strategy=action.strategy, action=action, title=line, kind=MeasureKind.QUALITATIVE
            )
            known.add(_key(line))
            report.measures_created += 1


def _progress(
    action: Action, row: PlanRow, actor: Any, today: dt.date, report: ImportReport
) -> None:
    if not row.progress_status:
        return
    latest = action.progress_updates.order_by("-reported_on", "-id").first()
    if latest and (latest.status, latest.narrative) == (
        row.progress_status,
        row.progress_narrative,
    ):
        return
    ProgressUpdate.objects.create(
        action=action,
        reported_on=today,
        reported_by=actor,
        status=row.progress_status,
        narrative=row.progress_narrative,
    )
    report.updates_added += 1


def _row_save(
    strategy: Strategy, row: PlanRow, actor: Any, today: dt.date, report: ImportReport
) -> None:
    priority = _priority(strategy, row.priority, report)
    action = _action(strategy, row, report)
    if not action.priorities.filter(pk=priority.pk).exists():
        action.priorities.add(priority)
    _measures(action, row, report)
    _progress(action, row, actor, today, report)
    report.rows_imported += 1


@transaction.atomic
def plan_import(*, pending: PendingImport, actor: Any, today: dt.date) -> ImportReport:
    """Save every readable row of the pending import, all in one transaction, and forget
    the pending import; the rows with problems are left out (the preview named them)."""
    strategy = Strategy.objects.select_for_update().get(pk=pending.strategy_id)
    report = ImportReport()
    for row in pending_preview(pending):
        if row.problems:
            report.rows_left_out += 1
        else:
            _row_save(strategy, row, actor, today, report)
    audit(
        actor=actor,
        action=AuditAction.CREATE,
        obj=strategy,
        why="Imported an action plan",
        detail={"file": pending.file_name, **asdict(report)},
    )
    pending.delete()
    return report


def pending_import_discard(*, pending: PendingImport) -> None:
    pending.delete()
