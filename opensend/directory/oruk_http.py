"""The ORUK API's HTTP plumbing: CORS, JSON errors, ORUK paging and ndjson streaming."""

import functools
import json
import math
from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from opensend.directory import oruk_params as params
from opensend.directory.oruk_params import BadRequest, Paging

View = Callable[..., HttpResponse]


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


def paged(items: Any, total: int, paging: Paging, item: Callable[[Any], dict]) -> JsonResponse:
    """One page in ORUK's paged shape; `items` is a queryset or list (sliced here)."""
    start = (paging.page - 1) * paging.per_page
    contents = [item(record) for record in items[start : start + paging.per_page]]
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


def ndjson(records: Iterable, item: Callable[[Any], dict]) -> StreamingHttpResponse:
    """Every result, one JSON object a line, without paging (ORUK `format=ndjson`)."""
    lines = (json.dumps(item(record)) + "\n" for record in records)
    return StreamingHttpResponse(lines, content_type="application/x-ndjson")


def listing(request: HttpRequest, items: Any, item: Callable[[Any], dict]) -> HttpResponse:
    """A list endpoint's answer: ndjson if asked for, else the requested page."""
    page = params.paging(request.GET)
    if params.is_ndjson(request.GET):
        records = items if isinstance(items, list) else items.iterator(chunk_size=500)
        return ndjson(records, item)
    total = len(items) if isinstance(items, list) else items.count()
    return paged(items, total, page, item)
