"""`manage.py migrate`, connected as the migration owner (finding 2, docs/deploy.md).

Every other command and process connects as the application role, which owns nothing.
"""

import os
from typing import Any

from django.conf import settings
from django.core.management import CommandError
from django.core.management.commands import migrate
from django.db import connections

from opensend.core.database_roles import as_migration_owner


class Command(migrate.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION and not os.environ.get("MIGRATION_DATABASE_URL"):
            raise CommandError(
                "Set MIGRATION_DATABASE_URL to the role that owns the tables: the "
                "application's own role may not create or alter them (docs/deploy.md)."
            )
        with as_migration_owner(connections[options["database"]]):
            super().handle(*args, **options)
