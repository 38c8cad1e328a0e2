"""Measures' background jobs. Procrastinate imports each app's tasks.py; the jobs
themselves live with their subdomain (see docs/background-jobs.md)."""

from opensend.measures.returns.tasks import sen2_prepare  # noqa: F401 (SEN2 on request)
from opensend.measures.snapshots.tasks import nightly_indicator_snapshots  # noqa: F401 (03:00)
