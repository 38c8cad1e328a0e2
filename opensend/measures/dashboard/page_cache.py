"""The dashboards' tiles, rendered once for everyone who asks for the same thing.

The sections and tiles of the staff and public dashboards depend on the area, the period,
the day and whether the page is public, never on who asks: they are rendered once and
kept in Django's cache (settings.CACHES), keyed by the area's facts version (raised in the
transaction of every casework change, so a change shows at once), the way the Local Offer
search caches its page (directory/public/results_cache.py).

What the facts version does not follow (a snapshot stored for the trends, comparators
imported, a child's need or setting changed in the people records) shows within
``TILES_CACHE_SECONDS``, as it does in the SQL engine's own answer cache.

A newcomer to the public page (no session cookie, so signed out, and no messages waiting)
sees a page that depends on nothing else of theirs: for them the whole page, layout
included, is cached the same way (``whole_public_page``).
"""

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup

from opensend.measures.dashboard import loaders, sources
from opensend.measures.dashboard.areas import PeriodChoice
from opensend.people.models import Organisation

__all__ = [
    "TILES_CACHE_SECONDS",
    "DashboardBody",
    "dashboard_body",
    "is_newcomer",
    "whole_public_page",
]

TILES_CACHE_SECONDS: Final = 60


@dataclass(frozen=True)
class DashboardBody:
    contents: Markup  # the list of sections, linking to each
    tiles: Markup  # every section's tiles


def _key(namespace: str, area: Organisation, choice: PeriodChoice, day: dt.date) -> str:
    version = sources.figures_version(local_authority_id=area.pk)
    parts = (namespace, area.pk, area.ons_code, area.name, choice.key, day.isoformat(), version)
    return f"measures:dashboard:{hashlib.sha256(repr(parts).encode()).hexdigest()}"


def _render(
    namespace: str, area: Organisation, choice: PeriodChoice, day: dt.date
) -> DashboardBody:
    public = namespace == "public_measures"
    context = {
        "sections": loaders.dashboard_tiles(area, choice, day, public=public),
        "link_for": lambda code: sources.query_url(
            reverse(f"{namespace}:indicator", kwargs={"code": code}), period=choice.key
        ),
    }
    return DashboardBody(
        contents=Markup(render_to_string("measures/_dashboard_contents.html", context)),  # noqa: S704 (rendered by Jinja2)
        tiles=Markup(render_to_string("measures/_dashboard_tiles.html", context)),  # noqa: S704 (rendered by Jinja2)
    )


def dashboard_body(
    *, namespace: str, area: Organisation, choice: PeriodChoice, day: dt.date
) -> DashboardBody:
    """The sections and tiles for this area, period and day, from the cache or rendered."""
    key = _key(namespace, area, choice, day)
    found = cache.get(key)
    if found is None:
        found = _render(namespace, area, choice, day)
        cache.set(key, found, TILES_CACHE_SECONDS)
    return found


def is_newcomer(request: HttpRequest) -> bool:
    """No session (so not signed in) and no messages waiting."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def whole_public_page(
    area: Organisation,
    choice: PeriodChoice,
    day: dt.date,
    render: Callable[[], str],
    *,
    action: str,
) -> str:
    """The whole public dashboard as a newcomer sees it (its form posting to ``action``),
    from the cache or ``render()``."""
    key = f"{_key('public_measures', area, choice, day)}:newcomer:{action}"
    found = cache.get(key)
    if found is None:
        found = render()
        cache.set(key, found, TILES_CACHE_SECONDS)
    return found
