"""The real 2025 EES zip, imported once per test session (about 20 seconds).

The zip is never copied into the repository: it lives in shared/ beside the clone.
Without it these tests fail in CI (CI=true) and are skipped elsewhere (tests/shared_data.py).
"""

import time
from pathlib import Path

import pytest
from django.conf import settings
from pytest_django import DjangoDbBlocker

from opensend.measures.comparators.services import ees_import, statistical_neighbours_import
from opensend.measures.models import EesRelease
from tests.shared_data import require_shared_data

EES_DIR = Path(settings.BASE_DIR).parent / "shared" / "data" / "ees"
EES_ZIP = EES_DIR / "education-health-and-care-plans_2025.zip"
NEIGHBOURS_CSV = EES_DIR / "statistical-neighbours.csv"


def quiet(message: str) -> None:
    """Services report to the console; the tests read the returned result instead."""


def ees_imported() -> EesRelease:
    """The real release, imported (committed) if it is not there yet."""
    release = EesRelease.objects.filter(file_name=EES_ZIP.name).first()
    if release is None:
        started = time.monotonic()
        release = ees_import(path=EES_ZIP, progress=False, say=quiet).release
        statistical_neighbours_import(path=NEIGHBOURS_CSV, say=quiet)
        print(f"\nEES 2025 zip imported in {time.monotonic() - started:.1f}s")
    return release


@pytest.fixture(scope="session")
def _ees_session_import(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    require_shared_data(EES_ZIP, NEIGHBOURS_CSV)
    with django_db_blocker.unblock():
        ees_imported()


@pytest.fixture
def _ees_present(_ees_session_import: None, django_db_blocker: DjangoDbBlocker) -> None:
    """Before the test's transaction: a transactional test elsewhere may have emptied it."""
    with django_db_blocker.unblock():
        ees_imported()


@pytest.fixture
def ees_2025(_ees_present: None, db: None) -> EesRelease:
    """The imported 2025 release (outside the test's transaction, so imported once)."""
    return EesRelease.objects.get(file_name=EES_ZIP.name)
