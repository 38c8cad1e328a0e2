"""Is this process ready to serve? (/readyz, issue 13 item 6; docs/deploy.md)

Three checks, each answering "ok" or why not, and none touching personal data: the
database answers, every migration is applied, and a background worker has reported
within READYZ_WORKER_MAX_AGE seconds. The worker is Procrastinate's (core/jobs.py,
`manage.py procrastinate worker`): each running worker updates its row in
procrastinate_workers every few seconds (Procrastinate's own heartbeat) and deletes it
when it stops, so the newest heartbeat says whether one is alive.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

Check = Callable[[], str]
OK = "ok"


def database_check() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unreachable"
    return OK


def migrations_check() -> str:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return "unreachable"
    return f"{len(plan)} not applied" if plan else OK


def worker_check() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT extract(epoch FROM now() - max(last_heartbeat)) FROM procrastinate_workers"
            )
            (age,) = cursor.fetchone()
    except DatabaseError:
        return "unreachable"
    if age is None:
        return "no worker running"
    if age > settings.READYZ_WORKER_MAX_AGE:
        return f"last heartbeat {int(age)} seconds ago"
    return OK


CHECKS: dict[str, Check] = {
    "database": database_check,
    "migrations": migrations_check,
    "worker": worker_check,
}


def readiness() -> dict[str, str]:
    """Each check's answer; the database's failure is the others' too, so stop there."""
    answers = {"database": database_check()}
    if answers["database"] != OK:
        return answers | {name: "not checked" for name in CHECKS if name != "database"}
    return answers | {name: check() for name, check in CHECKS.items() if name != "database"}
