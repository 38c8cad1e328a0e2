"""Both read APIs against their own OpenAPI files, as served (issue 13, item 2).

- Each file is valid OpenAPI (openapi-spec-validator): the ORUK one 3.0, the indicators
  one 3.1; each operation documents its 400, 404 and 405 answers.
- schemathesis generates requests from each served file, valid and invalid, and checks
  every answer: never a 5xx, only documented status codes and content types, bodies that
  match the documented schemas, a 405 with `Allow` for a method the path does not take.

Requests go straight to the WSGI application inside the test's transaction (no server
thread). The ORUK file's response schemas are the official ones by absolute URL on
openreferraluk.org; schemathesis fetches them with `requests.get`, which the test answers
from our copies in tests/directory/oruk_schema/ (and refuses any other address), so the
run is offline and still checks every body against the official schemas.

Bounded: EXAMPLES requests per operation and mode (derandomized under CI=true by the
hypothesis profile in tests/conftest.py).
"""

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from schemathesis import GenerationMode
from schemathesis.checks import load_all_checks, positive_data_acceptance

from tests.directory.factories import build_directory
from tests.directory.schemas import PREFIX, SCHEMA_DIR

ORUK = "/api/oruk/v3/openapi.json"
INDICATORS = "/api/v1/openapi.yaml"
EXAMPLES = 15

load_all_checks()

# Positive data may still be refused with a 400: the files cannot say that `proximity`
# needs a `postcode`, that a postcode must be one we know, or that an area must publish
# figures. Every other check of schemathesis runs.
NOT_CHECKED = [positive_data_acceptance]


def served(path: str) -> dict:
    """The OpenAPI document as the app serves it (the indicators YAML is JSON-compatible)."""
    response = Client().get(path)
    assert response.status_code == 200
    return json.loads(response.content)


def official_schema(uri: str) -> dict:
    """An ORUK schema by its official address, from our copy."""
    assert uri.startswith(PREFIX), f"the ORUK OpenAPI file refers outside ORUK: {uri}"
    return json.loads((SCHEMA_DIR / uri.removeprefix(PREFIX)).read_text(encoding="utf-8"))


# --- valid OpenAPI, documenting the errors ----------------------------------------------


@pytest.mark.django_db
def test_the_served_oruk_file_is_valid_openapi_3_0():
    document = served(ORUK)
    assert document["openapi"].startswith("3.0")
    path = SchemaPath.from_dict(document, handlers={"https": official_schema})
    problems = [error.message for error in OpenAPIV30SpecValidator(path).iter_errors()]
    assert not problems, problems


@pytest.mark.django_db
def test_the_served_indicators_file_is_valid_openapi_3_1():
    document = served(INDICATORS)
    assert document["openapi"].startswith("3.1")
    problems = [error.message for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert not problems, problems


def _statuses(document: dict) -> dict[str, set[str]]:
    return {path: set(item["get"]["responses"]) for path, item in document["paths"].items()}


@pytest.mark.django_db
@pytest.mark.parametrize("where", [ORUK, INDICATORS])
def test_every_operation_documents_its_errors(where: str):
    document = served(where)
    for path, item in document["paths"].items():
        assert set(item) == {"get"} | ({"parameters"} & set(item)), f"{path}: GET only"
        statuses = set(item["get"]["responses"])
        assert "405" in statuses, f"{path}: the 405 for other methods"
        if "{" in path:
            assert "404" in statuses, f"{path}: the 404 for an unknown id"
        if item["get"].get("parameters") and path != "/indicators/{code}/":
            assert "400" in statuses, f"{path}: the 400 for a bad parameter"
    assert "400" in _statuses(document).get("/indicators/{code}/", {"400"})


# --- schemathesis -------------------------------------------------------------------------


@contextmanager
def _connection_kept() -> Iterator[None]:
    """As Django's test client does: the request signals would otherwise close the test's
    database connection (and its transaction) after each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def wsgi_app() -> Callable[..., Iterable[bytes]]:
    """The Django WSGI application, answering inside the test's transaction (the body read
    whole, so a streamed answer's queries run inside it too)."""
    handler = get_wsgi_application()

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        # Each request in a savepoint rolled back after it, as each request of a server
        # has a transaction of its own: one failed query must not fail the next request.
        with _connection_kept(), transaction.atomic():
            answer = handler(environ, start_response)
            try:
                return [b"".join(answer)]
            finally:
                answer.close()
                transaction.set_rollback(True)

    return app


@pytest.fixture
def official_schemas_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """`requests.get` answers the official ORUK schema addresses from our copies."""

    def get(url: str, *args: object, **kwargs: object) -> requests.Response:
        response = requests.Response()
        response.status_code = 200
        response.headers["Content-Type"] = "application/json"
        response._content = json.dumps(official_schema(url)).encode()
        response.url = url
        return response

    monkeypatch.setattr(requests, "get", get)


def fuzz(document: dict, app: object) -> list[str]:
    """Run schemathesis over every operation: valid data, and invalid data where the
    operation takes parameters (nothing to make invalid otherwise). What was run."""
    schema = schemathesis.openapi.from_dict(document)
    done = []
    for result in schema.get_all_operations():
        operation = result.ok()
        modes = [GenerationMode.POSITIVE]
        if any(operation.iter_parameters()):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            _fuzz_operation(operation, mode, app)
            done.append(f"{operation.label} {mode.value}")
    return done


def _fuzz_operation(operation: object, mode: GenerationMode, app: object) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        # the database and the directory are the test's, shared by the examples on purpose
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def requests_from_the_file(case: object) -> None:
        case.call_and_validate(app=app, excluded_checks=NOT_CHECKED)  # type: ignore[attr-defined]

    requests_from_the_file()


@pytest.mark.django_db
def test_schemathesis_over_the_oruk_api(wsgi_app, official_schemas_offline):
    build_directory(6)
    fuzzed = fuzz(served(ORUK), wsgi_app)
    assert "GET /services negative" in fuzzed
    assert len(fuzzed) == 2 * len(served(ORUK)["paths"]) - 2  # / and /openapi.json: no parameters


@pytest.mark.django_db
def test_schemathesis_over_the_indicators_api(wsgi_app):
    fuzzed = fuzz(served(INDICATORS), wsgi_app)
    assert fuzzed == [
        "GET /indicators/ positive",
        "GET /indicators/{code}/ positive",
        "GET /indicators/{code}/ negative",
        "GET /openapi.yaml positive",
    ]


def test_the_official_schemas_are_ours_offline():
    """What official_schema answers is the copy beside tests/directory/schemas.py."""
    assert Path(SCHEMA_DIR, "service.json").exists()
    assert official_schema(PREFIX + "service.json")["properties"]["id"]
    with pytest.raises(AssertionError):
        official_schema("https://evil.example/service.json")
