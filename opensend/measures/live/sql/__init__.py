"""Indicators counted by the database over the projection (docs/measures-sql.md)."""

from opensend.measures.live.sql.engine import case_ids_behind, facts_version, sql_figures

__all__ = ["case_ids_behind", "facts_version", "sql_figures"]
