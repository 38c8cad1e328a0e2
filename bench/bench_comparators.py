"""Benchmark: the DfE comparators behind the measures dashboard, the public pages and the API.

    .venv/bin/python bench/bench_comparators.py [--runs 5]

Uses its own database, opensend_bench_comparators (OPENSEND_DB_NAME overrides it), migrated,
with the real 2025 EES zip and the statistical neighbours imported (both idempotent) and the
demo area generated with 600 children, seed 2026 (only when there is no demo area yet).

Measures, each as the number of SQL statements of one call and the median time of --runs:
  * GET /measures/ for an SEN manager, the first load (the comparator cache emptied before
    every run) and a later load (cache kept);
  * GET /local-area/measures/ (public), first load;
  * GET /api/v1/indicators/<code>/?area=E06000057 (anonymous: published figures only);
  * comparators_for() once per mapped indicator, and comparators_for_many() for all of them.
This is not a test: it prints the figures and never fails on a timing.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENSEND_DB_NAME", "opensend_bench_comparators")
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from opensend.measures.comparators import selectors as comparators  # noqa: E402
from opensend.measures.comparators.sources import COMPARATOR_SOURCES  # noqa: E402
from opensend.nonprod.generator import demo_la  # noqa: E402
from opensend.people.models import Role, User  # noqa: E402

EES = ROOT.parent.parent / "shared" / "data" / "ees"
if not EES.exists():
    EES = Path("/work/shared/data/ees")
NORTHUMBERLAND = "E06000057"
API_CODE = "plans_issued_within_20_weeks_incl_exceptions"


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., object], *args: object) -> object:
        self.count += 1
        return execute(*args)


def prepare() -> None:
    print(f"Database {connection.settings_dict['NAME']}: migrating...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("import_ees", str(EES / "education-health-and-care-plans_2025.zip"))
    call_command("import_statistical_neighbours", str(EES / "statistical-neighbours.csv"))
    if demo_la() is None:
        call_command("generate_area", children=600, seed=2026, reset=True)


def signed_in(user: User) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    session.save()
    return client


def page(client: Client, url: str) -> Callable[[], object]:
    def get() -> object:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        return response

    return get


def cold(call: Callable[[], object]) -> Callable[[], object]:
    def first_load() -> object:
        cache.clear()
        return call()

    return first_load


def measure(what: str, call: Callable[[], object], runs: int) -> None:
    call()  # warm up: templates compiled, connection open
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    print(f"| {what} | {counter.count} | {statistics.median(times):,.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    prepare()
    la = demo_la()
    manager = User.objects.filter(
        memberships__role=Role.SEN_MANAGER, memberships__organisation=la
    ).first()
    staff, public = signed_in(manager), Client(raise_request_exception=True)
    codes = list(COMPARATOR_SOURCES)
    many = getattr(comparators, "comparators_for_many", None)
    print(f"\n{len(codes)} mapped indicators; demo area {la.ons_code}\n")
    print("| what | SQL queries | median ms |\n|---|---|---|")
    measure("/measures/ first load (SEN manager)", cold(page(staff, "/measures/")), runs)
    measure("/measures/ later load (cached)", page(staff, "/measures/"), runs)
    measure("/local-area/measures/ first load", cold(page(public, "/local-area/measures/")), runs)
    api = f"/api/v1/indicators/{API_CODE}/?area={NORTHUMBERLAND}&period=2024"
    measure("API one indicator, Northumberland", page(public, api), runs)

    def one_by_one() -> object:
        return [
            comparators.comparators_for(code=c, area_code=la.ons_code, year=2024) for c in codes
        ]

    measure("comparators_for() x every mapped code", one_by_one, runs)
    if many is not None:
        measure(
            "comparators_for_many(every mapped code)",
            lambda: many(codes=codes, area_code=la.ons_code, year=2024),
            runs,
        )


if __name__ == "__main__":
    main()
