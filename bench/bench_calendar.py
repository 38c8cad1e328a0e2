"""Benchmark: the Local Offer activities calendar page and its iCalendar feeds.

`.venv/bin/python bench/bench_calendar.py [--requests 20] [--seed 2026]`

Uses its own database, opensend_bench (OPENSEND_DB_NAME changes it), migrates it, and
loads the demo Local Offer (`generate_local_offer --reset`, relative to today). Then, for
each URL, one warm-up request, the SQL statement count of one request, and the median and
95th percentile time over `--requests` requests. Prints figures; never asserts a timing.
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
os.environ.setdefault("OPENSEND_DB_NAME", "opensend_bench")
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from opensend.directory import models as m  # noqa: E402
from opensend.nonprod.local_offer.build import generate_local_offer  # noqa: E402


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(
        self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object
    ) -> object:
        self.count += 1
        return execute(sql, params, many, context)


def measure(client: Client, url: str, requests: int) -> str:
    client.get(url)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    return (
        f"{url:<50} {len(response.content):>8} bytes {counter.count:>3} queries "
        f"median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate_local_offer(seed=options.seed, today=timezone.localdate(), reset=True)
    print(
        f"Demo Local Offer loaded in {time.perf_counter() - started:.1f} s: "
        f"{m.Service.objects.count()} services, {m.Schedule.objects.count()} schedules"
    )
    swim = m.Schedule.objects.filter(service__name="Fellbeck autism-friendly swimming").first()
    next_week = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    client = Client(HTTP_HOST="localhost")
    for url in (
        "/local-offer/activities/",
        f"/local-offer/activities/?week={next_week}",
        "/local-offer/activities/?age=9&need=ASD",
        "/local-offer/activities.ics",
        "/local-offer/activities.ics?age=9&need=ASD",
        f"/local-offer/activities/{swim.id}.ics" if swim else "/local-offer/activities.ics",
    ):
        print(measure(client, url, options.requests))


if __name__ == "__main__":
    main()
