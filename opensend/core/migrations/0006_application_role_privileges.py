"""The application role gets only the privileges it needs (finding 2 of issue 13).

Migrations run as the owner role (core/management/commands/migrate.py), which owns every
table; the application connects as settings.DATABASE_APP_ROLE, which owns nothing, so it
cannot ALTER TABLE ... DISABLE TRIGGER, DROP TRIGGER or (not being superuser) SET
session_replication_role. It reads and writes rows; on the audit table it may only read
and add them (security.md goal 9), and it cannot rewrite the record of migrations.
Tables that later migrations create (every app's, Procrastinate's) are granted by the
default privileges set here for the owner role.
"""

from django.conf import settings
from django.db import migrations
from psycopg import sql

GRANT = """
GRANT USAGE ON SCHEMA public TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {app};
REVOKE UPDATE, DELETE, TRUNCATE ON core_auditevent FROM {app};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON django_migrations FROM {app};
"""

REVOKE = """
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {app};
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM {app};
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {app};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {app};
"""


def _run(template: str):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
        connection = schema_editor.connection
        connection.ensure_connection()
        if connection.connection.info.user == settings.DATABASE_APP_ROLE:
            return  # one role for both (a developer's own server): nothing to grant
        statements = sql.SQL(template).format(app=sql.Identifier(settings.DATABASE_APP_ROLE))
        with connection.cursor() as cursor:
            cursor.execute(statements.as_string(connection.connection))

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0005_uploads")]
    operations = [migrations.RunPython(_run(GRANT), _run(REVOKE))]
