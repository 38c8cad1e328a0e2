"""Indicators counted by the database over the projection (docs/measures-sql.md)."""

from opensend.measures.live.sql.engine import sql_figures

__all__ = ["sql_figures"]
