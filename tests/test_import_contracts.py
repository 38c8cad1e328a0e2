"""Which app may import which: the import-linter contracts in pyproject.toml
(docs/architecture.md, "Import contracts"), run by `make lint` as `lint-imports`.

The real code keeps every contract; a copy of it with one deliberate violation per
contract breaks each of them, so the contracts are not merely written down."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# One module per contract, each importing what its contract forbids.
VIOLATIONS = {
    "core/violation.py": "from opensend.measures import models\n",
    "directory/violation.py": "from opensend.casework import selectors\n",
    "measures/violation.py": "from opensend.casework.services import requests\n",
    "people/violation.py": "from opensend.config import urls\n",
    "casework/violation.py": "from opensend.nonprod import geography\n",
    "statutory/violation.py": "import django.db\n",
}
BROKEN = {
    "Layers: statutory < core < people < casework < measures": (
        "opensend.core.violation -> opensend.measures.models"
    ),
    "The Local Offer (directory) does not import casework": (
        "opensend.directory.violation -> opensend.casework.selectors"
    ),
    "Measures read casework (models, selectors), not its writes or pages": (
        "opensend.measures.violation -> opensend.casework.services.requests"
    ),
    "The apps do not import opensend.config (shared helpers live in core)": (
        "opensend.people.violation -> opensend.config.urls"
    ),
    "Nothing outside opensend.nonprod imports it (demo code never ships)": (
        "opensend.casework.violation -> opensend.nonprod.geography"
    ),
    "opensend.statutory imports nothing of Django or the other opensend packages": (
        "opensend.statutory.violation -> django"
    ),
}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` over the opensend package found in `root`, with root's contracts."""
    environment = os.environ | {"PYTHONPATH": str(root), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_code_keeps_every_import_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(BROKEN)} kept, 0 broken." in result.stdout


def test_a_deliberate_violation_breaks_each_contract(tmp_path: Path):
    shutil.copytree(
        ROOT / "opensend",
        tmp_path / "opensend",
        ignore=shutil.ignore_patterns("__pycache__", "jinja2", "static", "content"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for path, source in VIOLATIONS.items():
        (tmp_path / "opensend" / path).write_text(source, encoding="utf-8")
    result = lint_imports(tmp_path)
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    assert f"Contracts: 0 kept, {len(BROKEN)} broken." in report
    for contract, offending_import in BROKEN.items():
        assert f"{contract} BROKEN" in report
        assert offending_import in report, offending_import
