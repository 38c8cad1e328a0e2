"""Entry points for the inspection lists: scoped children in, an audited file out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.measures.returns.inspection.collect import list1_rows, list2_rows
from opensend.measures.returns.inspection.columns import InspectionRow
from opensend.measures.returns.inspection.writers import csv_bytes, xlsx_bytes
from opensend.people.models import Child, Organisation, User
from opensend.people.rules import visible_children

__all__ = ["FORMATS", "InspectionFile", "area_children", "inspection_file", "user_children"]

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


def inspection_file(
    *,
    children: QuerySet[Child],
    local_authority: Organisation,
    list_number: int,
    file_format: str,
    on: dt.date,
    actor: object,
    why: str,
    request: object = None,
) -> InspectionFile:
    """The list as an Excel or CSV file, after writing the audit row naming its children."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown format {file_format}")
    rows = inspection_rows(children, list_number, on)
    audit(
        actor=actor,
        action=AuditAction.EXPORT,
        why=why,
        request=request,
        detail={
            "export": f"inspection list {list_number}",
            "format": file_format,
            "on": on.isoformat(),
            "local_authority": local_authority.la_code,
            "children": sorted(row.child_id for row in rows),
        },
    )
    write = xlsx_bytes if file_format == "xlsx" else csv_bytes
    code = local_authority.la_code or "LA"
    return InspectionFile(
        content=write(rows, list_number),
        file_name=f"inspection_list{list_number}_{code}_{on:%Y%m%d}.{file_format}",
        content_type=FORMATS[file_format],
        rows=len(rows),
    )
