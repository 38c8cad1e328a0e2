"""The read-side projection of the casework: fact rows the SQL engine counts.

``facts_refresh(case_ids=...)`` rebuilds the rows of some cases (the casework's
``case_changed`` signal calls it in the same transaction as the change);
``facts_rebuild(local_authority_id=...)`` rebuilds a whole area (``manage.py
rebuild_facts``). Every field is derived from the casework records by the same pure
statutory functions the Python engine uses (see docs/measures-sql.md).
"""

from opensend.measures.live.facts.refresh import FACT_MODELS, facts_rebuild, facts_refresh

__all__ = ["FACT_MODELS", "facts_rebuild", "facts_refresh"]
