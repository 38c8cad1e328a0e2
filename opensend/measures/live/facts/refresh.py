"""Keeping the projection current: a few cases at a time, or a whole area."""

from collections.abc import Callable, Collection
from typing import Final

from django.db import connection, transaction
from django.db.models import Q

from opensend.casework.models import Case
from opensend.measures.live.facts.rows import facts_of
from opensend.measures.models import (
    AdviceFact,
    CaseFact,
    DisputeFact,
    PlanFact,
    RequestFact,
    ReviewFact,
    TransferFact,
)

__all__ = ["BATCH", "FACT_MODELS", "facts_rebuild", "facts_refresh", "facts_version_bump"]

FACT_MODELS: Final = (
    CaseFact,
    RequestFact,
    PlanFact,
    AdviceFact,
    ReviewFact,
    TransferFact,
    DisputeFact,
)
BATCH: Final = 2000  # cases per batch when rebuilding an area


BUMP: Final = """INSERT INTO measures_factsversion (local_authority_id, version) VALUES (%s, 1)
ON CONFLICT (local_authority_id) DO UPDATE SET version = measures_factsversion.version + 1"""


def facts_version_bump(local_authority_ids: Collection[int]) -> None:
    """The areas' fact rows changed: figures cached for an older version are not used."""
    with connection.cursor() as cursor:
        for local_authority_id in sorted(set(local_authority_ids)):
            cursor.execute(BUMP, [local_authority_id])


def _replace(scope: Q, case_filter: dict[str, object]) -> int:
    built = facts_of(scope)
    before = CaseFact.objects.filter(**case_filter).values_list("local_authority_id", flat=True)
    areas = {*before, *(row.local_authority_id for row in built[CaseFact])}
    for model in FACT_MODELS:
        model.objects.filter(**case_filter).delete()
        model.objects.bulk_create(built[model], batch_size=5000)
    facts_version_bump(areas)
    return sum(len(rows) for rows in built.values())


@transaction.atomic
def facts_refresh(*, case_ids: Collection[int]) -> int:
    """Rebuild the fact rows of these cases (a case that no longer exists loses its rows);
    returns how many rows were written."""
    ids = sorted(set(case_ids))
    return _replace(Q(id__in=ids), {"case_id__in": ids})


def facts_rebuild(
    *, local_authority_id: int, progress: Callable[[int], object] | None = None
) -> int:
    """Rebuild every fact row of one area from its casework, in batches of cases, in one
    transaction (idempotent: the area's rows are replaced). ``progress`` is told how many
    cases each batch covered."""
    ids = list(
        Case.objects.filter(local_authority_id=local_authority_id)
        .order_by("id")
        .values_list("id", flat=True)
    )
    written = 0
    with transaction.atomic():
        for model in FACT_MODELS:
            model.objects.filter(local_authority_id=local_authority_id).delete()
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            built = facts_of(Q(id__in=batch))
            for model in FACT_MODELS:
                model.objects.bulk_create(built[model], batch_size=5000)
                written += len(built[model])
            if progress is not None:
                progress(len(batch))
        facts_version_bump([local_authority_id])
    return written
