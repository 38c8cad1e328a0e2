"""python manage.py inspection_lists --output-dir DIR [--local-authority 929] [--on DATE]"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.core.today import today
from opensend.measures.returns.inspection.exports import FORMATS, area_children, inspection_file
from opensend.measures.returns.sen2.exports import local_authority_by_code


class Command(BaseCommand):
    help = "Write inspection List 1 (EHC plans) and List 2 (SEN support) as Excel and CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output-dir", required=True, type=Path)
        parser.add_argument("--local-authority", default=None, help="DfE LA code, e.g. 929")
        parser.add_argument(
            "--on", type=dt.date.fromisoformat, default=None, help="as on this day (today)"
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            area = local_authority_by_code(options["local_authority"])  # type: ignore[arg-type]
        except LookupError as error:
            raise CommandError(str(error)) from error
        directory = options["output_dir"]
        assert isinstance(directory, Path)
        directory.mkdir(parents=True, exist_ok=True)
        on = options["on"] or today()
        assert isinstance(on, dt.date)
        for list_number in (1, 2):
            for file_format in FORMATS:
                made = inspection_file(
                    children=area_children(area),
                    local_authority=area,
                    list_number=list_number,
                    file_format=file_format,
                    on=on,
                    actor=None,
                    why="inspection_lists command",
                )
                (directory / made.file_name).write_bytes(made.content)
                self.stdout.write(f"{made.file_name}: {made.rows} rows")
