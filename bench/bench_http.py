"""Benchmark: the measures pages and one API answer through gunicorn under 20 concurrent
clients, on the 25,000-plan area of bench_measures.py (run that first).

    .venv/bin/python bench/bench_http.py [--plans 25000] [--clients 20] [--seconds 20]
                                         [--workers 2] [--threads 1] [--only NAME]

Starts gunicorn on 127.0.0.1 (sync workers), signs an SEN manager of the bench area in
(a session row with a verified second factor, as after the real sign-in; the public page
is driven signed out, with no cookies, as the public see it) and drives each URL with an
asyncio client (httpx) holding --clients connections for --seconds. The client runs on
the same cores as the server. Traffic goes to 127.0.0.1 only; each run is bounded in
time. A static file answered by WhiteNoise (no view, no SQL) is driven first: the floor
this machine gives any page. Prints requests, errors, requests/second, p50 and p95 and
the load average. This is not a test: it never fails on a timing.
"""

import argparse
import asyncio
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AREA_CODE = "E06999999"  # bench/measures_loader.py's area
PUBLIC = {"/local-area/measures/", "/static/opensend/body-classes.js"}

import httpx  # noqa: E402


def _django(database: str) -> None:
    os.environ["OPENSEND_DB_NAME"] = database
    # The bench databases are owned by (and granted to) the owner role of the bench
    # environment, as in bench_measures.py; gunicorn inherits it through os.environ.
    os.environ.setdefault("OPENSEND_ENV", "bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.config.settings")
    import django

    django.setup()


def signed_in_session(plans: int) -> str:
    """A session key for an SEN manager of the bench area, second factor verified."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from opensend.people.models import Membership, Organisation, Role, User

    area = Organisation.objects.get(name=f"Bench measures area, {plans:,} plans")
    email = f"bench-manager-{area.pk}@example.invalid"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, full_name="Bench manager")
        Membership.objects.create(user=user, organisation=area, role=Role.SEN_MANAGER)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="Bench", confirmed=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["otp_device_id"] = device.persistent_id
    session.create()
    assert session.session_key is not None
    return session.session_key


async def drive(url: str, cookies: dict[str, str], clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(cookies=cookies, limits=limits, timeout=60) as client:

        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - started) * 1000)
                errors += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        took = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / took,
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
    }


def _wait_for(port: int) -> None:
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/local-offer/", timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, default=25_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--only", help="drive only the URLs whose name contains this")
    options = parser.parse_args()
    database = f"opensend_bench_measures_{options.plans}"
    _django(database)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    staff = {"sessionid": signed_in_session(options.plans)}
    env = {**os.environ, "OPENSEND_DB_NAME": database, "OPENSEND_AREA_ONS_CODE": AREA_CODE}
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "opensend.config.wsgi", "--bind",
         f"127.0.0.1:{options.port}", "--workers", str(options.workers), "--threads",
         str(options.threads), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{options.port}"
    urls = {
        # The floor: a static file WhiteNoise answers before any view, on the same machine.
        "floor: a static file (no view, no SQL)": "/static/opensend/body-classes.js",
        "dashboard /measures/ (SEN manager)": "/measures/",
        "public /local-area/measures/": "/local-area/measures/",
        "API, one indicator (live)": "/api/v1/indicators/new_plans/?period=2025&area=" + AREA_CODE,
    }
    try:
        _wait_for(options.port)
        print(f"{options.clients} clients, {options.seconds:.0f} s per URL, gunicorn "
              f"{options.workers} workers x {options.threads} threads, "
              f"{options.plans:,} plans")  # fmt: skip
        for name, path in urls.items():
            if options.only and options.only not in name:
                continue
            # The public page is driven as the public use it: signed out, no cookies.
            cookies = {} if path in PUBLIC else staff
            warm = httpx.get(base + path, cookies=cookies, timeout=60)
            assert warm.status_code == 200, (path, warm.status_code)
            before = os.getloadavg()[0]
            found = asyncio.run(drive(base + path, cookies, options.clients, options.seconds))
            print(
                f"  {name}: {found['requests']} requests, {found['errors']} errors, "
                f"{found['rps']:.1f}/s, p50 {found['p50']:.0f} ms, p95 {found['p95']:.0f} ms "
                f"(load {before:.1f} before, {os.getloadavg()[0]:.1f} after)",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
