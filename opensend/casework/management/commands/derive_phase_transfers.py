"""`manage.py derive_phase_transfers [--today YYYY-MM-DD] [--la-code 929]`

Records the coming phase transfers of children with plans (the nightly job does the same
at 02:00; see docs/background-jobs.md) and prints what it did.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.casework.services.transfers import DeriveReport, phase_transfers_derive
from opensend.core.today import today as today_in_england
from opensend.people.models import Organisation, OrganisationKind


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--today must be a date like 2026-03-02, not {text!r}") from error


def _local_authority(la_code: str | None) -> Organisation | None:
    if not la_code:
        return None
    found = Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY, la_code=la_code)
    if len(found) != 1:
        raise CommandError(f"There is not exactly one local authority with LA code {la_code}")
    return found[0]


class Command(BaseCommand):
    # A data command: it does not need the URL and template checks to pass.
    requires_system_checks: list[str] = []
    help = "Record the phase transfers due within 18 months (Reg 18) and print the counts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=_date, default=None, help="the day to check as (default: today)"
        )
        parser.add_argument("--la-code", default=None, help="only this local authority")

    def handle(self, *args: Any, **options: Any) -> None:
        report = phase_transfers_derive(
            actor=None,
            today=options["today"] or today_in_england(),
            local_authority=_local_authority(options["la_code"]),
        )
        self._print(report)

    def _print(self, report: DeriveReport) -> None:
        write = self.stdout.write
        write(
            self.style.SUCCESS(
                f"Phase transfers as of {report.today:%d %B %Y}: checked {report.checked:,} "
                f"cases with a plan, recorded {report.recorded:,}, in {report.seconds:.1f} s"
            )
        )
        for reason, count in sorted(report.skipped.items()):
            write(f"  skipped, {reason}: {count:,}")
