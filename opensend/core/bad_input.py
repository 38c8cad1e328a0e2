"""Input a person or a program sent that OpenSEND cannot act on: a 400 with a clear
message, never a server error (issue 13, finding 6; ASVS 1.2, 2.2.1).

`RefusedInput` is Django's BadRequest with a message written for a person: the 400
page (core/views/errors.py bad_request) shows it. `NulInAddressMiddleware` refuses a
query string holding a NUL byte before any view reads it: no parameter of OpenSEND
may hold one, and PostgreSQL refuses it in text (it would end in a 500 wherever it
reached a query or the audit log). The NUL in a PATH is left to the views: a refused
page must still write its "denied" audit row (finding 3, core/audit.py).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

__all__ = ["NUL_MESSAGE", "NulInAddressMiddleware", "RefusedInput", "has_nul"]

NUL_MESSAGE = (
    "The web address holds a character that cannot be used (a NUL byte, %00). "
    "Remove it and try again."
)
# The JSON APIs answer their own 400s as JSON (opensend/directory/oruk, measures/api).
JSON_API_PREFIX = "/api/"


class RefusedInput(BadRequest):
    """A request refused with a message for the person who sent it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def has_nul(values: list[str]) -> bool:
    return any("\x00" in value for value in values)


class NulInAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        if request.path.startswith(JSON_API_PREFIX):
            return
        query = request.GET
        if has_nul(list(query.keys())) or any(has_nul(query.getlist(k)) for k in query):
            raise RefusedInput(NUL_MESSAGE)
