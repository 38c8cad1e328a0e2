"""Benchmark: the full live indicator set at 25,000 and at 640,000 plans, beside SQL.

    .venv/bin/python bench/bench_measures.py [--plans 25000 640000] [--runs 5] [--reload]

(`make bench` runs it.) Each size has its own database, opensend_bench_measures_<plans>
(so the 25,000-plan area is not measured inside the national-scale tables), migrated,
holding one area loaded by bench/measures_loader.py: bulk SQL over generate_series.
An area already loaded is reused, unless --reload drops its database first. The script
runs itself once per size, each in a fresh process (Django is set up for one database).

For each area it times, as the median of --runs runs after one warm-up:
  * live_figures(): every indicator (60) for the calendar year 2025, the whole area.
    This is the engine: set-based queries, then the pure formulas on the rows;
  * the same split in two parts: measure_rows(summarised=True) (SQL and building the
    rows, plans in place and open cases grouped as weighted rows, as live_figures fetches
    them for the whole area), then the formulas alone;
  * one hand-written SQL query computing the 20-week figure including exceptions on the
    same database. It checks that the query gives the same numerator and denominator;
  * one breakdown (setting type) of every indicator.
This is not a test: it prints the figures and never fails on a timing.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENSEND_DB_NAME", "opensend_bench_measures")
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.measures_loader import load_area  # noqa: E402
from opensend.casework.models import Plan  # noqa: E402
from opensend.measures.live import (  # noqa: E402
    BREAKDOWNS,
    live_figures,
    measure_rows,
    period_for_year,
)
from opensend.measures.live.facts import facts_rebuild  # noqa: E402
from opensend.measures.live.sql import sql_figures, sql_figures_every_breakdown  # noqa: E402
from opensend.measures.models import PlanFact  # noqa: E402
from opensend.measures.snapshots.services import snapshots_take  # noqa: E402
from opensend.people.models import Organisation  # noqa: E402
from opensend.statutory.indicators import INDICATORS  # noqa: E402

PERIOD = period_for_year(2025)
CODE = "plans_issued_within_20_weeks_incl_exceptions"
HAND_SQL = """
SELECT count(*) FILTER (WHERE p.first_issued_on <= r.received_on + 140) AS within_20_weeks,
       count(*) AS new_plans
FROM casework_plan p
JOIN casework_case c ON c.id = p.case_id
JOIN casework_ehcrequest r ON r.case_id = p.case_id
WHERE c.local_authority_id = %s AND p.first_issued_on BETWEEN %s AND %s
"""


def median_ms(run: Callable[[], object], runs: int) -> tuple[float, object]:
    result = run()  # warm-up (and the answer)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def drop_database() -> None:
    name = connection.settings_dict["NAME"]
    host = connection.settings_dict["HOST"]
    connection.close()
    with psycopg.connect(host=host, user="postgres", dbname="postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    print(f"Dropped and re-created {name}.", flush=True)


def area_for(plans: int) -> int:
    name = f"Bench measures area, {plans:,} plans"
    existing = Organisation.objects.filter(name=name).values_list("pk", flat=True).first()
    if existing is not None:
        count = Plan.objects.filter(case__local_authority_id=existing).count()
        print(f"Reusing {name} ({count:,} plans).")
        return existing
    print(f"Loading {name}...", flush=True)
    started = time.perf_counter()
    la = load_area(name=name, plans=plans)
    print(f"Loaded in {time.perf_counter() - started:.0f} s.", flush=True)
    return la


def hand_sql(la: int) -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(HAND_SQL, [la, PERIOD.start, PERIOD.end])
        within, total = cursor.fetchone()
    return within, total


def projected(la: int) -> None:
    """The SQL engine's projection of the area, rebuilt (timed) when it is not there."""
    if PlanFact.objects.filter(local_authority_id=la).exists():
        return
    started = time.perf_counter()
    written = facts_rebuild(local_authority_id=la)
    print(f"Projection rebuilt: {written:,} fact rows in {time.perf_counter() - started:.0f} s.")


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def values(figures: list) -> list[tuple]:
    return [(f.code, f.group, f.value) for f in figures]


