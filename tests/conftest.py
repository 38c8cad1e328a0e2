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
from pytest_django.plugin import blocking_manager_key

from opensend.people.models import User, UserKind
from tests import pages
from tests.factories import TODAY
from tests.personas import *  # noqa: F403 (the persona fixtures)

LONDON = zoneinfo.ZoneInfo("Europe/London")


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
    if request.config.getvalue("reuse_db"):
        return
    from django.conf import settings

    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8] or str(os.getpid())
    for database in settings.DATABASES.values():
        test = database.setdefault("TEST", {})
        name = test.get("NAME") or f"test_{database['NAME']}"
        base, _, worker = name.partition("_gw") if "_gw" in name else (name, "", "")
        test["NAME"] = f"{base}_{run}" + (f"_gw{worker}" if worker else "")


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """The production hasher takes a large fraction of a second per password, by design."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
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
    empties the database after a transactional test with TRUNCATE. Only for that clean-up
    is the trigger switched off; tests always run with it on.
    """
    blocker = item.config.stash[blocking_manager_key]
    # Only ever on a test database (not if the test failed before it was set up).
    switch = _is_transactional(item) and connection.settings_dict["NAME"].startswith("test_")
    if switch:
        with blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(_AUDIT_TRUNCATE_TRIGGER.format("DISABLE"))
    test_database = connection.settings_dict["NAME"]
    try:
        return (yield)
    finally:
        # After the last test the test database is gone and the connection points at the
        # real one again: nothing to switch back on there.
        if switch and connection.settings_dict["NAME"] == test_database:
            with blocker.unblock():
                with connection.cursor() as cursor:
                    cursor.execute(_AUDIT_TRUNCATE_TRIGGER.format("ENABLE"))
                connection.close()


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
