"""`manage.py generate_local_offer --seed S [--today YYYY-MM-DD] [--reset]`

Loads the demo area's Local Offer (NONPROD only): a few hundred invented services,
their places, sessions and categories, and the demo postcodes' centroids.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from opensend.directory import models as m
from opensend.nonprod.local_offer.build import LocalOfferExistsError, generate_local_offer


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--today must be a date like 2026-03-02, not {text!r}") from error


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Load the demo area's Local Offer (Northmoor). Never in production."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="same seed, same data")
        parser.add_argument(
            "--today",
            type=_date,
            default=None,
            help="the day sessions are planned around (default: today)",
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete a previously loaded demo Local Offer first"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        try:
            rows = generate_local_offer(seed=options["seed"], today=today, reset=options["reset"])
        except (LocalOfferExistsError, RuntimeError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(
            f"{rows.count(model)} {model._meta.verbose_name_plural}"
            for model in (m.Organization, m.Service, m.Location, m.Schedule, m.PostcodeCentroid)
        )
        self.stdout.write(f"Demo Local Offer loaded: {counts}.")
