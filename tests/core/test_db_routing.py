"""The read-replica router with no replica configured: nothing changes."""

import pytest
from django.conf import settings
from django.test import Client

from opensend.core.db_routing import PINNED_UNTIL, REPLICA, ReadReplicaRouter, primary_reads
from opensend.measures.models import IndicatorSnapshot, PlanFact
from opensend.people.models import User


def test_with_no_replica_configured_nothing_is_routed() -> None:
    assert REPLICA not in settings.DATABASES
    router = ReadReplicaRouter()
    assert router.db_for_read(PlanFact) is None
    assert router.db_for_read(IndicatorSnapshot) is None
    assert router.db_for_write(PlanFact) == "default"
    assert router.allow_migrate("default", "measures")
    assert not router.allow_migrate(REPLICA, "measures")


def test_measures_reads_go_to_a_configured_replica_unless_pinned(
    settings: object,
) -> None:
    settings.DATABASES = {**settings.DATABASES, REPLICA: settings.DATABASES["default"]}  # type: ignore[attr-defined]
    router = ReadReplicaRouter()
    assert router.db_for_read(PlanFact) == REPLICA
    assert router.db_for_read(User) is None  # people and sessions: the primary
    with primary_reads():
        assert router.db_for_read(PlanFact) is None


@pytest.mark.django_db
def test_with_no_replica_a_post_leaves_the_session_alone(client: Client) -> None:
    client.post("/local-offer/")
    assert PINNED_UNTIL not in client.session
