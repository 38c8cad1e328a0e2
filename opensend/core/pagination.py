"""Pages of a long list: which page was asked for, and GOV.UK's pagination component.

One way for every list that is read a page at a time (the work queue, my cases): the
page number comes from the address (`?page=3`), anything else there is kept on the
links, and a page number out of range shows the nearest page instead of an error.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode


@dataclass(frozen=True)
class PageOf:
    """Page ``number`` (from 1) of ``pages``, holding rows ``first`` to ``last`` of
    ``total`` (1-based, both included; 0 and 0 when there are none)."""

    number: int
    pages: int
    size: int
    total: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first(self) -> int:
        return self.offset + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total)


def page_of(asked: str | None, *, total: int, size: int) -> PageOf:
    """The page asked for (``?page=``), brought within the pages there are."""
    pages = max(1, -(-total // size))
    number = int(asked) if asked and asked.isdigit() else 1
    return PageOf(number=min(max(number, 1), pages), pages=pages, size=size, total=total)


def govuk_pagination(page: PageOf, *, path: str, query: dict[str, str]) -> dict[str, Any] | None:
    """Parameters for GOV.UK's pagination component (previous, numbered pages with
    ellipses, next), or None when everything fits on one page. ``query``: the other
    parameters of the address, kept on every link."""
    if page.pages <= 1:
        return None

    def href(number: int) -> str:
        return f"{path}?{urlencode({**query, 'page': number})}"

    shown = sorted({1, page.pages, page.number - 1, page.number, page.number + 1})
    items: list[dict[str, Any]] = []
    previous = 0
    for number in (n for n in shown if 1 <= n <= page.pages):
        if number - previous > 1:
            items.append({"ellipsis": True})
        current = number == page.number
        items.append({"number": str(number), "href": href(number), "current": current})
        previous = number
    params: dict[str, Any] = {"items": items}
    if page.number > 1:
        params["previous"] = {"href": href(page.number - 1)}
    if page.number < page.pages:
        params["next"] = {"href": href(page.number + 1)}
    return params
