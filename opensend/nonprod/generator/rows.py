"""One batch of rows and how it is saved: bulk_create for rows others point to, COPY
for the leaf rows (events, steps, plan versions...), which are most of the data."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone
from psycopg.types.json import Jsonb

from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    CaseStep,
    ClockException,
    Dispute,
    EhcRequest,
    PanelAttendance,
    PanelDecision,
    PhaseTransfer,
    Plan,
    PlanVersion,
)
from opensend.people.models import (
    Child,
    ChildNeed,
    Enrolment,
    FamilyMember,
    User,
    YoungPersonConsent,
)

BATCH = 2000


@dataclass
class Rows:
    """Everything one batch of children adds, in the order it must be saved."""

    users: list[User] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    needs: list[ChildNeed] = field(default_factory=list)
    enrolments: list[Enrolment] = field(default_factory=list)
    family: list[FamilyMember] = field(default_factory=list)
    consents: list[YoungPersonConsent] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    requests: list[EhcRequest] = field(default_factory=list)
    panels: list[PanelDecision] = field(default_factory=list)
    advice: list[AdviceRequest] = field(default_factory=list)
    exceptions: list[ClockException] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    reviews: list[AnnualReview] = field(default_factory=list)
    transfers: list[PhaseTransfer] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    # Leaf rows (nothing refers to them) are plain tuples, written with COPY: there are
    # about 40 of them per child and building model instances would dominate the time.
    attendance: list[tuple[PanelDecision, str, str]] = field(default_factory=list)
    versions: list[tuple[Plan, int, str, dt.date | None, dict[str, Any], User]] = field(
        default_factory=list
    )
    events: list[tuple[Case, str, dt.date, dict[str, Any], User | None]] = field(
        default_factory=list
    )
    event_refs: list[tuple[dict[str, Any], str, Model]] = field(default_factory=list)
    steps: list[tuple[Case, str, dt.date, dt.date | None, str, str]] = field(default_factory=list)

    def save(self) -> None:
        for name in (
            "users",
            "children",
            "family",
            "consents",
            "cases",
            "requests",
            "panels",
            "advice",
            "exceptions",
            "plans",
            "reviews",
            "transfers",
            "disputes",
        ):
            objects = getattr(self, name)
            if objects:
                type(objects[0]).objects.bulk_create(objects, batch_size=BATCH)
        for data, key, obj in self.event_refs:
            data[key] = obj.pk
        now = timezone.now()
        _copy(
            ChildNeed,
            ("child_id", "need", "rank"),
            ((n.child.pk, n.need, n.rank) for n in self.needs),
        )
        _copy(
            Enrolment,
            ("child_id", "setting_id", "start", "end"),
            ((e.child.pk, e.setting_id, e.start, e.end) for e in self.enrolments),
        )
        _copy(
            PanelAttendance,
            ("decision_id", "agency", "name"),
            ((d.pk, agency, name) for d, agency, name in self.attendance),
        )
        _copy(
            PlanVersion,
            ("plan_id", "number", "kind", "issued_on", "sections", "created_by_id", "created_at"),
            (
                (plan.pk, number, kind, issued, Jsonb(sections), user.pk, now)
                for plan, number, kind, issued, sections, user in self.versions
            ),
        )
        _copy(
            CaseEvent,
            ("case_id", "kind", "occurred_on", "data", "recorded_by_id", "recorded_at"),
            (
                (case.pk, kind, on, Jsonb(data), user.pk if user else None, now)
                for case, kind, on, data, user in self.events
            ),
        )
        _copy(
            CaseStep,
            ("case_id", "step", "due", "done", "status", "rule"),
            ((case.pk, *rest) for case, *rest in self.steps),
        )


def _copy(model: type[Model], columns: tuple[str, ...], rows: Any) -> None:
    """COPY rows into the model's table (PostgreSQL only, as OpenSEND is)."""
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
