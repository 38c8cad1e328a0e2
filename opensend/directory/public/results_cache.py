"""The search page's content, cached for everyone (docs/local-offer-search.md).

The form and the results are the same for every visitor who sends the same search, so
they are rendered once and kept in Django's cache (settings.CACHES), keyed by the
search's parameters (sorted, so their order does not matter), the page number and the
search index's version (`index.version()`, raised in the same transaction as every
change to the index: an approved edit shows at once, in every process).

What differs between visitors is never cached: each result's shortlist button (the
visitor's shortlist, the CSRF token of their POST, the page's address for `next`) is
a marker in the cached HTML, replaced for each request by `SearchPage.html`.

A newcomer (no session cookie, so signed out and with no shortlist, and no messages
cookie) sees a page that depends on nothing else of theirs: for them the whole page,
layout included, is cached the same way (`whole_page`).
"""

import hashlib
import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup, escape

from opensend.core.govuk_forms import govuk_form_page_title
from opensend.directory.public import index, presenters
from opensend.directory.public.forms import SearchForm
from opensend.directory.public.search import SearchQuery
from opensend.directory.public.search import search as run_search

HEADING = "Search the Local Offer"
# Places and postcodes are not part of the index's version: a gazetteer import shows
# in searches by place within this many seconds.
TIMEOUT = 10 * 60
_MARKER = re.compile(r"<!--shortlist-button ([0-9a-f-]{36})-->")


@dataclass(frozen=True)
class SearchPage:
    key: str
    title: str
    parts: list[str]  # HTML; between two parts, the shortlist button of a service
    services: list[tuple[uuid.UUID, str]]  # (id, name) of each button, in order
    zero: tuple[SearchQuery, str] | None  # a search that found nothing: (query, place)

    def html(self, shortlisted: Collection[uuid.UUID], next_url: str, csrf: str) -> Markup:
        """The content for one visitor: their shortlist state in each button."""
        pieces = [self.parts[0]]
        actions = {True: reverse("local_offer:shortlist_remove"),
                   False: reverse("local_offer:shortlist_add")}  # fmt: skip
        for (service_id, name), part in zip(self.services, self.parts[1:], strict=True):
            in_list = service_id in shortlisted
            pieces.append(shortlist_button(actions[in_list], service_id, name, in_list,
                                           next_url, csrf))  # fmt: skip
            pieces.append(part)
        return Markup("".join(pieces))  # noqa: S704 (rendered by Jinja2 and escaped below)

    def marked(self) -> Markup:
        """The HTML with its markers, for a page that contains it (`whole_page`)."""
        pieces = [self.parts[0]]
        for (service_id, _name), part in zip(self.services, self.parts[1:], strict=True):
            pieces.extend((f"<!--shortlist-button {service_id}-->", part))
        return Markup("".join(pieces))  # noqa: S704 (the cached HTML and a uuid)


def search_page(params: QueryDict, page: int) -> SearchPage:
    """The search page for these parameters, from the cache or rendered now."""
    key = _key(params, page, index.version())
    found = cache.get(key)
    if found is None:
        found = _render(key, params, page)
        cache.set(key, found, TIMEOUT)
    return found


def is_newcomer(request: HttpRequest) -> bool:
    """No session (so not signed in, no shortlist) and no messages waiting."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def whole_page(request: HttpRequest, content: SearchPage) -> SearchPage:
    """The whole search page as a newcomer sees it (see `is_newcomer`), from the cache
    or rendered now: the layout, and `content` in it, markers and all."""
    key = f"{content.key}:newcomer"
    found = cache.get(key)
    if found is None:
        context = {"title": content.title, "content": content.marked()}
        html = render_to_string("directory/public/results.html", context, request)
        found = _split(key, content.title, html, dict(content.services), None)
        cache.set(key, found, TIMEOUT)
    return found


def _key(params: QueryDict, page: int, version: int) -> str:
    search = sorted((name, sorted(values)) for name, values in params.lists() if name != "page")
    digest = hashlib.sha256(repr((search, page)).encode()).hexdigest()
    return f"local-offer-search:{version}:{digest}"


def _render(key: str, params: QueryDict, page: int) -> SearchPage:
    form = SearchForm(params)
    found, zero = None, None
    if form.is_valid():
        query = form.query()
        found = run_search(query, page)
        if not found.total and page == 1:
            zero = (query, form.cleaned_data["place"])
    base = {name: params.getlist(name) for name in params if name != "page"}
    context = {
        "form": form,
        "found": found,
        "heading": HEADING,
        "pagination": found
        and presenters.pagination(base, found.page, found.pages, reverse("local_offer:search")),
        "p": presenters,
    }
    html = render_to_string("directory/public/_search_content.html", context)
    names = {hit.service_id: hit.name for hit in (found.hits if found else [])}
    return _split(key, govuk_form_page_title(form, HEADING), html, names, zero)


def _split(key: str, title: str, html: str, names: dict[uuid.UUID, str],
           zero: tuple[SearchQuery, str] | None) -> SearchPage:  # fmt: skip
    pieces = _MARKER.split(html)  # [html, id, html, id, ..., html]
    ids = [uuid.UUID(text) for text in pieces[1::2]]
    return SearchPage(
        key=key,
        title=title,
        parts=pieces[::2],
        services=[(service_id, names[service_id]) for service_id in ids],
        zero=zero,
    )


def shortlist_button(action: str, service_id: uuid.UUID, name: str, in_list: bool,
                     next_url: str, csrf: str) -> str:  # fmt: skip
    """The add/remove shortlist form, without Jinja2: it is built for every result of every
    request, and the templates' `shortlist_button` macro uses it too. `action`: the URL."""
    label = "Remove from shortlist" if in_list else "Add to shortlist"
    return (
        f'<form method="post" action="{action}" class="opensend-inline-form'
        ' local-offer-no-print">\n'
        f'  <input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf)}">\n'
        f'  <input type="hidden" name="service" value="{service_id}">\n'
        f'  <input type="hidden" name="next" value="{escape(next_url)}">\n'
        '  <button type="submit" class="govuk-button govuk-button--secondary'
        ' govuk-!-margin-bottom-0" data-module="govuk-button">\n'
        f'    {label}<span class="govuk-visually-hidden">: {escape(name)}</span>\n'
        "  </button>\n</form>"
    )
