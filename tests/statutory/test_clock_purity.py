"""The clock is pure Python: no Django, and it never reads the system clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

STATUTORY = Path(__file__).resolve().parents[2] / "opensend" / "statutory"
CLOCK_FILES = sorted(
    [
        *STATUTORY.glob("clock/*.py"),
        STATUTORY / "dates.py",
        STATUTORY / "cli.py",
        STATUTORY / "__main__.py",
    ]
)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CLOCK_FILES, ids=lambda path: path.name)
def test_no_django_import(path: Path) -> None:
    assert not {name for name in _imported_modules(path) if name.split(".")[0] == "django"}


@pytest.mark.parametrize("path", CLOCK_FILES, ids=lambda path: path.name)
def test_never_reads_the_system_clock(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for call in ("date.today(", "datetime.now(", "datetime.today(", "time.time("):
        assert call not in source, f"{path.name} calls {call}: take today as an argument"


def test_importing_the_clock_and_cli_loads_no_django() -> None:
    code = (
        "import sys, opensend.statutory.clock, opensend.statutory.cli; "
        "sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=60).returncode == 0
