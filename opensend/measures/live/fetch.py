"""Fetching many plain tuples fast.

``values_list`` hands rows over 100 at a time and passes each through Django's result
machinery; for a national-scale area (hundreds of thousands of rows) that costs more than
the query. ``tuples`` runs the queryset's own SQL and takes every row at once. Use it
only for columns that need no conversion from the database (integers, text, booleans,
dates): JSON must be read as text (``KT``) first.
"""

from typing import Any

from django.db import connections
from django.db.models import QuerySet

__all__ = ["tuples"]


def tuples(queryset: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """The rows of a ``values_list`` queryset, as the database driver returns them."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
