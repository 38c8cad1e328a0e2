"""The audit log (security.md goal 9): every read of a child's record writes who, what and
why; a refusal is logged too; and no one, not even the application's own database user,
can change or delete a row once written."""

import datetime as dt
from collections.abc import Iterator

import psycopg
import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import Http404

from opensend.casework.queue_selectors import work_queue
from opensend.casework.selectors import case_get, children_search
from opensend.core.audit import audit
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import User
from tests.personas import World


def test_reading_a_case_writes_who_what_and_why(world: World, cara: User, today: dt.date):
    case = world.tom.case
    case_get(user=cara, case_id=case.pk, today=today, why="case page")
    event = AuditEvent.objects.get(action=AuditAction.READ, actor=cara)
    assert (event.object_type, event.object_id) == ("Case", str(case.pk))
    assert event.child_id == case.child_id
    assert event.why == "case page"
    assert event.at is not None


def test_a_refused_read_writes_a_denied_row(world: World, today: dt.date):
    sian = world.unrelated("senco")
    case = world.tom.case
    with pytest.raises(Http404):
        case_get(user=sian, case_id=case.pk, today=today, why="case page")
    event = AuditEvent.objects.get(actor=sian)
    assert event.action == AuditAction.DENIED
    assert event.detail == {"case": case.pk}
    assert event.why == "case page"
    # The refusal does not say whose record it was: the user learns nothing from it.
    assert event.child_id is None


def test_a_read_of_a_case_that_does_not_exist_is_refused_and_logged(cara: User, today: dt.date):
    with pytest.raises(Http404):
        case_get(user=cara, case_id=987654, today=today, why="case page")
    assert AuditEvent.objects.filter(actor=cara, action=AuditAction.DENIED).count() == 1


def test_a_list_writes_one_row_naming_the_children_shown(world: World, sam: User, today: dt.date):
    before = AuditEvent.objects.count()
    rows = work_queue(user=sam, today=today)
    assert rows
    event = AuditEvent.objects.latest("pk")
    assert AuditEvent.objects.count() == before + 1
    assert event.action == AuditAction.LIST
    assert event.why == "work queue"
    assert event.detail["children"] == sorted({row.case.child_id for row in rows})


def test_a_search_that_finds_no_one_writes_nothing(world: World, sam: User, today: dt.date):
    before = AuditEvent.objects.count()
    assert children_search(user=sam, today=today, text="Nobody-by-this-name") == []
    assert AuditEvent.objects.count() == before


def test_a_write_is_audited_as_a_change(world: World, cara: User):
    changes = AuditEvent.objects.filter(
        actor=cara, action=AuditAction.CHANGE, object_id=str(world.tom.case.pk)
    )
    whys = set(changes.values_list("why", flat=True))
    assert {"record EHC request", "record panel decision", "record review meeting"} <= whys


def test_signed_out_actor_is_recorded_as_nobody(db):
    from django.contrib.auth.models import AnonymousUser

    event = audit(actor=AnonymousUser(), action=AuditAction.DENIED, why="sign in")
    assert event.actor_id is None


@pytest.fixture
def event(db) -> AuditEvent:
    return AuditEvent.objects.create(
        action=AuditAction.READ, why="case page", object_type="Case", object_id="1", child_id=1
    )


def test_the_model_refuses_to_save_an_existing_row(event: AuditEvent):
    event.why = "something else"
    with pytest.raises(ValueError, match="cannot be changed"):
        event.save()
    with pytest.raises(ValueError, match="cannot be deleted"):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).why == "case page"


def _refused(sql: str, params: list[object] | None = None) -> str:
    """Run raw SQL in a savepoint and return the database's refusal."""
    with (
        pytest.raises(DatabaseError) as refusal,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)
    return str(refusal.value)


CHANGES = [
    "UPDATE core_auditevent SET why = 'rewritten' WHERE id = %s",
    "UPDATE core_auditevent SET actor_id = NULL",
    "DELETE FROM core_auditevent WHERE id = %s",
    "DELETE FROM core_auditevent",
]


@pytest.mark.parametrize("sql", CHANGES)
def test_the_database_refuses_to_change_or_delete_rows(event: AuditEvent, sql: str):
    # The application's role has no UPDATE or DELETE on the table (core 0006, finding 2).
    params = [event.pk] if "%s" in sql else None
    assert "permission denied" in _refused(sql, params)
    assert AuditEvent.objects.get(pk=event.pk).why == "case page"


def test_the_database_refuses_to_truncate_even_an_empty_table(db):
    assert "permission denied" in _refused("TRUNCATE core_auditevent")
    assert "permission denied" in _refused("TRUNCATE core_auditevent CASCADE")


def test_the_database_refuses_to_truncate(event: AuditEvent):
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert "permission denied" in _refused("TRUNCATE core_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.fixture
def as_owner(db) -> Iterator[psycopg.Connection]:
    """A connection of the owner role's to the test database, rolled back at the end.

    Its own transaction: it cannot see the test's rows, so it adds one of its own.
    """
    settings_dict = connection.settings_dict | settings.DATABASE_MIGRATION_OWNER
    with psycopg.connect(
        host=settings_dict["HOST"],
        port=settings_dict.get("PORT") or None,
        user=settings_dict["USER"],
        password=settings_dict.get("PASSWORD") or None,
        dbname=settings_dict["NAME"],
    ) as owner:
        owner.execute(
            "INSERT INTO core_auditevent (at, action, object_type, object_id, why, detail, path)"
            " VALUES (now(), 'read', 'Case', '1', 'case page', '{}', '')"
        )
        owner.execute("SET CONSTRAINTS ALL IMMEDIATE")
        yield owner
        owner.rollback()


@pytest.mark.parametrize(
    "sql", [*(change.replace("%s", "id") for change in CHANGES), "TRUNCATE core_auditevent"]
)
def test_even_the_owner_role_is_refused_by_the_triggers(as_owner: psycopg.Connection, sql: str):
    """The second line (core 0003): the table's owner, who runs migrations, is refused too."""
    with pytest.raises(psycopg.Error, match="append-only"), as_owner.transaction():
        as_owner.execute(sql)


def test_bulk_updates_and_deletes_through_the_orm_are_refused_too(event: AuditEvent):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(why="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).why == "case page"


def test_inserting_is_still_allowed(event: AuditEvent):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditevent (at, action, object_type, object_id, why, detail, path)"
            " VALUES (now(), 'read', '', '', '', '{}', '')"
        )
    assert AuditEvent.objects.count() == 2
