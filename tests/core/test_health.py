"""/healthz and /readyz (issue 13, item 6; docs/deploy.md)."""

import json
import logging

import pytest
from django.db import connection
from django.test import Client

from opensend.core import logs, readiness


def _beat(seconds_ago: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_workers (last_heartbeat)"
            " VALUES (now() - make_interval(secs => %s))",
            [seconds_ago],
        )


def test_healthz_says_the_process_is_alive_without_the_database(client: Client, monkeypatch):
    monkeypatch.setattr(readiness, "database_check", lambda: pytest.fail("touched the database"))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ready_with_a_recent_worker_heartbeat(client: Client, db):
    _beat(seconds_ago=5)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "worker": "ok"},
    }


def test_readyz_is_not_ready_without_a_worker(client: Client, db):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "no worker running"


def test_readyz_is_not_ready_when_the_last_heartbeat_is_old(client: Client, db):
    _beat(seconds_ago=600)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"].startswith("last heartbeat 6")


def test_readyz_is_not_ready_when_a_migration_is_not_applied(client: Client, db, monkeypatch):
    _beat(seconds_ago=1)
    monkeypatch.setattr(
        readiness.MigrationExecutor, "migration_plan", lambda self, targets: [("core", "x")]
    )
    assert client.get("/readyz").json()["checks"]["migrations"] == "1 not applied"


def test_readyz_says_so_when_the_database_is_unreachable(client: Client, db, monkeypatch):
    from django.db import OperationalError

    class Unreachable:
        def cursor(self) -> None:
            raise OperationalError("connection refused")

    monkeypatch.setattr(readiness, "connection", Unreachable())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "unreachable",
        "migrations": "not checked",
        "worker": "not checked",
    }


# --- JSON logs with a request id ---------------------------------------------------------


def test_each_response_carries_a_request_id_and_keeps_a_well_formed_one(client: Client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    given = client.get("/healthz", headers={"X-Request-ID": "lb-1234abcd"})
    assert given["X-Request-ID"] == "lb-1234abcd"
    forged = client.get("/healthz", headers={"X-Request-ID": "x\r\nSet-Cookie: a=b"})
    assert len(forged["X-Request-ID"]) == 32


def test_log_lines_are_json_with_the_request_id(client: Client, monkeypatch):
    lines: list[str] = []
    formatter = logs.JsonFormatter()

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(formatter.format(record))

    handler = Capture()
    handler.addFilter(logs.RequestIdFilter())
    logger = logging.getLogger("opensend.test")
    logger.addHandler(handler)
    monkeypatch.setattr(
        "opensend.core.views.health.readiness",
        lambda: logger.warning("checking %s", "readiness") or {"database": "ok"},
    )
    try:
        response = client.get("/readyz")
    finally:
        logger.removeHandler(handler)
    line = json.loads(lines[0])
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["level"], line["logger"], line["message"]) == (
        "WARNING",
        "opensend.test",
        "checking readiness",
    )


def test_an_exception_is_logged_without_the_row_values_postgresql_quotes():
    import sys

    try:
        raise ValueError(
            'duplicate key value violates unique constraint "people_user_email_key"\n'
            "DETAIL:  Key (email)=(paula.parent@example.org) already exists."
        )
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
        record.exc_info = sys.exc_info()
    line = json.loads(logs.JsonFormatter().format(record))
    assert "paula" not in json.dumps(line)
    assert line["exception"]["type"] == "builtins.ValueError"
    assert "people_user_email_key" in line["exception"]["message"]
