"""python manage.py import_statistical_neighbours <csv>"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.measures.comparators.ees_files import EesFileError
from opensend.measures.comparators.services import statistical_neighbours_import


class Command(BaseCommand):
    help = "Replace the statistical neighbours: a column per local authority, ten names below."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv", type=Path, help="e.g. statistical-neighbours.csv")

    def handle(self, *args: object, **options: object) -> None:
        path = options["csv"]
        assert isinstance(path, Path)
        try:
            statistical_neighbours_import(path=path, say=self.stdout.write)
        except (EesFileError, OSError) as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
