"""Finding 2 of issue 13 (security.md goal 9): the application's database role cannot
tamper with the audit log.

The tests connect as the application role (tests/conftest.py django_db_setup); the test
database was created and migrated by the owner role. Before the fix the application
connected as the superuser that owned the audit table, and every statement below worked.
"""

from collections.abc import Iterator

import psycopg
import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from opensend.config import embedded_db
from opensend.core.models import AuditAction, AuditEvent

TAMPERING = [
    "ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_append_only",
    "ALTER TABLE core_auditevent DISABLE TRIGGER ALL",
    "ALTER TABLE core_auditevent DISABLE TRIGGER USER",
    "DROP TRIGGER core_auditevent_append_only ON core_auditevent",
    "DROP TRIGGER core_auditevent_no_truncate ON core_auditevent",
    "DROP FUNCTION opensend_forbid_change() CASCADE",
    "CREATE OR REPLACE FUNCTION opensend_forbid_change() RETURNS trigger"
    " AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
    "SET session_replication_role = replica",
    "SET LOCAL session_replication_role = replica",
    "ALTER TABLE core_auditevent OWNER TO CURRENT_USER",
    "ALTER TABLE core_auditevent RENAME TO core_auditevent_old",
    "DROP TABLE core_auditevent",
    "CREATE TABLE public.core_auditevent_copy (id bigint)",
    "UPDATE core_auditevent SET why = 'rewritten'",
    "DELETE FROM core_auditevent",
    "TRUNCATE core_auditevent",
    "INSERT INTO django_migrations (app, name, applied) VALUES ('core', 'x', now())",
    "DELETE FROM django_migrations",
]


def _refused(statement: str) -> str:
    """Run `statement` in a savepoint as the application role; return the refusal."""
    with (
        pytest.raises(DatabaseError) as refusal,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    return str(refusal.value)


@pytest.fixture
def audit_row(db: None) -> AuditEvent:
    return AuditEvent.objects.create(action=AuditAction.READ, why="case page", object_id="1")


def test_the_tests_run_as_the_application_role_which_is_no_superuser(db: None):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (settings.DATABASE_APP_ROLE, False)


@pytest.mark.parametrize("statement", TAMPERING)
def test_the_application_role_cannot_tamper_with_the_audit_log(
    audit_row: AuditEvent, statement: str
):
    refusal = _refused(statement)
    assert "permission denied" in refusal or "must be owner" in refusal, refusal
    assert AuditEvent.objects.get(pk=audit_row.pk).why == "case page"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'core_auditevent_%'"
            " AND tgenabled = 'O'"
        )
        assert cursor.fetchone() == (2,)


def test_the_application_role_owns_nothing(db: None):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole"
            " UNION ALL SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole"
            " UNION ALL SELECT count(*) FROM pg_type WHERE typowner = current_user::regrole"
            " UNION ALL SELECT count(*) FROM pg_namespace WHERE nspowner = current_user::regrole"
        )
        assert [count for (count,) in cursor.fetchall()] == [0, 0, 0, 0]


def test_the_application_role_may_read_and_add_audit_rows(audit_row: AuditEvent):
    assert AuditEvent.objects.filter(pk=audit_row.pk).exists()


def test_every_table_a_migration_made_is_granted_to_the_application_role(db: None):
    """The default privileges reach the tables made after core 0006 (Procrastinate's too)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            " AND tablename NOT IN ('core_auditevent', 'django_migrations')"
            " AND NOT has_table_privilege(format('%I.%I', schemaname, tablename),"
            " 'SELECT, INSERT, UPDATE, DELETE')"
        )
        assert cursor.fetchall() == []
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            " AND tablename LIKE 'procrastinate_%'"
            " AND has_table_privilege(format('%I.%I', schemaname, tablename),"
            " 'SELECT, INSERT, UPDATE, DELETE')"
        )
        assert cursor.fetchone()[0] >= 3


def test_the_owner_role_owns_every_table(db: None):
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchall() == [(settings.DATABASE_MIGRATION_OWNER.get("USER"),)]


# --- an older var/pgdata, made by the superuser, passes to the owner role -------------


@pytest.fixture
def superuser_database(db: None) -> Iterator[str]:
    """A scratch database whose objects the superuser made (before the two roles)."""
    socket = connection.settings_dict["HOST"]
    name = f"{connection.settings_dict['NAME']}_adopt"
    with psycopg.connect(host=socket, user="postgres", dbname="postgres", autocommit=True) as su:
        su.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(host=socket, user="postgres", dbname=name, autocommit=True) as su:
            su.execute("CREATE EXTENSION pg_trgm")
            su.execute("CREATE TABLE old_case (id bigint GENERATED BY DEFAULT AS IDENTITY)")
            su.execute("CREATE TABLE old_note (id bigserial)")
            su.execute("CREATE TYPE old_status AS ENUM ('open')")
            su.execute("CREATE FUNCTION old_fn() RETURNS int AS 'SELECT 1' LANGUAGE sql")
        yield name
    finally:
        with psycopg.connect(
            host=socket, user="postgres", dbname="postgres", autocommit=True
        ) as su:
            su.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif("DATABASE_URL" in __import__("os").environ, reason="embedded server only")
def test_an_older_database_passes_to_the_owner_role(superuser_database: str):
    embedded_db.adopt_database(connection.settings_dict["HOST"], superuser_database)
    socket = connection.settings_dict["HOST"]
    with psycopg.connect(host=socket, user="postgres", dbname=superuser_database) as su:
        owners = su.execute(
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname IN"
            " ('old_case', 'old_case_id_seq', 'old_note', 'old_note_id_seq')"
            " UNION ALL SELECT pg_get_userbyid(typowner) FROM pg_type WHERE typname = 'old_status'"
            " UNION ALL SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'old_fn'"
            " UNION ALL SELECT pg_get_userbyid(datdba) FROM pg_database"
            f" WHERE datname = '{superuser_database}'"
        ).fetchall()
        assert owners == [(embedded_db.OWNER_ROLE,)] * 7
        # pg_trgm's functions stay the extension's
        assert su.execute(
            "SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'similarity'"
        ).fetchall() == [("postgres",)]
    embedded_db.adopt_database(socket, superuser_database)  # a second start changes nothing


# --- manage.py migrate connects as the owner ------------------------------------------


def test_migrate_runs_as_the_owner_and_switches_back(monkeypatch: pytest.MonkeyPatch):
    from django.core.management.commands import migrate as django_migrate
    from django.db import connections

    from opensend.core.management.commands.migrate import Command

    seen: list[object] = []
    monkeypatch.setattr(
        django_migrate.Command,
        "handle",
        lambda self, *args, **options: seen.append(connections["default"].settings_dict["USER"]),
    )
    before = connections["default"].settings_dict["USER"]
    monkeypatch.setitem(settings.DATABASE_MIGRATION_OWNER, "USER", "the_owner")
    Command().handle(database="default")
    assert seen == ["the_owner"]
    assert connections["default"].settings_dict["USER"] == before


def test_migrate_in_production_needs_the_owners_own_connection(monkeypatch: pytest.MonkeyPatch):
    from django.core.management import CommandError

    from opensend.core.management.commands.migrate import Command

    monkeypatch.setattr(settings, "PRODUCTION", True)
    monkeypatch.delenv("MIGRATION_DATABASE_URL", raising=False)
    with pytest.raises(CommandError, match="MIGRATION_DATABASE_URL"):
        Command().handle(database="default")
