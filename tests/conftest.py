"""The test harness every test module shares.

- The database: the embedded PostgreSQL (opensend/config/settings.py starts it when
  DATABASE_URL is unset, before pytest-django creates the test database). Each run gets
  its own test database names, so two runs on one server (two developers, or `-n 2`
  workers) never drop each other's database.
- `today`: 22 November 2026, and the clock travels there for the test.
- The personas (tests/personas.py): named people of one local area, each a fixture.
- `staff_client(user)` signs a staff user in WITH a verified second factor;
  `family_client(user)` signs in a parent or young person.
- Page checks: every Django test client, however it is built, runs tests/pages.py
  check_page on every HTML page it receives, unless the test is marked
  `@pytest.mark.no_page_check(reason="...")`. The run ends with the number of opt-outs.
"""

import datetime as dt
import os
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import settings as hypothesis_settings
from pytest_django.plugin import blocking_manager_key

from opensend.core.database_roles import connect_as
from opensend.people.models import User, UserKind
from tests import pages
from tests.factories import TODAY
from tests.personas import *  # noqa: F403 (the persona fixtures)

LONDON = zoneinfo.ZoneInfo("Europe/London")

# CI explores the same examples on every run (derandomize), so a submission lands or not
# on its own merits; developers' runs keep exploring new examples each time.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    hypothesis_settings.load_profile("ci")


# --- the database ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request: pytest.FixtureRequest, django_db_modify_db_settings_parallel_suffix: None
) -> None:
    """A test database name of this run's own (test_opensend_<run>[_gw0]).

    pytest-django names it test_opensend (plus _gw0... under xdist) and drops an existing
    one first: two runs at once on the shared embedded server would break each other.
    Not with --reuse-db, which wants the same name every time.
    """
    from django.conf import settings

    # Finding 2: pytest-django creates and migrates the test database as the owner role;
    # django_db_setup below then points the tests at the application role.
    default = settings.DATABASES["default"]
    _APP_CREDENTIALS.update({key: default.get(key) for key in settings.DATABASE_MIGRATION_OWNER})
    default.update(settings.DATABASE_MIGRATION_OWNER)
    if request.config.getvalue("reuse_db"):
        return
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8] or str(os.getpid())
    for database in settings.DATABASES.values():
        test = database.setdefault("TEST", {})
        name = test.get("NAME") or f"test_{database['NAME']}"
        base, _, worker = name.partition("_gw") if "_gw" in name else (name, "", "")
        test["NAME"] = f"{base}_{run}" + (f"_gw{worker}" if worker else "")


_APP_CREDENTIALS: dict[str, object] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The tests run as the application role, which owns nothing (finding 2).

    pytest-django's own django_db_setup (the argument) has created and migrated the test
    database as the owner; switch to the application role until its teardown drops it.
    """
    with django_db_blocker.unblock():
        owner = connect_as(connection, _APP_CREDENTIALS)
    yield
    with django_db_blocker.unblock():
        connect_as(connection, owner)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """The production hasher takes a large fraction of a second per password, by design."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


# advice (issue 9, item 5): uploaded files go to a folder of the test's own, never to
# the worktree's var/uploads.
@pytest.fixture(scope="session", autouse=True)
def _uploads_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with override_settings(UPLOADS_DIR=tmp_path_factory.mktemp("uploads")):
        yield


# Plans and letters are rendered by WeasyPrint (about a second each under load): tests
# that check what a plan or letter says, or that it never changes, are marked
# `real_documents` (so are browser journeys); every other test issues them with small
# stand-in files (tests/factories.py issued_files_stood_in). A test that reads a stand-in
# as a real document fails: it does not pass quietly.
@pytest.fixture(autouse=True)
def _plans_and_letters_stood_in(request: pytest.FixtureRequest) -> Iterator[None]:
    from tests.factories import issued_files_stood_in

    node = request.node
    if node.get_closest_marker("real_documents") or node.get_closest_marker("browser"):
        yield
        return
    with issued_files_stood_in():
        yield


# Task searchperf: the cache (the search page's content) is per process and outlives a
# test's rolled-back data, whose index version a later test can reach again: empty it.
@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    ):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


