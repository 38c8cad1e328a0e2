"""Reads that scale out to a PostgreSQL read replica (docs/adr/0020-measures-in-sql.md).

With ``DATABASE_REPLICA_URL`` set, reads of the measures' read models (the projection the
SQL engine counts, snapshots, comparators: the dashboard, public measures pages, API and
snapshot reads) go to the ``replica`` database, except:

* inside a transaction on the primary (a write in progress reads what it wrote);
* in a request that writes (any method but GET/HEAD/OPTIONS), and in the requests of the
  same session for ``REPLICA_PIN_SECONDS`` after it: the user sees their own change even
  while the standby is a little behind.

Every write goes to the primary. With no replica configured nothing changes.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final

from django.conf import settings
from django.db import connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

__all__ = [
    "PINNED_UNTIL",
    "REPLICA",
    "PrimaryAfterWriteMiddleware",
    "ReadReplicaRouter",
    "primary_reads",
]

REPLICA: Final = "replica"
REPLICA_APPS: Final = frozenset({"measures"})
PINNED_UNTIL: Final = "db_primary_until"  # session key: reads stay on the primary until
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
_pinned: ContextVar[bool] = ContextVar("opensend_reads_pinned_to_primary", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def primary_reads() -> Iterator[None]:
    """Read from the primary inside this block (e.g. right after one's own write)."""
    token = _pinned.set(True)
    try:
        yield
    finally:
        _pinned.reset(token)


class ReadReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if (
            model._meta.app_label in REPLICA_APPS
            and replica_configured()
            and not _pinned.get()
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return None

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA


class PrimaryAfterWriteMiddleware:
    """Pins a session's reads to the primary while it writes and for a short while after."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_configured():
            return self.get_response(request)
        writes = request.method not in SAFE_METHODS
        session = getattr(request, "session", None)
        recent = session is not None and session.get(PINNED_UNTIL, 0) > time.time()
        token = _pinned.set(writes or recent)
        try:
            response = self.get_response(request)
        finally:
            _pinned.reset(token)
        if writes and session is not None and (session.session_key or session.modified):
            session[PINNED_UNTIL] = time.time() + settings.REPLICA_PIN_SECONDS
        return response
