"""`make chaos`: restart PostgreSQL under a bounded loopback load (security.md goal 15).

On a scratch database (opensend_chaos, migrated afresh and dropped at the end) it serves
OpenSEND with gunicorn on a loopback port, as `make demo` does, and CLIENTS threads post
the public feedback form (each post with its own one-time token, from a fresh session)
for SECONDS seconds, at most MAX_POSTS posts. RESTART_AT seconds in, PostgreSQL is
restarted (pg_ctl restart -m fast: every connection is cut). Then it checks:

- no partial writes: every post answered with the redirect that means "saved" is in the
  database, and every post answered otherwise (a 500 while PostgreSQL was down) is not;
- the service answers again: the first saved post after PostgreSQL is back comes within
  RECOVERY_LIMIT seconds.

Exit 0 when both hold. It needs the embedded server (it restarts it): not for a
deployment's own PostgreSQL, and never part of `make test` (it takes about half a minute
and restarts the server other test runs share).
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATABASE = os.environ.get("CHAOS_DATABASE", "opensend_chaos")
os.environ["OPENSEND_DB_NAME"] = DATABASE
os.environ.setdefault("OPENSEND_ENV", "development")
os.environ.pop("DATABASE_URL", None)  # the embedded server only: this script restarts it
# Every post comes from 127.0.0.1: the feedback form's per-address limit (10 an hour,
# issue 13 finding 7) would refuse all but the first few and leave nothing to check.
os.environ.setdefault("FEEDBACK_RATE_LIMIT_PER_ADDRESS", "1000000")

import psycopg  # noqa: E402
from pgtools import ROOT, django_setup, owner_params  # noqa: E402
from psycopg import sql  # noqa: E402

CLIENTS = int(os.environ.get("CHAOS_CLIENTS", "4"))
SECONDS = float(os.environ.get("CHAOS_SECONDS", "15"))
RESTART_AT = float(os.environ.get("CHAOS_RESTART_AT", "4"))
MAX_POSTS = int(os.environ.get("CHAOS_MAX_POSTS", "2000"))
RECOVERY_LIMIT = float(os.environ.get("CHAOS_RECOVERY_LIMIT", "5"))
FORM = "/local-offer/feedback/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Post:
    token: str
    started: float
    outcome: str  # "saved", "refused <status>" or "no answer"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def post_feedback(base: str) -> Post:
    """One visitor: open the form (a fresh session and CSRF cookie), post it once."""
    token, started = str(uuid.uuid4()), time.monotonic()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
    )
    try:
        form = opener.open(base + FORM, timeout=10).read().decode()
        data = {
            "csrfmiddlewaretoken": CSRF.search(form).group(1),
            "token": token,  # type: ignore[union-attr]
            "text": f"Chaos drill feedback {token}",
            "website": "",
        }
        request = urllib.request.Request(  # noqa: S310 (http to loopback only)
            base + FORM, urllib.parse.urlencode(data).encode(), headers={"Referer": base + FORM}
        )
        status = opener.open(request, timeout=10).status
    except urllib.error.HTTPError as answer:
        status = answer.code
    except (OSError, AttributeError):  # no answer, or the form page itself failed
        return Post(token, started, "no answer")
    return Post(token, started, "saved" if status == 302 else f"refused {status}")


def load(base: str, posts: list[Post], until: float) -> None:
    while time.monotonic() < until and len(posts) < MAX_POSTS:
        posts.append(post_feedback(base))


def serve(port: int, log: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {"LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn)
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "opensend.config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not start: see {log}")


def saved_tokens() -> set[str]:
    with psycopg.connect(**owner_params()) as database:
        rows = database.execute("SELECT submission_token::text FROM directory_feedback")
        return {token for (token,) in rows.fetchall()}


def drop_database() -> None:
    with psycopg.connect(**owner_params("postgres"), autocommit=True) as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE))
        )


def run_load(base: str) -> tuple[list[Post], float, float, float]:
    """The load with a restart in the middle: the posts, when the restart began and ended
    (seconds into the load), and when the load started (monotonic clock)."""
    from opensend.config.embedded_db import restart

    posts: list[Post] = []
    start = time.monotonic()
    threads = [
        threading.Thread(target=load, args=(base, posts, start + SECONDS)) for _ in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(RESTART_AT)
    restart_began = time.monotonic()
    restart()
    restart_ended = time.monotonic()
    for thread in threads:
        thread.join()
    return posts, restart_began - start, restart_ended - start, start


def verdict(posts: list[Post], began: float, ended: float, start: float) -> bool:
    in_database = saved_tokens()
    outcomes = Counter(post.outcome for post in posts)
    lost = [p for p in posts if p.outcome == "saved" and p.token not in in_database]
    phantom = [p for p in posts if p.outcome.startswith("refused") and p.token in in_database]
    unanswered_saved = sum(p.token in in_database for p in posts if p.outcome == "no answer")
    back = [p.started - start for p in posts if p.outcome == "saved" and p.started - start >= ended]
    recovery = (min(back) - ended) if back else None
    print(
        f"{len(posts)} posts by {CLIENTS} clients in {SECONDS:.0f} s; "
        f"PostgreSQL restarted at {began:.1f} s, back at {ended:.1f} s"
    )
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome:14} {count:5}")
    print(
        f"check: every saved post is in the database: {'yes' if not lost else 'NO'}"
        f" ({len(lost)} missing)"
    )
    print(
        f"check: no refused post is in the database: {'yes' if not phantom else 'NO'}"
        f" ({len(phantom)} present)"
    )
    if outcomes["no answer"]:
        print(f"  (posts with no answer: {unanswered_saved} of {outcomes['no answer']} saved)")
    answered = recovery is not None and recovery <= RECOVERY_LIMIT
    print(
        "check: the service saved a post again "
        + (f"{recovery:.2f} s after PostgreSQL was back" if recovery is not None else "NEVER")
        + f" (limit {RECOVERY_LIMIT:.0f} s): {'yes' if answered else 'NO'}"
    )
    return not lost and not phantom and answered


def main() -> int:
    django_setup()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, check=True
    )
    port, log = free_port(), ROOT / "var" / "chaos-gunicorn.log"
    server = serve(port, log)
    try:
        posts, began, ended, start = run_load(f"http://127.0.0.1:{port}")
        passed = verdict(posts, began, ended, start)
    finally:
        server.terminate()
        server.wait(timeout=30)
        drop_database()
    print(f"chaos drill {'PASSED' if passed else 'FAILED'} (server log: {log})")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
