"""The projection follows the casework: connected in MeasuresConfig.ready()."""

from typing import Any

from opensend.measures.live.facts.refresh import facts_refresh

__all__ = ["case_facts_follow"]


def case_facts_follow(sender: object, *, case_id: int, **kwargs: Any) -> None:
    """Refresh the changed case's fact rows, synchronously, in the casework's transaction."""
    facts_refresh(case_ids=[case_id])
