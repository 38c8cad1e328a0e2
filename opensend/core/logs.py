"""Logs as one JSON object a line, each with the request id (issue 13, item 6).

Every request gets an id: the X-Request-ID a trusted proxy sent (if it looks like one),
or a new random one; it is sent back in the response's X-Request-ID header and stamped
on every log line written while the request runs, so one request's lines can be found
together. Log lines carry no personal data (security.md goal 9): the code logs ids, not
names, and this formatter leaves out the parts of an exception that may quote a row's
values (PostgreSQL's DETAIL lines, e.g. "Key (email)=(...) already exists").
"""

import contextvars
import datetime as dt
import json
import logging
import re
import traceback
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID = contextvars.ContextVar("request_id", default="-")
_WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")
_DETAIL = re.compile(r"^(DETAIL|HINT|CONTEXT):.*$", re.MULTILINE)


def current_request_id() -> str:
    return _REQUEST_ID.get()


class RequestIdMiddleware:
    """Give the request its id for the logs and the response header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = offered if _WELL_FORMED.fullmatch(offered) else uuid.uuid4().hex
        token = _REQUEST_ID.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _REQUEST_ID.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Stamp the running request's id (or "-") on each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _REQUEST_ID.get()
        return True


def without_row_values(message: str) -> str:
    return _DETAIL.sub("", message).strip()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request id, message[, exception]."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": without_row_values(record.getMessage()),
        }
        if record.exc_info and record.exc_info[0] is not None:
            kind, error, trace = record.exc_info
            line["exception"] = {
                "type": f"{kind.__module__}.{kind.__qualname__}",
                "message": without_row_values(str(error)),
                "trace": "".join(traceback.format_tb(trace)),
            }
        return json.dumps(line, ensure_ascii=False)
