"""Bulk import of Local Offer listings: how long a CSV and an ORUK JSON file take.

    .venv/bin/python bench/bench_editorial_import.py [--rows 2000]

Uses its own database, `opensend_bench_editorial` (OPENSEND_DB_NAME overrides it), which
it migrates and empties of directory rows first. Generates `--rows` synthetic listings
(one in 20 deliberately invalid), imports them as CSV, imports the same file again
(every row unchanged), exports them as an ORUK /services page and imports that too
(every service checked against the ORUK schema). Prints records per second and SQL
statements per record. Prints figures only; never fails on a timing.
"""

import argparse
import json
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("OPENSEND_DB_NAME", "opensend_bench_editorial")
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from opensend.core.today import today  # noqa: E402
from opensend.directory import models as m  # noqa: E402
from opensend.directory import selectors as directory  # noqa: E402
from opensend.directory.editorial.import_read import CSV_COLUMNS  # noqa: E402
from opensend.directory.editorial.importer import import_directory  # noqa: E402
from opensend.directory.oruk import presenters as oruk  # noqa: E402

ORG = uuid.UUID("5e1f0000-0000-4000-8000-000000000001")


def csv_file(rows: int) -> bytes:
    lines = [",".join(CSV_COLUMNS)]
    for n in range(rows):
        cells = dict.fromkeys(CSV_COLUMNS, "")
        cells |= {
            "id": str(uuid.UUID(int=ORG.int + 1000 + n)),
            "organization_id": str(ORG),
            "organization_name": "Bench Provider",
            "name": f"Bench service {n}",
            "description": "Synthetic listing for the import benchmark.",
            "minimum_age": "4",
            "maximum_age": "3" if n % 20 == 19 else "16",  # one in 20 invalid
            "needs_supported": "ASD;SLCN",
            "contact_name": "Bookings team",
            "contact_phone": "01632 960000",
            "cost_amount": "2.50",
            "address_1": f"{n} High Street",
            "city": "Northtown",
            "postal_code": "NT1 1AA",
            "assured_date": "2026-06-01",
        }
        lines.append(",".join(f'"{cells[c]}"' for c in CSV_COLUMNS))
    return ("\n".join(lines) + "\n").encode()


def timed(label: str, name: str, data: bytes) -> None:
    statements = []
    with connection.execute_wrapper(
        lambda ex, sql, p, many, ctx: statements.append(1) or ex(sql, p, many, ctx)
    ):
        start = time.perf_counter()
        report = import_directory(name, data, editor=None, today=today())
        seconds = time.perf_counter() - start
    print(
        f"{label:<34} {report.total:>6} records  {seconds:7.2f} s  "
        f"{report.total / seconds:7.0f} records/s  {len(statements) / report.total:6.1f} SQL/record"
        f"  (created {report.created}, updated {report.updated}, unchanged "
        f"{report.unchanged}, rejected {report.rejected_records})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    rows = parser.parse_args().rows
    call_command("migrate", verbosity=0)
    m.ListingVersion.objects.all().delete()
    m.Service.objects.all().delete()
    m.Location.objects.all().delete()
    data = csv_file(rows)
    timed("CSV, new listings", "bench.csv", data)
    timed("CSV again (idempotent)", "bench.csv", data)
    services = directory.service_list_full(directory.ServiceFilters())
    page = json.dumps({"contents": [oruk.service_full(s) for s in services]}).encode()
    m.ListingVersion.objects.all().delete()
    m.Service.objects.all().delete()
    timed("ORUK JSON page, new listings", "bench.json", page)
    timed("ORUK JSON page again", "bench.json", page)


if __name__ == "__main__":
    main()
