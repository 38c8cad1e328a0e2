"""python manage.py import_directory FILE [--by EMAIL]: import Local Offer listings.

ORUK 3.0 JSON (a /services page or a list of services), NDJSON or CSV; see
docs/local-offer-editorial.md. Prints a progress bar, then every rejected record (where,
field, reason) and the totals. Exits 1 if any record was rejected.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from opensend.core.permissions import has_perm
from opensend.core.today import today
from opensend.directory.editorial.import_read import UnreadableFileError
from opensend.directory.editorial.importer import import_directory
from opensend.people.models import User


class Command(BaseCommand):
    help = "Import Local Offer listings from ORUK 3.0 JSON, NDJSON or CSV."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--by",
            default="",
            help="email of the directory editor importing "
            "(recorded in each listing's version history)",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        editor = self._editor(options["by"])
        bar = None if options["no_progress"] else tqdm(unit="record", file=self.stderr._out)

        def progress(done: int, total: int) -> None:
            if bar is not None:
                bar.total = total
                bar.update(done - bar.n)

        try:
            report = import_directory(
                path.name, path.read_bytes(), editor=editor, today=today(), progress=progress
            )
        except UnreadableFileError as error:
            raise CommandError(str(error)) from None
        finally:
            if bar is not None:
                bar.close()
        for rejection in report.rejected:
            self.stdout.write(f"REJECTED {rejection.where}: {rejection.field}: {rejection.reason}")
        self.stdout.write(
            f"{report.total} records ({report.file_format}): {report.created} created, "
            f"{report.updated} updated, {report.unchanged} unchanged, "
            f"{report.rejected_records} rejected"
        )
        if report.rejected:
            raise SystemExit(1)

    def _editor(self, email: str) -> User | None:
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None or not has_perm(user, "directory.import_listings"):
            raise CommandError(f"{email} is not a directory editor")
        return user
