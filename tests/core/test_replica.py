"""Reads that scale out: against a real streaming standby of the embedded PostgreSQL.

A dashboard read is served by the standby; a write and the same session's immediate
read are served by the primary (tests/core/test_db_routing.py: no replica, no routing).
"""

import copy
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opensend.casework.models import AnnualReview
from opensend.core.db_routing import REPLICA
from opensend.people.models import Role
from tests import factories as f
from tests.casework.test_views_actions import on
from tests.conftest import sign_in_staff
from tests.factories import WEEK
from tests.standby import STANDBY_PORT, replayed, streaming_standby


@pytest.fixture(scope="module")
def standby(django_db_setup: None, django_db_blocker) -> Iterator[Path]:
    with django_db_blocker.unblock():
        socket = str(connection.settings_dict["HOST"])
    with streaming_standby(socket) as standby_socket:
        yield standby_socket


@pytest.fixture(scope="module")
def replica(standby: Path) -> Iterator[str]:
    """The 'replica' database alias, pointing at the standby (module scope: it must exist
    before pytest-django checks the test's databases)."""
    config = copy.deepcopy(connections.settings["default"])
    config |= {"HOST": str(standby), "PORT": str(STANDBY_PORT)}
    config["TEST"] = {**config.get("TEST", {}), "MIRROR": "default"}
    settings.DATABASES[REPLICA] = config
    connections.settings[REPLICA] = config
    try:
        yield REPLICA
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        connections.settings.pop(REPLICA, None)
        settings.DATABASES.pop(REPLICA, None)  # often the same dict as connections.settings


def _caught_up(standby: Path) -> None:
    host, name = str(connection.settings_dict["HOST"]), connection.settings_dict["NAME"]
    with psycopg.connect(host=host, user="postgres", dbname=name, autocommit=True) as primary:
        replayed(primary, standby, name)


def _fact_queries(captured: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in captured if "measures_planfact" in query["sql"]]


@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_dashboard_reads_the_standby_and_a_write_then_reads_the_primary(
    standby: Path, replica: str, today: dt.date
) -> None:
    la = f.LocalAuthorityFactory(name="Replica Council")
    manager = f.staff_user(Role.SEN_MANAGER, la)
    case = f.case_with_final_plan(
        child=f.ChildFactory(local_authority=la),
        caseworker=f.staff_user(Role.CASEWORKER, la),
        today=today,
    )
    manager_client = sign_in_staff(Client(), manager)
    _caught_up(standby)
    with connections[replica].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone() == (True,)  # the alias really is the standby

    with (
        CaptureQueriesContext(connections[replica]) as on_standby,
        CaptureQueriesContext(connection) as on_primary,
    ):
        assert manager_client.get(reverse("measures:dashboard")).status_code == 200
    assert _fact_queries(on_standby)
    assert not _fact_queries(on_primary)

    manager_client.post(
        reverse("casework:review_meeting", args=[case.pk]),
        {"version": case.version, **on("meeting_on", today - WEEK), "notes": "Went well."},
    )
    assert AnnualReview.objects.filter(case=case).exists()  # the write
    with (
        CaptureQueriesContext(connections[replica]) as on_standby,
        CaptureQueriesContext(connection) as on_primary,
    ):
        assert manager_client.get(reverse("measures:dashboard")).status_code == 200
    assert _fact_queries(on_primary)  # pinned to the primary just after the write
    assert not _fact_queries(on_standby)
