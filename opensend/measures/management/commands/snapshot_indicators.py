"""python manage.py snapshot_indicators [--date YYYY-MM-DD] [--backfill-months N]"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from opensend.measures.live.periods import month_ends
from opensend.measures.snapshots.services import snapshot_areas, snapshots_take


class Command(BaseCommand):
    help = (
        "Store every live indicator as it stands on a day (default today), for each area "
        "with casework; --backfill-months N also recomputes the N month ends before it "
        "from the records. Replaces any snapshots already taken on those days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--backfill-months", type=int, default=0, metavar="N")
        parser.add_argument(
            "--local-authority", type=int, help="one area's organisation id (default: all)"
        )
        parser.add_argument(
            "--no-breakdowns", action="store_true", help="whole-area figures only (faster)"
        )

    def handle(self, *args: object, **options: object) -> None:
        day = options["date"] or timezone.localdate()
        months = options["backfill_months"]
        assert isinstance(day, dt.date) and isinstance(months, int)
        if months < 0:
            raise CommandError("--backfill-months must be 0 or more")
        area = options["local_authority"]
        areas = [area] if isinstance(area, int) else snapshot_areas()
        if not areas:
            raise CommandError("No area has any casework: nothing to snapshot.")
        previous_month = day.replace(day=1) - dt.timedelta(days=1)
        days = [*(month_ends(previous_month, months) if months else []), day]
        breakdowns = () if options["no_breakdowns"] else None
        jobs = [(area_id, taken_on) for area_id in areas for taken_on in days]
        stored = 0
        for area_id, taken_on in tqdm(jobs, desc="Snapshots", unit="day", disable=len(jobs) < 2):
            kwargs = {} if breakdowns is None else {"breakdowns": breakdowns}
            report = snapshots_take(local_authority_id=area_id, taken_on=taken_on, **kwargs)
            stored += report.stored
        self.stdout.write(
            f"Stored {stored} snapshots: {len(areas)} area(s), {len(days)} day(s) "
            f"({days[0]} to {days[-1]})."
        )