_AUDIT_TRUNCATE_TRIGGER = "ALTER TABLE core_auditevent {} TRIGGER core_auditevent_no_truncate"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Let a transactional test's clean-up empty the audit table.

    The database refuses TRUNCATE on core_auditevent (migration core 0003), and Django
    empties the database after a transactional test with TRUNCATE, which the application
    role may not do at all (core 0006). Only for that clean-up does the connection switch
    to the owner and the trigger off; tests always run as the application role with it on.
    """
    blocker = item.config.stash[blocking_manager_key]
    # Only ever on a test database (not if the test failed before it was set up).
    if not (_is_transactional(item) and connection.settings_dict["NAME"].startswith("test_")):
        return (yield)
    from django.conf import settings

    with blocker.unblock():
        application = connect_as(connection, settings.DATABASE_MIGRATION_OWNER)
        with connection.cursor() as cursor:
            cursor.execute(_AUDIT_TRUNCATE_TRIGGER.format("DISABLE"))
    test_database = connection.settings_dict["NAME"]
    try:
        return (yield)
    finally:
        with blocker.unblock():
            # After the last test the test database is gone and the connection points at
            # the real one again: nothing to switch back on there.
            if connection.settings_dict["NAME"] == test_database:
                # The clean-up may have reconnected as the application role (a live
                # server's or a router's own connection handling): back to the owner.
                connect_as(connection, settings.DATABASE_MIGRATION_OWNER)
                with connection.cursor() as cursor:
                    cursor.execute(_AUDIT_TRUNCATE_TRIGGER.format("ENABLE"))
            connect_as(connection, application)


# --- page checks ----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _page_checks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test client checks every HTML page it receives, unless the test opts out.

    Client.request is what get, post and each hop of follow=True all go through, so
    patching it reaches the `client` fixture, the signed-in clients and a bare Client().
    """
    if pages.opt_out_reason(request.node) is None:
        monkeypatch.setattr(Client, "request", pages.checking_pages(Client.request))


_OPT_OUTS = pytest.StashKey[Counter[str]]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reasons = Counter()
    for item in items:
        marker = item.get_closest_marker(pages.OPT_OUT)
        if marker is not None:
            reasons[str(marker.kwargs.get("reason") or "(no reason given: the test errors)")] += 1
    config.stash[_OPT_OUTS] = reasons


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """How many tests opted out of the page checks, and why (not known under xdist)."""
    reasons = config.stash.get(_OPT_OUTS, None)
    if reasons is None:
        return
    terminalreporter.write_line(f"page checks: {reasons.total()} tests opt out")
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"  {count:>4}  {reason}")


# --- time --------------------------------------------------------------------------------


@pytest.fixture
def today() -> Iterator[dt.date]:
    """22 November 2026 (a Sunday), 10am in London; time runs on from there."""
    with time_machine.travel(dt.datetime.combine(TODAY, dt.time(10, 0), tzinfo=LONDON)):
        yield TODAY


# --- signed-in clients ------------------------------------------------------------------


def confirmed_device(user: User) -> TOTPDevice:
    """The user's authenticator app (a confirmed TOTP device), created if need be."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def sign_in_staff(client: Client, user: User) -> Client:
    assert user.kind == UserKind.STAFF, f"{user} is not staff: use family_client"
    device = confirmed_device(user)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def staff_client(db: None) -> Callable[[User], Client]:
    """staff_client(cara) -> a test client signed in as Cara, second factor verified."""
    return lambda user: sign_in_staff(Client(), user)


@pytest.fixture
def family_client(db: None) -> Callable[[User], Client]:
    """family_client(paula) -> a test client signed in as a parent or young person."""

    def sign_in(user: User) -> Client:
        assert user.kind != UserKind.STAFF, f"{user} is staff: use staff_client"
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return sign_in


@pytest.fixture
def client_for(
    staff_client: Callable[[User], Client], family_client: Callable[[User], Client]
) -> Callable[[User | None], Client]:
    """client_for(user) -> a signed-in client of the right kind; client_for(None) -> anonymous."""

    def make(user: User | None) -> Client:
        if user is None:
            return Client()
        return staff_client(user) if user.kind == UserKind.STAFF else family_client(user)

    return make
