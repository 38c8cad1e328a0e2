"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Fixtures
    browser         Chromium for the module (see `_playwright` for why not the session)
    page            a fresh browser context and tab per test, addressed to the live server
    site_url        the live server's address; the test's data is committed (transaction=True)

Helpers
    sign_in(page, user, device=None)  the sign-in form, and for staff the security code
    axe_check(page)                   axe-core finds no WCAG 2.2 AA or best-practice problem
    screenshot(page, step)            a full-page picture in var/screenshots/<test>-<step>.png
    visit(page, step)                 both of the above, for each page a journey reaches

Every page is also checked for browser console errors (a Content Security Policy
violation shows up there) and for static files that failed to load, because the tests
run with the real CSP: axe is added from our own static files, not injected inline.

Run them with `.venv/bin/pytest tests/system` (they need /usr/bin/chromium: `make
install-browser`). Each xdist worker gets its own live server on a free port.
"""

import datetime as dt
import fcntl
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Response,
    sync_playwright,
)

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
FRONTEND = ROOT / "var" / "frontend"
AXE_STATIC_PATH = "vendor/axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
AXE_RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# resultTypes: only violations are worked out in full (much faster on long pages).
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": AXE_RULESETS},
    "resultTypes": ["violations"],
}
TIMEOUT_MS = 10_000
# A full-page picture of a long page (the activities calendar) can take longer than a
# step on a loaded machine; it is for people to look at, so it gets its own allowance.
SCREENSHOT_TIMEOUT_MS = 60_000


# ---------------------------------------------------------------------------- set-up


@pytest.fixture(scope="session")
def _frontend_built() -> None:
    """The pages link to var/frontend/ (STATICFILES_DIRS): build it once if it is missing.

    A lock file stops two xdist workers building it at the same time.
    """
    if (FRONTEND / AXE_STATIC_PATH).exists():
        return
    from opensend.core import frontend

    FRONTEND.parent.mkdir(parents=True, exist_ok=True)
    with open(FRONTEND.parent / ".frontend-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (FRONTEND / AXE_STATIC_PATH).exists():
            frontend.build()


@pytest.fixture(scope="module")
def _playwright() -> Iterator[Any]:
    """Playwright, started for one test module at a time.

    Playwright's sync API keeps an asyncio loop marked as running on the main thread
    while it is started, and Django then refuses ORM calls ("SynchronousOnlyOperation").
    DJANGO_ALLOW_ASYNC_UNSAFE lifts that, but only while Playwright runs: scoping both to
    the module (not the session) keeps the rest of an xdist worker's tests unaffected.
    """
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make install-browser` (apt-get install chromium)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(_playwright: Any) -> Iterator[Browser]:
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def site_url(_frontend_built: None, live_server: Any, transactional_db: None) -> str:
    """The live server's address. The server runs in a thread with its own database
    connections, so a test's data must be committed to be seen there: mark browser tests
    `django_db(transaction=True)` (tests/conftest.py lets their clean-up empty the
    append-only audit table)."""
    return live_server.url


@dataclass
class PageProblems:
    """What went wrong in the browser while a page loaded: console errors (CSP
    violations included) and failed requests for static files."""

    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def take(self) -> list[str]:
        problems = [f"console: {text}" for text in self.console]
        problems += [f"failed to load: {url}" for url in self.failed]
        self.console.clear()
        self.failed.clear()
        return problems


def watched_page(browser: Browser, site_url: str, test_name: str) -> tuple[BrowserContext, Page]:
    """A fresh browser context and tab on the live server, whose console errors and failed
    static files `axe_check` reports. A journey with two people signed in at once opens a
    second one for the other person (`page` is the first)."""
    context = browser.new_context(
        base_url=site_url,
        locale="en-GB",
        timezone_id="Europe/London",
        viewport={"width": 1024, "height": 768},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = PageProblems()

    def on_console(message: ConsoleMessage) -> None:
        # A failed request is reported by on_response, with its address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.console.append(message.text)

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            problems.failed.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.console.append(str(error)))
    page.on("response", on_response)
    page.problems = problems  # type: ignore[attr-defined]
    page.test_name = test_name  # type: ignore[attr-defined]
    return context, page


@pytest.fixture
def page(browser: Browser, site_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    context, page = watched_page(browser, site_url, re.sub(r"^test_", "", request.node.name))
    yield page
    context.close()


# ---------------------------------------------------------------------------- helpers


def path(name: str, *args: Any) -> str:
    """A route's path, for page.goto (the context's base_url supplies the server)."""
    return reverse(name, args=args or None)


def security_code(device: Any) -> str:
    """The code the user's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(
    page: Page, user: Any, device: Any = None, password: str = PASSWORD, step: str | None = None
) -> None:
    """Sign in through the sign-in page and, for staff, enter the code `device` shows now.

    With `step`, each page on the way is photographed and checked with axe, as
    `<step>-sign-in` and `<step>-security-code`.
    """
    sign_in_page = path("core:sign_in")
    page.goto(sign_in_page)
    if step:
        visit(page, f"{step}-sign-in")
    submit_sign_in(page, user.email, password)
    page.wait_for_url(lambda url: urlsplit(url).path != sign_in_page)
    if device is None:
        return
    assert urlsplit(page.url).path == path("core:security_code"), page.url
    if step:
        visit(page, f"{step}-security-code")
    page.get_by_label("Security code").fill(security_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: urlsplit(url).path != path("core:security_code"))


