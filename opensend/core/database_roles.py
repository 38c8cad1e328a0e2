"""Which database role a connection uses: the migration owner or the application role.

Finding 2 of issue 13 (security.md goal 9): the application's role owns no table, so it
cannot disable or drop the audit table's triggers; only `manage.py migrate` (and the test
harness's set-up and clean-up) connect as the owner. docs/deploy.md names the two roles.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper


def connect_as(connection: BaseDatabaseWrapper, credentials: Mapping[str, object]) -> dict:
    """Close `connection`, point it at other credentials; return the ones it had."""
    previous = {key: connection.settings_dict.get(key) for key in credentials}
    connection.close()
    connection.settings_dict.update(credentials)
    return previous


@contextmanager
def as_migration_owner(connection: BaseDatabaseWrapper) -> Iterator[BaseDatabaseWrapper]:
    """Run the block connected as the role that owns the tables, then switch back."""
    previous = connect_as(connection, settings.DATABASE_MIGRATION_OWNER)
    try:
        yield connection
    finally:
        connect_as(connection, previous)
