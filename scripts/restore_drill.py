"""`make restore-drill`: prove a backup restores (security.md goal 16; docs/deploy.md).

1. In one REPEATABLE READ transaction on the live database, export its snapshot, dump
   the database at that snapshot (backup.py) and count and checksum every table as of
   that same moment, so writes that go on meanwhile do not spoil the comparison.
2. Restore the dump into a scratch database: RESTORE_DRILL_DATABASE (an empty database
   on the same server that the owner may write) or, by default, a new <name>_restore_drill
   that the owner role creates and the drill drops afterwards.
3. Count and checksum every table there; print the table and exit 1 on any difference.

A table's checksum is the md5 of its rows' text, sorted: equal on both sides exactly when
the same rows are there.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from backup import backup
from pgtools import ROOT, django_setup, owner_params, pg_tool, tool_env
from psycopg import sql

TABLES = """SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"""
FINGERPRINT = (
    "SELECT count(*), coalesce(md5(string_agg(md5(row_text), '' ORDER BY md5(row_text))), '')"
    " FROM (SELECT t::text AS row_text FROM {} AS t) AS rows"
)


def fingerprints(connection: psycopg.Connection) -> dict[str, tuple[int, str]]:
    """Each table's row count and checksum, as the connection's transaction sees them."""
    tables = [name for (name,) in connection.execute(TABLES).fetchall()]
    return {
        name: connection.execute(  # type: ignore[misc]
            sql.SQL(FINGERPRINT).format(sql.Identifier(name))
        ).fetchone()
        for name in tables
    }


def dump_with_fingerprints(backup_dir: Path) -> tuple[Path, dict[str, tuple[int, str]]]:
    with psycopg.connect(**owner_params()) as live:
        live.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        (snapshot,) = live.execute("SELECT pg_export_snapshot()").fetchone()  # type: ignore[misc]
        dump = backup(backup_dir, snapshot=snapshot)
        return dump, fingerprints(live)


def scratch_database(name: str, create: bool) -> None:
    with psycopg.connect(**owner_params("postgres"), autocommit=True) as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if create:
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def restore(dump: Path, database: str) -> None:
    command = [
        pg_tool("pg_restore"),
        "--no-owner",
        "--exit-on-error",
        f"--dbname={database}",
        str(dump),
    ]
    subprocess.run(command, check=True, env=tool_env(owner_params(database)))  # noqa: S603 (our own pg_restore)


def report(live: dict[str, tuple[int, str]], restored: dict[str, tuple[int, str]]) -> int:
    differences = 0
    print(f"{'table':48} {'rows':>9} {'restored':>9}  checksum")
    for name in sorted(live.keys() | restored.keys()):
        want, got = live.get(name, (None, "missing")), restored.get(name, (None, "missing"))
        same = want == got
        differences += not same
        print(f"{name:48} {want[0]!s:>9} {got[0]!s:>9}  {'same' if same else 'DIFFERENT'}")
    rows = sum(count for count, _ in live.values())
    print(f"\n{len(live)} tables, {rows} rows: {differences} differences")
    return differences


def main() -> int:
    django_setup()
    started = time.monotonic()
    own_scratch = "RESTORE_DRILL_DATABASE" not in os.environ
    scratch = (
        os.environ.get("RESTORE_DRILL_DATABASE") or f"{owner_params()['dbname']}_restore_drill"
    )
    dump, live = dump_with_fingerprints(
        Path(os.environ.get("BACKUP_DIR", ROOT / "var" / "backups"))
    )
    print(f"dumped {dump.name} ({dump.stat().st_size / 1e6:.1f} MB) at one snapshot")
    if own_scratch:
        scratch_database(scratch, create=True)
    try:
        restore(dump, scratch)
        with psycopg.connect(**owner_params(scratch)) as copy:
            differences = report(live, fingerprints(copy))
    finally:
        if own_scratch:
            scratch_database(scratch, create=False)
    verdict = "PASSED" if differences == 0 else "FAILED"
    print(
        f"restore drill {verdict} in {time.monotonic() - started:.1f} s (restored into {scratch})"
    )
    return 0 if differences == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
