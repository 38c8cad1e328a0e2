"""Tests that need data kept outside the repository (../shared/data/) never pass silently.

In CI (the environment variable CI is "true", as GitHub Actions and GitLab CI set it) a
missing file FAILS the test: a CI run that skipped the comparator tests would look green
while testing nothing. On a developer's machine the test is skipped, with the missing
path as the reason (listed at the end of every run: `-rfEs` in pyproject.toml).
"""

import os
from collections.abc import Mapping
from pathlib import Path

import pytest


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def require_shared_data(*paths: Path, ci: bool | None = None) -> None:
    """Return if every path exists; otherwise fail in CI and skip, with the reason, elsewhere."""
    missing = [str(path) for path in paths if not path.exists()]
    if not missing:
        return
    message = f"shared data missing (../shared/data/ beside the clone): {', '.join(missing)}"
    if in_ci() if ci is None else ci:
        pytest.fail(f"{message}. In CI (CI=true) a missing file fails the run.", pytrace=False)
    pytest.skip(message)
