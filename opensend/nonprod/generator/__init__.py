"""The NONPROD demo-area generator: a fictional local area, Northmoor, with its schools,
partners, staff, families, children and EHC cases. Everything is synthetic.

    report = generate_area(children=200, seed=1, today=date(2026, 3, 2))

Same seed and today, same data (see store.area_digest). The generator does not call the
casework services one event at a time: it plans each child's journey (cases.py), writes
the rows the services would have written (records.py) with bulk_create in batches, and
stores the statutory clock's steps computed by opensend.statutory.clock.
"""

import datetime as dt
import os
import random
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.measures.live.facts import facts_rebuild
from opensend.nonprod.generator import showcase as showcase_module
from opensend.nonprod.generator.accounts import AccountBuilder
from opensend.nonprod.generator.area import Area, AreaBuilder, Persona
from opensend.nonprod.generator.cases import JourneyPlanner
from opensend.nonprod.generator.children import ChildFactory
from opensend.nonprod.generator.records import CaseRecorder
from opensend.nonprod.generator.rows import Rows
from opensend.nonprod.generator.store import (
    GENERATED_WHY,
    area_digest,
    area_reset,
    demo_la,
    generation_record,
    tables_analyze,
)
from opensend.people.models import User

__all__ = [
    "AreaExistsError",
    "GenerationReport",
    "NonprodDisabledError",
    "area_digest",
    "area_reset",
    "demo_la",
    "demo_password",
    "generate_area",
    "generation_record",
]

DEFAULT_PASSWORD = "opensend-demo-2026"  # noqa: S105 - the published demo password
BATCH_CHILDREN = 2000
MINIMUM_CHILDREN = 20  # room for the showcase children and a few more


class NonprodDisabledError(RuntimeError):
    """Demo data is never generated where settings.NONPROD_ENABLED is False."""


class AreaExistsError(RuntimeError):
    """The demo area is already there: pass reset=True to replace it."""


@dataclass
class GenerationReport:
    seed: int
    children: int
    today: dt.date
    seconds: float
    personas: dict[str, Persona] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)


def _caseworker(rng: random.Random, area: Area) -> User:
    return rng.choices(area.caseworkers, weights=area.caseworker_weights)[0]


def _personas(area: Area) -> None:
    """Family sign-ins, found once their users exist."""
    wanted = [
        ("parent", "Parent (child mid-assessment)", showcase_module.PARENT_EMAIL),
        (
            "young_person",
            "Young person (consent given to a parent)",
            showcase_module.YOUNG_PERSON_EMAIL,
        ),
        (
            "parent_of_young_person",
            "Parent of that young person",
            showcase_module.PARENT_OF_YOUNG_PERSON_EMAIL,
        ),
        (
            "young_person_no_consent",
            "Young person (no consent given)",
            showcase_module.YOUNG_PERSON_NO_CONSENT_EMAIL,
        ),
    ]
    for key, label, email in wanted:
        user = User.objects.filter(email=email).first()
        if user is not None:
            area.personas[key] = Persona(label, user)


def generate_area(
    *, children: int, seed: int, today: dt.date, reset: bool = False, progress: bool = True
) -> GenerationReport:
    """Create the demo area. Refuses when NONPROD is off or the area exists (unless reset)."""
    if not settings.NONPROD_ENABLED:
        raise NonprodDisabledError("NONPROD_ENABLED is False: demo data is not allowed here.")
    if children < MINIMUM_CHILDREN:
        raise ValueError(f"Generate at least {MINIMUM_CHILDREN} children.")
    started = time.monotonic()
    if reset:
        with transaction.atomic():
            area_reset()
    elif demo_la() is not None:
        raise AreaExistsError("The demo area already exists: use --reset to replace it.")
    generation = _Generation(seed=seed, children=children, today=today)
    counts = generation.run(progress=progress)
    area = generation.area
    # The rows were written in bulk, past the casework services and their signal: build
    # the measures' projection of the area from them (docs/measures-sql.md).
    counts["measures facts"] = facts_rebuild(local_authority_id=area.la.pk)
    tables_analyze()
    _personas(area)
    audit(
        actor=None,
        action=AuditAction.CREATE,
        obj=area.la,
        why=GENERATED_WHY,
        detail={"seed": seed, "children": children, "today": today.isoformat()},
    )
    return GenerationReport(
        seed=seed,
        children=children,
        today=today,
        seconds=time.monotonic() - started,
        personas=area.personas,
        counts=counts,
    )


class _Generation:
    """One run: one random stream, drawn in the same order every time."""

    COUNTED = ("children", "cases", "events", "steps", "versions", "advice", "reviews")

    def __init__(self, *, seed: int, children: int, today: dt.date) -> None:
        self.children = children
        self.rng = rng = random.Random(seed)
        self.accounts = AccountBuilder(rng, children=children, seed=seed, password=demo_password())
        with transaction.atomic():
            self.area = area = AreaBuilder(rng, children=children).organisations()
            self.accounts.staff_members(area)
            self.accounts.sencos(area, showcase_module.demo_school(area))
            self.accounts.save_staff(area)
        self.factory = ChildFactory(rng, area, self.accounts, today)
        partners = {
            "psychology": area.ep_service,
            "health": area.nhs_trust,
            "social_care": area.social_care,
        }
        self.planner = JourneyPlanner(rng, today, partners)
        self.recorder = CaseRecorder(rng, area, today)
        self.showcases = showcase_module.showcases(area)

    def run(self, *, progress: bool) -> dict[str, int]:
        counts = dict.fromkeys(self.COUNTED, 0)
        counts["family accounts"] = 0
        with tqdm(
            total=self.children, unit="child", disable=not progress, desc="Generating"
        ) as bar:
            for first in range(0, self.children, BATCH_CHILDREN):
                rows = self._batch(range(first, min(self.children, first + BATCH_CHILDREN)))
                with transaction.atomic():
                    rows.save()
                for name in self.COUNTED:
                    counts[name] += len(getattr(rows, name))
                counts["family accounts"] += len(rows.users)
                bar.update(len(rows.children))
        return counts

    def _batch(self, indexes: range) -> Rows:
        rows = Rows()
        for index in indexes:
            special = self.showcases[index] if index < len(self.showcases) else None
            if special is None:
                draft = self.factory.child(_caseworker(self.rng, self.area))
                journey = self.planner.plan(draft)
            else:
                draft = self.factory.child(self.area.caseworkers[0], special.spec)
                journey = showcase_module.showcase_journey(self.planner, draft, special.story)
            rows.children.append(draft.child)
            rows.needs.extend(draft.need_rows())
            rows.enrolments.extend(draft.enrolments)
            rows.family.extend(draft.family)
            rows.consents.extend(draft.consents)
            self.recorder.record(draft, journey, rows)
        rows.users, self.accounts.users = self.accounts.users, []
        return rows