def submit_sign_in(page: Page, email: str, password: str) -> None:
    """Fill in and send the sign-in form that is on the page."""
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def fill_date(scope: Page | Locator, legend: str | re.Pattern[str], day: dt.date) -> None:
    """Type a date into a GOV.UK date input: the fieldset named `legend`, boxes Day,
    Month and Year."""
    group = scope.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def govuk_date(day: dt.date) -> str:
    """How pages write a date: 3 March 2026."""
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class KnownIssue:
    """A finding axe reports on a GOV.UK Frontend pattern that GDS chose on purpose."""

    rule: str
    selector: str  # the element axe points at must match this
    only_about: str = ""  # and, if set, every failure line must mention this
    why: str = ""


KNOWN_GOVUK_ISSUES = (
    KnownIssue(
        "aria-allowed-attr",
        ".govuk-radios__input[aria-controls], .govuk-checkboxes__input[aria-controls]",
        only_about="aria-expanded",
        why="GOV.UK Frontend's conditional reveals put aria-expanded on the radio or "
        "checkbox on purpose: screen readers announce it (alphagov/govuk-frontend#979)",
    ),
)


def _is_known(page: Page, rule: str, node: dict[str, Any]) -> bool:
    target = node["target"][0] if len(node["target"]) == 1 else None
    for issue in KNOWN_GOVUK_ISSUES:
        if issue.rule != rule or not isinstance(target, str):
            continue
        failures = [
            line for line in (node.get("failureSummary") or "").splitlines()[1:] if line.strip()
        ]
        if issue.only_about and not all(issue.only_about in line for line in failures):
            continue
        if page.evaluate(
            "([target, selector]) => !!document.querySelector(target)?.matches(selector)",
            [target, issue.selector],
        ):
            return True
    return False


def _unexpected(page: Page, violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations left once the known GOV.UK Frontend issues are set aside."""
    left = []
    for violation in violations:
        nodes = [node for node in violation["nodes"] if not _is_known(page, violation["id"], node)]
        if nodes:
            left.append({**violation, "nodes": nodes})
    return left


def _format_violation(violation: dict[str, Any]) -> str:
    lines = [
        f"- {violation['id']} ({violation.get('impact')}): {violation['help']}",
        f"  {violation.get('helpUrl', '')}",
    ]
    for node in violation["nodes"]:
        lines.append(f"    at {' '.join(map(str, node['target']))}")
        lines.append(f"       {node.get('html', '')[:200]}")
        summary = node.get("failureSummary")
        if summary:
            lines.append("       " + summary.replace("\n", "\n       "))
    return "\n".join(lines)


def axe_check(page: Page) -> None:
    """Fail unless axe-core finds no WCAG 2.2 AA (or best-practice) violation on the page,
    and the browser reported no console error or failed static file while loading it.

    Only the KNOWN_GOVUK_ISSUES are set aside, each for exactly the element it is about.
    """
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # From our own static files, so the page's CSP (script-src 'self') allows it.
        page.add_script_tag(url=f"/static/{AXE_STATIC_PATH}")
    found = page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", AXE_OPTIONS
    )
    violations = _unexpected(page, found)
    problems = page.problems.take()  # type: ignore[attr-defined]
    message = [f"{page.url}:"]
    if violations:
        message.append(f"{len(violations)} accessibility violation(s):")
        message += [_format_violation(violation) for violation in violations]
    if problems:
        message.append("browser problems:")
        message += [f"- {problem}" for problem in problems]
    assert not violations and not problems, "\n".join(message)


def screenshot(page: Page, step: str) -> Path:
    """Save a full-page picture as var/screenshots/<test>-<step>.png for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{page.test_name}-{step}.png"  # type: ignore[attr-defined]
    page.screenshot(path=str(target), full_page=True, timeout=SCREENSHOT_TIMEOUT_MS)
    return target


def visit(page: Page, step: str) -> None:
    """What a journey does on each page it reaches: photograph it, then check it with axe."""
    page.wait_for_load_state("load")
    screenshot(page, step)
    axe_check(page)


def error_summary(page: Page) -> str:
    """The text of the GOV.UK error summary, once it is on the page."""
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    return summary.inner_text()
