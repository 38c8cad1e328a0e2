"""Benchmark: the SEN2 return and the inspection lists on an existing area.

    .venv/bin/python bench/bench_returns.py [--census 2027-01-21] [--repeat 3]

It uses the database the settings point at (OPENSEND_DB_NAME, default the demo database):
generate the area first, e.g. `manage.py generate_area --children 25000 --seed 1 --reset`.
For each step it prints the SQL queries and the median wall-clock and CPU time over
--repeat runs: building the SEN2 records and validating them, writing the XML, and each
inspection list's rows, Excel and CSV. This is not a test: it never fails on timings.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from opensend.measures.returns.inspection.collect import list1_rows, list2_rows  # noqa: E402
from opensend.measures.returns.inspection.exports import area_children  # noqa: E402
from opensend.measures.returns.inspection.writers import csv_bytes, xlsx_bytes  # noqa: E402
from opensend.measures.returns.sen2.exports import (  # noqa: E402
    area_cases,
    local_authority_by_code,
    sen2_build,
)


def measure(name: str, step: Callable[[], object], repeat: int) -> object:
    walls, cpus, queries, result = [], [], [0], None

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries[0] += 1
        return execute(sql, params, many, context)

    for _ in range(repeat):
        queries[0] = 0
        wall, cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(count):
            result = step()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(
        f"{name:<34} {queries[0]:>4} queries  median {statistics.median(walls):6.2f} s wall"
        f"  {statistics.median(cpus):6.2f} s CPU (Python)"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--census", type=dt.date.fromisoformat, default=dt.date(2027, 1, 21))
    parser.add_argument("--local-authority", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    area = local_authority_by_code(args.local_authority)
    today = dt.date.today()
    children = area_children(area)
    print(f"{area.name}: {children.count()} children, {area_cases(area).count()} cases")
    export = measure(
        "SEN2 records + validation",
        lambda: sen2_build(
            cases=area_cases(area), local_authority=area, census_date=args.census, today=today
        ),
        args.repeat,
    )
    xml = measure("SEN2 XML", export.xml, args.repeat)  # type: ignore[attr-defined]
    print(
        f"  {len(export.sen2.persons)} people, {len(export.failures)} failures, "  # type: ignore[attr-defined]
        f"{len(xml) / 1e6:.1f} MB"
    )  # type: ignore[arg-type]
    for number, rows_of in ((1, list1_rows), (2, list2_rows)):
        rows = measure(f"List {number} rows", lambda r=rows_of: r(children, today), args.repeat)
        print(f"  {len(rows)} rows")  # type: ignore[arg-type]
        measure(f"List {number} Excel", lambda r=rows, n=number: xlsx_bytes(r, n), args.repeat)
        measure(f"List {number} CSV", lambda r=rows, n=number: csv_bytes(r, n), args.repeat)


if __name__ == "__main__":
    main()
