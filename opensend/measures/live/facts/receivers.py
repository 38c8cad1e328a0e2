"""The projection follows the casework and the children's records: connected in
MeasuresConfig.ready()."""

from typing import Any

from opensend.casework.models import Case
from opensend.measures.live.facts.refresh import facts_refresh
from opensend.people.models import ChildRecordChange

__all__ = ["case_facts_follow", "child_facts_follow"]


def case_facts_follow(sender: object, *, case_id: int, **kwargs: Any) -> None:
    """Refresh the changed case's fact rows, synchronously, in the casework's transaction."""
    facts_refresh(case_ids=[case_id])


def child_facts_follow(
    sender: object, *, instance: ChildRecordChange, created: bool, **kwargs: Any
) -> None:
    """A child's record changed (details, needs, setting: each change is an append-only
    ChildRecordChange, saved in the change's transaction): refresh the child's cases'
    fact rows, which keep the breakdowns' groups of the child."""
    if created:
        cases = Case.objects.filter(child_id=instance.child_id).values_list("pk", flat=True)
        facts_refresh(case_ids=list(cases))
