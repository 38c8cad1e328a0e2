"""python manage.py inspection_lists --output-dir DIR [--local-authority 929] [--on DATE]"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from opensend.core.today import today
from opensend.measures.returns.inspection.exports import (
    area_children,
    inspection_csv,
    inspection_workbook,
)
from opensend.measures.returns.sen2.exports import local_authority_by_code


class Command(BaseCommand):
    help = (
        "Write the inspection lists (Annex A): one workbook with sheets List_1 (EHC plans) "
        "and List_2 (SEN support), and each list as CSV."
    )

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
        why = "inspection_lists command"
        made = [inspection_workbook(children=area_children(area), local_authority=area, on=on,
                                    actor=None, why=why)]
        for list_number in (1, 2):
            made.append(inspection_csv(children=area_children(area), local_authority=area,
                                       list_number=list_number, on=on, actor=None, why=why))
        for one in made:
            (directory / one.file_name).write_bytes(one.content)
            self.stdout.write(f"{one.file_name}: {one.rows} rows")
