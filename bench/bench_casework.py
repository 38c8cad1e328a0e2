"""Benchmark: the work queue and the case page on a 25,000-child area.

    .venv/bin/python bench/bench_casework.py [--children 25000] [--seed 2026] [--requests 30]
                                             [--regenerate]

(`make bench` runs it.) It uses its own database, opensend_bench (set OPENSEND_DB_NAME to
change it), migrates it, and generates the demo area once: a later run with the same seed
and size reuses it. Then, through Django's test client signed in as staff, it measures
`/cases/` (the work queue) for a caseworker with a small caseload, one with a large
caseload and an SEN manager (the whole area: the heaviest queue), and `/cases/<id>/` for
several cases, plus the selectors behind them: SQL queries per request (counted with
connection.execute_wrapper) and the median and
95th percentile time over --requests requests. The number of queries must not grow with
the caseload. This is not a test: it prints a table and never fails on timings.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Before Django reads its settings: the benchmark never touches the demo database.
os.environ.setdefault("OPENSEND_DB_NAME", "opensend_bench")
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from opensend.casework.models import Case, CaseEvent  # noqa: E402
from opensend.casework.selectors import OPEN_STAGES, case_timeline, work_queue  # noqa: E402
from opensend.nonprod.generator import demo_la, generate_area, generation_record  # noqa: E402
from opensend.people.models import Role, User  # noqa: E402


@dataclass
class Measure:
    what: str
    who: str
    queries: int
    times_ms: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def prepare(children: int, seed: int, regenerate: bool) -> None:
    print(f"Database {connection.settings_dict['NAME']}: migrating...", flush=True)
    call_command("migrate", verbosity=0)
    la = demo_la()
    record = generation_record(la) if la else None
    if (
        not regenerate
        and record
        and record.get("seed") == seed
        and record.get("children") == children
    ):
        print(
            f"Reusing the area generated for {record['today']} "
            f"({children:,} children, seed {seed})."
        )
        return
    started = time.monotonic()
    generate_area(children=children, seed=seed, today=timezone.localdate(), reset=True)
    print(f"Generated {children:,} children in {time.monotonic() - started:.0f} s.")


def signed_in(user: User) -> Client:
    """A client signed in with a verified second factor (as the sign-in views leave it)."""
    client = Client(raise_request_exception=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


class QueryCounter:
    """Counts every SQL statement run (CaptureQueriesContext loses them when the test
    client's request_started signal resets the query log)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object
    ) -> object:
        self.count += 1
        return execute(sql, params, many, context)


def measure(what: str, who: str, call: Callable[[], object], requests: int) -> Measure:
    call()  # warm up: templates compiled, connection open
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        call()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return Measure(what, who, counter.count, times)


def page(client: Client, url: str) -> Callable[[], object]:
    def get() -> object:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        return response

    return get


def open_caseloads() -> list[tuple[User, int]]:
    la = demo_la()
    caseworkers = (
        User.objects.filter(memberships__role=Role.CASEWORKER, memberships__organisation=la)
        .annotate(
            open_cases=Count("allocated_cases", filter=Q(allocated_cases__stage__in=OPEN_STAGES))
        )
        .order_by("open_cases", "email")
    )
    return [(user, user.open_cases) for user in caseworkers]


def cases_to_open(caseworker: User, count: int = 4) -> list[Case]:
    """The caseworker's open cases with the most and the fewest events, and some between."""
    cases = list(
        Case.objects.filter(caseworker=caseworker, stage__in=OPEN_STAGES)
        .annotate(events_count=Count("events"))
        .order_by("events_count", "id")
    )
    if len(cases) <= count:
        return cases
    step = (len(cases) - 1) / (count - 1)
    return [cases[round(index * step)] for index in range(count)]


def run(requests: int) -> list[Measure]:
    try:
        queue_url = reverse("casework:queue")
    except NoReverseMatch:
        raise SystemExit("The route casework:queue does not exist yet.") from None
    day = timezone.localdate()
    caseloads = open_caseloads()
    small, small_load = caseloads[0]
    large, large_load = caseloads[-1]
    manager = (
        User.objects.filter(memberships__role=Role.SEN_MANAGER, memberships__organisation=demo_la())
        .order_by("email")
        .first()
    )
    assert manager is not None
    all_open = Case.objects.filter(local_authority=demo_la(), stage__in=OPEN_STAGES).count()
    people = [
        (small, f"caseworker, {small_load} open cases"),
        (large, f"caseworker, {large_load} open cases"),
        (manager, f"SEN manager, {all_open:,} open cases"),
    ]
    results = []
    for user, who in people:
        client = signed_in(user)
        results.append(measure("GET /cases/ (work queue)", who, page(client, queue_url), requests))
        results.append(
            measure(
                "GET /cases/?show=overdue", who, page(client, f"{queue_url}?show=overdue"), requests
            )
        )
        results.append(
            measure(
                "work_queue() selector",
                who,
                lambda user=user: work_queue(user=user, today=day),
                requests,
            )
        )
    client = signed_in(large)
    for case in cases_to_open(large):
        events = CaseEvent.objects.filter(case=case).count()
        who = f"case {case.pk}: {events} events, {case.get_stage_display().lower()}"
        results.append(
            measure(
                "GET /cases/<id>/ (case page)",
                who,
                page(client, reverse("casework:case", args=[case.pk])),
                requests,
            )
        )
        results.append(
            measure(
                "case_timeline() selector", who, lambda case=case: case_timeline(case), requests
            )
        )
    return results


def print_table(results: list[Measure], requests: int) -> None:
    headers = ("what", "for whom", "SQL queries", "median ms", "p95 ms")
    rows = [(m.what, m.who, str(m.queries), f"{m.median:.1f}", f"{m.p95:.1f}") for m in results]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join("-" * w for w in widths)
    print(
        f"\nTimes over {requests} requests each (test client, no network), "
        f"queries counted on one request."
    )
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print(line)
    for row in rows:
        cells = [
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            *(cell.rjust(width) for cell, width in zip(row[2:], widths[2:], strict=True)),
        ]
        print("  ".join(cells))
    queue = [m for m in results if m.what.startswith("GET /cases/ (")]
    small, large = queue[0].queries, queue[1].queries
    verdict = "same" if small == large else "NOT the same: queries grow with the caseload"
    print(
        f"\nWork queue, queries per request: caseworkers {small} (small caseload) and "
        f"{large} (large caseload): {verdict}; SEN manager {queue[2].queries} "
        "(a manager's scope adds its own lookups, whatever the size of the area)."
    )
    pages = {m.queries for m in results if m.what.startswith("GET /cases/<id>/")}
    print(f"Case page, queries per request for cases of every length: {sorted(pages)}.")


def main() -> None:
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--regenerate", action="store_true")
    options = parser.parse_args()
    prepare(options.children, options.seed, options.regenerate)
    print_table(run(options.requests), options.requests)


if __name__ == "__main__":
    main()
