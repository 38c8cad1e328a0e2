"""`manage.py generate_area --children N --seed S [--today YYYY-MM-DD] [--reset]`

Creates the fictional demo area (NONPROD only) and prints the demo sign-ins.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from opensend.nonprod.generator import (
    AreaExistsError,
    GenerationReport,
    NonprodDisabledError,
    demo_password,
    generate_area,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--today must be a date like 2026-03-02, not {text!r}") from error


class Command(BaseCommand):
    # Data commands: they do not need the URL and template checks to pass.
    requires_system_checks: list[str] = []
    help = "Generate the fictional demo area (Northmoor) with N children. Never in production."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, default=200, help="how many children (20+)")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data")
        parser.add_argument(
            "--today",
            type=_date,
            default=None,
            help="the day the data is relative to (default: today)",
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete a previously generated area first"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        try:
            report = generate_area(
                children=options["children"],
                seed=options["seed"],
                today=today,
                reset=options["reset"],
                progress=not options["no_progress"],
            )
        except (NonprodDisabledError, AreaExistsError, ValueError) as error:
            raise CommandError(str(error)) from error
        self._print(report)

    def _print(self, report: GenerationReport) -> None:
        write = self.stdout.write
        write(
            self.style.SUCCESS(
                f"Generated Northmoor: {report.children} children, seed {report.seed}, "
                f"relative to {report.today.day} {report.today:%B %Y}, in {report.seconds:.1f} s"
            )
        )
        write("  " + ", ".join(f"{name}: {count:,}" for name, count in report.counts.items()))
        write("")
        write(f"Demo sign-ins (password for all: {demo_password()})")
        rows = [(p.role, p.user.full_name, p.user.email, p.note) for p in report.personas.values()]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        header = ("Role", "Name", "Email")
        write("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for row in rows:
            line = "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=False))
            write(f"  {line}  {row[3]}".rstrip())
        write("")
        write(
            "Staff also need a security code: run `make code EMAIL=<email>` "
            "(or `manage.py demo_code <email>`). Families sign in with the password only."
        )
