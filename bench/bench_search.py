"""Benchmark: the Local Offer search over 10,000 services.

    .venv/bin/python bench/bench_search.py [--services 10000] [--seed 1] [--repeat 20]
                                           [--seconds 15] [--threads 8] [--regenerate]
                                           [--page-only]

(`make bench` runs it.) It uses its own database, opensend_bench_search (OPENSEND_DB_NAME
overrides it), migrates it and generates the directory once (`generate_directory`); a
later run with the same number of services reuses it. Then:

1. the search query (opensend/directory/public/search.py) for a mix of realistic searches
   (words, misspelt words, filters, a postcode or town with a radius), each --repeat times
   after a warm-up: p50 and p95 in ms, overall and per kind;
2. beside it, a naive query on the same data: `icontains` on name and description, the
   same filters through the ORM, distances worked out in Python;
3. the search page's throughput: gunicorn with 2 sync workers on loopback, driven for
   --seconds by a Python client with --threads threads (the client shares the cores):
   requests/second, p50 and p95, the load average before and after, and the CPU the
   client itself used per request (on 2 cores, what it uses the server cannot).
   `--page-only` skips 1 and 2 (to compare two versions of the page back to back).

This is not a test: it prints figures and never fails on timings.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OPENSEND_DB_NAME", "opensend_bench_search")
os.environ.setdefault("OPENSEND_ENV", "bench")  # installs opensend.nonprod (its generators)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402

from opensend.directory import models as m  # noqa: E402
from opensend.directory.public import geography  # noqa: E402
from opensend.directory.public.search import SearchQuery, search  # noqa: E402

WORDS = ["swimming", "speech therapy", "youth club", "autism", "holiday club", "drama",
         "sensory play", "short breaks", "travel training", "parent support"]  # fmt: skip
TYPOS = ["swiming", "autsim", "speach therapy", "dyslxia", "trampolene"]
NEEDS = ["ASD", "SLCN", "SEMH", "PD", "HI"]


def mix(rng: random.Random, postcodes: list[m.PostcodeCentroid]) -> list[tuple[str, dict]]:
    """(kind, search form parameters): what families type and tick."""
    searches: list[tuple[str, dict]] = []
    for word in WORDS:
        searches.append(("words", {"q": word}))
    for word in TYPOS:
        searches.append(("misspelt words", {"q": word}))
    for _ in range(10):
        searches.append(("filters", {"need": [rng.choice(NEEDS)], "age": rng.randrange(2, 19),
                                     "free": rng.random() < 0.5,
                                     "day": [rng.choice(["MO", "WE", "SA"])]}))  # fmt: skip
    for _ in range(10):
        code = rng.choice(postcodes)
        searches.append(("postcode", {"place": geography.pretty_postcode(code.postcode),
                                      "within": rng.choice(["3", "5", "10", ""])}))  # fmt: skip
    for _ in range(10):
        code = rng.choice(postcodes)
        searches.append(("words + filters + postcode", {
            "q": rng.choice(WORDS + TYPOS), "need": [rng.choice(NEEDS)],
            "age": rng.randrange(4, 16), "place": geography.pretty_postcode(code.postcode),
            "within": "5"}))  # fmt: skip
    searches.append(("town", {"place": "Millbrook", "within": "5"}))
    searches.append(("everything", {}))
    return searches


def as_query(params: dict) -> SearchQuery:
    from opensend.directory.public.forms import SearchForm

    form = SearchForm({k: v for k, v in params.items() if v not in ("", False)})
    assert form.is_valid(), form.errors
    return form.query()


def naive(query: SearchQuery) -> tuple[int, list]:
    """What a first version would do: icontains, ORM filters, distances in Python."""
    services = m.Service.objects.filter(status="active")
    for word in query.words.split():
        services = services.filter(Q(name__icontains=word) | Q(description__icontains=word))
    if query.needs:
        needs = Q()
        for code in query.needs:
            needs |= Q(local_offer__needs_supported__contains=[code])
        services = services.filter(needs)
    if query.age is not None:
        services = services.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age))
        services = services.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age))
    if query.free:
        services = services.exclude(cost_options__amount__gt=0)
    if query.days:
        days = Q()
        for day in query.days:
            days |= Q(service_at_locations__schedules__byday__contains=day)
        services = services.filter(days)
    services = services.distinct()
    if not query.origin:
        return services.count(), list(services.order_by("name")[:20])
    measured = []
    for service_id, lat, lng in services.filter(
        service_at_locations__location__latitude__isnull=False
    ).values_list("id", "service_at_locations__location__latitude",
                  "service_at_locations__location__longitude"):  # fmt: skip
        miles = geography.haversine_metres(query.origin.latitude, query.origin.longitude,
                                           lat, lng) / geography.METRES_PER_MILE  # fmt: skip
        if query.within_miles is None or miles <= query.within_miles:
            measured.append((miles, service_id))
    measured.sort()
    return len(measured), measured[:20]


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def report(title: str, by_kind: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"  {'kind':32} {'p50 ms':>8} {'p95 ms':>8}")
    every = [t for times in by_kind.values() for t in times]
    for kind, times in by_kind.items():
        print(f"  {kind:32} {statistics.median(times):8.1f} {p95(times):8.1f}")
    print(f"  {'ALL':32} {statistics.median(every):8.1f} {p95(every):8.1f}")


def prepare(services: int, seed: int, regenerate: bool) -> None:
    call_command("migrate", verbosity=0)
    if regenerate or m.ServiceSearchEntry.objects.count() != services:
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE directory_service, directory_organization, directory_location,"
                " directory_attribute, directory_servicesearchentry, directory_searchword"
                " CASCADE"
            )
        print(f"Generating {services} services...", flush=True)
        call_command("generate_directory", services=services, seed=seed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def page_url(params: dict) -> str:
    return "/local-offer/search/?" + urlencode(
        {k: v for k, v in params.items() if v not in ("", False)}, doseq=True
    )


def query_benchmark(searches, repeat: int) -> list[tuple[str, str]]:
    fast: dict[str, list[float]] = {}
    slow: dict[str, list[float]] = {}
    urls = []
    for kind, params in searches:
        query = as_query(params)
        fast.setdefault(kind, []).extend(timed(lambda q=query: search(q), repeat))
        slow.setdefault(kind, []).extend(timed(lambda q=query: naive(q), max(3, repeat // 4)))
        urls.append((kind, page_url(params)))
    report("Search query (search.search: one SQL statement, plus the typo lookup)", fast)
    report("Naive query (icontains + ORM filters + distances in Python)", slow)
    return urls


def throughput(urls: list[tuple[str, str]], seconds: float, threads: int) -> None:
    port = 8765
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "opensend.config.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        _wait_for(port)
        latencies: list[float] = []
        errors = [0]
        stop = time.perf_counter() + seconds
        lock = threading.Lock()

        def work(offset: int) -> None:
            n = offset
            while time.perf_counter() < stop:
                url = f"http://127.0.0.1:{port}{urls[n % len(urls)][1]}"
                n += 1
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(url, timeout=10) as response:
                        response.read()
                        ok = response.status == 200
                except OSError:
                    ok = False
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)
                    errors[0] += not ok

        load_before = os.getloadavg()[0]
        client_cpu = time.process_time()
        started = time.perf_counter()
        pool = [threading.Thread(target=work, args=(i * 7,)) for i in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        took = time.perf_counter() - started
        client_cpu = time.process_time() - client_cpu
        print(f"\nSearch page throughput (gunicorn, 2 sync workers, {threads} client threads,"
              f" {took:.0f} s, the client on the same cores)")  # fmt: skip
        print(f"  requests {len(latencies)}, errors {errors[0]}, "
              f"{len(latencies) / took:.0f} requests/second, latency p50 "
              f"{statistics.median(latencies):.0f} ms, p95 {p95(latencies):.0f} ms")  # fmt: skip
        print(f"  load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; the"
              f" client used {client_cpu * 1000 / max(1, len(latencies)):.1f} ms of CPU per"
              " request")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/local-offer/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--page-only", action="store_true", help="only the page's throughput")
    args = parser.parse_args()
    prepare(args.services, args.seed, args.regenerate)
    postcodes = list(m.PostcodeCentroid.objects.filter(postcode__startswith="NM")[::97])
    searches = mix(random.Random(args.seed), postcodes)
    print(f"{m.ServiceSearchEntry.objects.count()} services in the index; "
          f"{len(searches)} searches, each {args.repeat} times")  # fmt: skip
    if args.page_only:
        urls = [(kind, page_url(params)) for kind, params in searches]
    else:
        urls = query_benchmark(searches, args.repeat)
    connection.close()
    throughput(urls, args.seconds, args.threads)


if __name__ == "__main__":
    main()
