"""Entry points for the inspection lists: scoped children in, an audited file out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.measures.returns.inspection.collect import list1_rows, list2_rows
from opensend.measures.returns.inspection.columns import InspectionRow
from opensend.measures.returns.inspection.writers import csv_list_bytes, workbook_lists_bytes
from opensend.people.models import Child, Organisation, User
from opensend.people.rules import visible_children

__all__ = [
    "FORMATS",
    "InspectionFile",
    "area_children",
    "inspection_csv",
    "inspection_workbook",
    "user_children",
]

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
_ROWS = {1: list1_rows, 2: list2_rows}


@dataclass(frozen=True)
class InspectionFile:
    content: bytes
    file_name: str
    content_type: str
    rows: int


def area_children(local_authority: Organisation) -> QuerySet[Child]:
    return Child.objects.filter(local_authority=local_authority)


def user_children(user: User, local_authority: Organisation, today: dt.date) -> QuerySet[Child]:
    return visible_children(user, today).filter(local_authority=local_authority)


def inspection_rows(
    children: QuerySet[Child], list_number: int, on: dt.date
) -> list[InspectionRow]:
    if list_number not in _ROWS:
        raise ValueError(f"there is no inspection list {list_number}")
    return _ROWS[list_number](children, on)


def _audit(
    *, actor: object, why: str, request: object, what: str, file_format: str, on: dt.date,
    local_authority: Organisation, rows: list[InspectionRow],
) -> None:
    audit(
        actor=actor,
        action=AuditAction.EXPORT,
        why=why,
        request=request,
        detail={
            "export": what,
            "format": file_format,
            "on": on.isoformat(),
            "local_authority": local_authority.la_code,
            "children": sorted({row.child_id for row in rows}),
        },
    )


def inspection_workbook(
    *,
    children: QuerySet[Child],
    local_authority: Organisation,
    on: dt.date,
    actor: object,
    why: str,
    request: object = None,
) -> InspectionFile:
    """Lists 1 and 2 in one .xlsx (sheets List_1, List_2, Notes), after the audit row."""
    lists = {number: inspection_rows(children, number, on) for number in _ROWS}
    everyone = [row for rows in lists.values() for row in rows]
    _audit(actor=actor, why=why, request=request, what="inspection lists 1 and 2",
           file_format="xlsx", on=on, local_authority=local_authority, rows=everyone)
    code = local_authority.la_code or "LA"
    return InspectionFile(
        content=workbook_lists_bytes(lists, on),
        file_name=f"inspection_lists_{code}_{on:%Y%m%d}.xlsx",
        content_type=FORMATS["xlsx"],
        rows=len(everyone),
    )


def inspection_csv(
    *,
    children: QuerySet[Child],
    local_authority: Organisation,
    list_number: int,
    on: dt.date,
    actor: object,
    why: str,
    request: object = None,
) -> InspectionFile:
    """One list as CSV (the workbook's headings), after writing the audit row."""
    rows = inspection_rows(children, list_number, on)
    _audit(actor=actor, why=why, request=request, what=f"inspection list {list_number}",
           file_format="csv", on=on, local_authority=local_authority, rows=rows)
    code = local_authority.la_code or "LA"
    return InspectionFile(
        content=csv_list_bytes(rows, list_number),
        file_name=f"inspection_list{list_number}_{code}_{on:%Y%m%d}.csv",
        content_type=FORMATS["csv"],
        rows=len(rows),
    )
