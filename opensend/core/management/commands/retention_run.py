"""`manage.py retention_run [--dry-run] [--today YYYY-MM-DD] [--type NAME ...]`

Runs the retention job by hand (the worker runs it daily at 04:00 UTC; see
docs/retention.md) and prints, for each record type, what it deleted or anonymised (or,
with --dry-run, what it would) and how many records a legal hold kept.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.core.retention import RECORD_TYPES, period_of, retention_run
from opensend.core.today import today as today_in_england


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--today must be a date like 2026-03-02, not {text!r}") from error


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Delete or anonymise the records whose retention period has ended."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--today", type=_date, default=None, help="default: today")
        parser.add_argument(
            "--type",
            action="append",
            dest="types",
            default=None,
            choices=sorted(RECORD_TYPES),
            help="only this record type",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = options["today"] or today_in_england()
        report = retention_run(day, dry_run=options["dry_run"], names=options["types"])
        verb = "would be" if report.dry_run else "were"
        dry = " (dry run: nothing changed)" if report.dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"Retention as of {day:%d %B %Y}{dry}"))
        for name, count in report.done.items():
            record_type = RECORD_TYPES[name]
            period = period_of(name)
            self.stdout.write(
                f"  {record_type.label}: {count:,} {verb} {record_type.action}d "
                f"(kept for {_period_text(period)} from {record_type.starts}; "
                f"{report.held[name]:,} held)"
            )


def _period_text(period: Any) -> str:
    parts = [(period.years, "year"), (period.months, "month"), (period.days, "day")]
    return ", ".join(f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n)