def bench_sql_engine(la: int, plans: int, runs: int, sql_ms: float, python: dict | None) -> None:
    """The SQL engine beside the hand-written SQL and the Python engine, same run."""
    whole_ms, whole = median_ms(
        lambda: sql_figures(local_authority_id=la, period=PERIOD, fresh=True), runs
    )
    every_ms, every = median_ms(
        lambda: [
            sql_figures(local_authority_id=la, period=PERIOD, breakdown=key, fresh=True)
            for key in BREAKDOWNS
        ],
        max(1, runs // 2),
    )
    one_ms, one = median_ms(
        lambda: sql_figures_every_breakdown(local_authority_id=la, period=PERIOD),
        max(1, runs // 2),
    )
    cached_ms, _ = median_ms(lambda: sql_figures(local_authority_id=la, period=PERIOD), runs)
    setting = every[list(BREAKDOWNS).index("setting")]
    same = python is not None and (
        values(whole) == values(python["whole"]) and values(setting) == values(python["setting"])
    )
    print(
        f"  SQL engine, all {len(INDICATORS)} indicators:        {whole_ms:8.1f} ms"
        f" (median of {runs}; load {load()})\n"
        f"  ratio SQL engine / hand-written SQL:       {whole_ms / sql_ms:8.1f} x\n"
        f"  SQL engine, every breakdown ({len(BREAKDOWNS)}), all:  {every_ms:8.1f} ms"
        f" (one statement each)\n"
        f"  the same in one statement (grouping sets): {one_ms:8.1f} ms"
        f" ({'same figures' if list(one.values())[1:] == every else 'DIFFERENT'})\n"
        f"  SQL engine, all, from the cache:           {cached_ms:8.1f} ms\n"
        f"  SQL engine = Python engine (whole area and setting breakdown, every indicator): "
        f"{'not compared' if python is None else 'same' if same else 'DIFFERENT'}",
        flush=True,
    )
    if plans <= 100_000:
        load_before = load()
        started = time.perf_counter()
        report = snapshots_take(local_authority_id=la, taken_on=PERIOD.end)
        print(
            f"  a day's snapshot ({report.stored:,} figures):    "
            f"{(time.perf_counter() - started) * 1000:8.1f} ms (load {load_before} before,"
            f" {load()} after)",
            flush=True,
        )


def bench_sql_only(plans: int, runs: int) -> None:
    """The SQL engine beside the hand-written SQL only (no Python engine: at 640,000 plans
    on a loaded machine it takes many minutes)."""
    la = area_for(plans)
    projected(la)
    sql_ms, (within, total) = median_ms(lambda: hand_sql(la), runs)
    (found,) = sql_figures(local_authority_id=la, period=PERIOD, codes=[CODE], fresh=True)
    agree = (found.value.numerator, found.value.denominator) == (within, total)
    print(
        f"\n{plans:,} plans, SQL only ({total:,} new in 2025)\n"
        f"  hand-written SQL, the 20-week figure:      {sql_ms:8.1f} ms (load {load()})\n"
        f"  20 weeks incl. exceptions: SQL engine {found.value.numerator}/"
        f"{found.value.denominator}, SQL {within}/{total}: {'same' if agree else 'DIFFERENT'}",
        flush=True,
    )
    bench_sql_engine(la, plans, runs, sql_ms, None)


def bench_area(plans: int, runs: int) -> dict[str, float]:
    la = area_for(plans)
    projected(la)
    engine_ms, figures = median_ms(lambda: live_figures(local_authority_id=la, period=PERIOD), runs)
    rows_ms, rows = median_ms(
        lambda: measure_rows(local_authority_id=la, period=PERIOD, summarised=True), runs
    )

    def all_formulas() -> None:
        rows.memo.clear()  # type: ignore[attr-defined]
        for indicator in INDICATORS.values():
            indicator.formula(rows, PERIOD)  # type: ignore[arg-type]

    formulas_ms, _ = median_ms(all_formulas, runs)
    sql_ms, (within, total) = median_ms(lambda: hand_sql(la), runs)
    breakdown_ms, by_setting = median_ms(
        lambda: live_figures(local_authority_id=la, period=PERIOD, breakdown="setting"),
        max(1, runs // 2),
    )
    engine = next(f.value for f in figures if f.code == CODE)  # type: ignore[attr-defined]
    agree = (engine.numerator, engine.denominator) == (within, total)
    in_place = next(f.value.numerator for f in figures if f.code == "plans_in_place")  # type: ignore[attr-defined]
    print(
        f"\n{plans:,} plans ({in_place:,} in place on 31 December 2025; {total:,} new in 2025)\n"
        f"  live_figures, all {len(INDICATORS)} indicators: {engine_ms:8.1f} ms"
        f" (median of {runs})\n"
        f"    of which rows (SQL + building):        {rows_ms:8.1f} ms\n"
        f"    and the formulas alone:                {formulas_ms:8.1f} ms\n"
        f"  hand-written SQL, the 20-week figure:      {sql_ms:8.1f} ms\n"
        f"  ratio engine / SQL:                        {engine_ms / sql_ms:8.1f} x\n"
        f"  one breakdown (setting type), all:         {breakdown_ms:8.1f} ms\n"
        f"  20 weeks incl. exceptions: engine {engine.value}% ({engine.numerator}/"
        f"{engine.denominator}), SQL {within}/{total}: {'same' if agree else 'DIFFERENT'}",
        flush=True,
    )
    bench_sql_engine(la, plans, runs, sql_ms, {"whole": figures, "setting": by_setting})
    return {"engine": engine_ms, "sql": sql_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, nargs="+", default=[25_000, 640_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reload", action="store_true", help="drop the database and reload")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sql-only", action="store_true", help="skip the Python engine")
    options = parser.parse_args()
    if not options.one:  # one process, and one database, per size
        for plans in options.plans:
            env = {**os.environ, "OPENSEND_DB_NAME": f"opensend_bench_measures_{plans}"}
            command = [sys.executable, __file__, "--one", "--plans", str(plans)]
            command += ["--runs", str(options.runs), *(["--reload"] if options.reload else [])]
            command += ["--sql-only"] if options.sql_only else []
            subprocess.run(command, env=env, check=True)
        return
    if options.reload:
        drop_database()
    print(f"Database {connection.settings_dict['NAME']}: migrating...", flush=True)
    call_command("migrate", verbosity=0)
    for plans in options.plans:
        if options.sql_only:
            bench_sql_only(plans, options.runs)
        else:
            bench_area(plans, options.runs)


if __name__ == "__main__":
    main()
