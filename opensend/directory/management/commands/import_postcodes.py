"""python manage.py import_postcodes <csv>: postcode centroids from an ONS Postcode
Directory-style CSV (columns pcds, lat, long). Idempotent; lists the rejected rows."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from opensend.directory.public.places import import_postcodes

SHOWN = 50


class Command(BaseCommand):
    help = "Import postcode centroids from an ONS Postcode Directory-style CSV file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("csv", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["csv"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = import_postcodes(path, progress=self._progress)
        except ValueError as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(f"Saved {report.saved} postcodes; rejected {len(report.rejected)} rows.")
        for line, reason in report.rejected[:SHOWN]:
            self.stdout.write(f"  line {line}: {reason}")
        if len(report.rejected) > SHOWN:
            self.stdout.write(f"  ... and {len(report.rejected) - SHOWN} more")

    def _progress(self, saved: int) -> None:
        self.stdout.write(f"  {saved} saved so far")
