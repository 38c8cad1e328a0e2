"""python manage.py rebuild_facts [--la ID ...]"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from opensend.casework.models import Case
from opensend.measures.live.facts import facts_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the measures' projection of the casework (the fact rows the SQL engine "
        "counts) from the records, for the given areas (default: every area with casework). "
        "Idempotent: an area's rows are replaced in one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--la", type=int, nargs="+", metavar="ID", help="local authority organisation ids"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: object, **options: object) -> None:
        chosen = options["la"]
        areas = list(chosen) if isinstance(chosen, list) else _areas_with_cases()
        if not areas:
            raise CommandError("No area has any casework: nothing to rebuild.")
        for area in areas:
            cases = Case.objects.filter(local_authority_id=area).count()
            with tqdm(
                total=cases, desc=f"Area {area}", unit="case", disable=bool(options["no_progress"])
            ) as bar:
                written = facts_rebuild(local_authority_id=area, progress=bar.update)
            self.stdout.write(f"Area {area}: {cases} cases, {written} fact rows.")


def _areas_with_cases() -> list[int]:
    return sorted(Case.objects.order_by().values_list("local_authority_id", flat=True).distinct())
