"""`make backup`: a pg_dump of the OpenSEND database in the custom format (docs/deploy.md).

Writes BACKUP_DIR/opensend-<UTC time>.dump (var/backups by default) as the owner role,
and prints where and how big. Restore with pg_restore (docs/deploy.md); prove a backup
restores with `make restore-drill`.
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from pgtools import ROOT, django_setup, owner_params, pg_tool, tool_env


def backup(target_dir: Path, snapshot: str | None = None) -> Path:
    """pg_dump -Fc into target_dir; at an exported snapshot's moment when one is given."""
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    params = owner_params()
    target = target_dir / f"{params['dbname']}-{stamp}.dump"
    command = [pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}"]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    subprocess.run(command, check=True, env=tool_env(params))  # noqa: S603 (our own pg_dump, fixed arguments)
    target.chmod(0o600)  # it holds every child's record
    return target


def main() -> int:
    django_setup()
    target = backup(Path(os.environ.get("BACKUP_DIR", ROOT / "var" / "backups")))
    print(f"backup written: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
