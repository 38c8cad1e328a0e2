"""The ORUK API's HTTP plumbing: CORS, JSON errors, ORUK paging and ndjson streaming."""

import functools
import itertools
import json
import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from opensend.directory.oruk import params
from opensend.directory.oruk.params import BadRequest, Paging

View = Callable[..., HttpResponse]
Prepare = Callable[[list[Any]], None] | None
BATCH = 500


def oruk_endpoint(view: View) -> View:
    """GET/HEAD only, open to any origin (ORUK: `Access-Control-Allow-Origin: *`), and a
    bad parameter answered as a JSON 400."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except BadRequest as problem:
            response = error(400, problem.message, parameter=problem.parameter)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return require_safe(wrapped)


def error(status: int, message: str, **extra: str) -> JsonResponse:
    return JsonResponse({"status": status, "message": message, **extra}, status=status)


def not_found(what: str) -> JsonResponse:
    return error(404, f"No {what} with that id")


def paged(
    items: Any, total: int, paging: Paging, item: Callable[[Any], dict], prepare: Prepare = None
) -> JsonResponse:
    """One page in ORUK's paged shape; `items` is a queryset or list (sliced here)."""
    start = (paging.page - 1) * paging.per_page
    records = list(items[start : start + paging.per_page])
    if prepare is not None:
        prepare(records)
    contents = [item(record) for record in records]
    total_pages = math.ceil(total / paging.per_page)
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": paging.page,
            "size": len(contents),
            "first_page": paging.page == 1,
            "last_page": paging.page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _batches(records: Iterable[Any]) -> Iterator[list[Any]]:
    iterator = iter(records)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def ndjson(
    records: Iterable[Any], item: Callable[[Any], dict], prepare: Prepare = None
) -> StreamingHttpResponse:
    """Every result, one JSON object a line, without paging (ORUK `format=ndjson`)."""

    def lines() -> Iterator[str]:
        for batch in _batches(records):
            if prepare is not None:
                prepare(batch)
            yield from (json.dumps(item(record)) + "\n" for record in batch)

    return StreamingHttpResponse(lines(), content_type="application/x-ndjson")


def listing(
    request: HttpRequest, items: Any, item: Callable[[Any], dict], prepare: Prepare = None
) -> HttpResponse:
    """A list endpoint's answer: ndjson if asked for, else the requested page.

    `prepare`, if given, loads what `item` needs for a whole batch of records at once
    (one query a batch instead of one a record)."""
    page = params.paging(request.GET)
    if params.is_ndjson(request.GET):
        records = items if isinstance(items, list) else items.iterator(chunk_size=BATCH)
        return ndjson(records, item, prepare)
    total = len(items) if isinstance(items, list) else items.count()
    return paged(items, total, page, item, prepare)
