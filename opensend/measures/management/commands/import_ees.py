"""python manage.py import_ees <zip> [--no-progress]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.measures.comparators.ees_files import EesFileError
from opensend.measures.comparators.services import ees_import


class Command(BaseCommand):
    help = "Import an Explore Education Statistics 'download all data' zip, as published."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("zip", type=Path, help="e.g. education-health-and-care-plans_2025.zip")
        parser.add_argument("--no-progress", action="store_true", help="no progress bars")

    def handle(self, *args: object, **options: object) -> None:
        path = options["zip"]
        assert isinstance(path, Path)
        try:
            ees_import(path=path, progress=not options["no_progress"], say=self.stdout.write)
        except EesFileError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
