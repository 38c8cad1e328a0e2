"""Indicators counted by the database over the projection (docs/measures-sql.md)."""

from opensend.measures.live.sql.engine import (
    case_ids_behind,
    facts_version,
    sql_figures,
    sql_figures_every_breakdown,
)

__all__ = ["case_ids_behind", "facts_version", "sql_figures", "sql_figures_every_breakdown"]
