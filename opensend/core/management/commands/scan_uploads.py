"""`manage.py scan_uploads [--failed] [--not-scanned]`

Queues the virus scan (opensend.core.tasks.upload_virus_scan) of every upload still
waiting for one; with --failed also those whose scan failed (clamd was down for longer
than the retries), with --not-scanned also those stored while scanning was switched off.
A worker must run for the scans to happen (docs/background-jobs.md).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.core.uploads import uploads_scan_again


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Queue the virus scan of uploads waiting for one (and failed or not scanned ones)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="scan again failed scans")
        parser.add_argument(
            "--not-scanned", action="store_true", help="scan uploads stored while scanning was off"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            queued = uploads_scan_again(
                failed=options["failed"], not_scanned=options["not_scanned"]
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Queued the virus scan of {queued} upload(s).")
