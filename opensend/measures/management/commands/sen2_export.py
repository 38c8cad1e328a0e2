"""python manage.py sen2_export --census-date 2027-01-21 [--local-authority 929] [--output f.xml]"""

import datetime as dt
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.core.today import today
from opensend.measures.returns.sen2.exports import (
    area_cases,
    local_authority_by_code,
    sen2_build,
    sen2_download,
)


class Command(BaseCommand):
    help = "Write the person-level SEN2 XML return and list the records that fail validation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--census-date", required=True, type=dt.date.fromisoformat)
        parser.add_argument("--local-authority", default=None, help="DfE LA code, e.g. 929")
        parser.add_argument("--output", type=Path, default=None, help="file (default: stdout)")

    def handle(self, *args: object, **options: object) -> None:
        try:
            area = local_authority_by_code(options["local_authority"])  # type: ignore[arg-type]
        except LookupError as error:
            raise CommandError(str(error)) from error
        census = options["census_date"]
        assert isinstance(census, dt.date)
        started = time.monotonic()
        export = sen2_build(
            cases=area_cases(area), local_authority=area, census_date=census, today=today()
        )
        xml = sen2_download(export=export, actor=None, why="sen2_export command")
        output = options["output"]
        if isinstance(output, Path):
            output.write_bytes(xml)
        else:
            sys.stdout.buffer.write(xml)
        say = self.stderr.write
        say(
            f"{len(export.sen2.persons)} people in the SEN2 return for {area.name} "
            f"(census date {census}), {time.monotonic() - started:.1f} s."
        )
        say(f"{len(export.failures)} validation failures.")
        for failure in export.failures[:20]:
            say(f"  {failure.rule} case {failure.case_id} ({failure.person}): {failure.message}")
