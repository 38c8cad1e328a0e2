"""The read-only JSON APIs (the indicators API and the ORUK API) answer as JSON whatever
goes wrong (issue 13, finding 7 and the ORUK 500s of finding 6): a method they do not take
is a 405 naming the allowed ones, an unknown path a 404, a bad parameter a 400."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.core.test_routes import ROUTED

pytestmark = pytest.mark.django_db

ORUK = "/api/oruk/v3/"
API_ROUTES = sorted(name for name in ROUTED if name.startswith(("oruk:", "api_v1:")))
ARGUMENTS = {
    "service_id": "4f1c2a8e-0000-4000-8000-000000000000",
    "code": "plans_issued_within_20_weeks_incl_exceptions",
    "unknown": "taxonomies/4f1c2a8e-0000-4000-8000-000000000000",
}


def api_url(name: str) -> str:
    return reverse(name, kwargs={arg: ARGUMENTS[arg] for arg in ROUTED[name].kwargs})


def error_of(response) -> dict:
    assert response["Content-Type"] == "application/json", response.content[:200]
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["status"] == response.status_code
    assert document["message"]
    return document


def test_every_api_route_is_covered():
    assert {"oruk:services", "oruk:unknown", "api_v1:indicator"} <= set(API_ROUTES)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("name", API_ROUTES)
def test_a_write_method_is_a_json_405_with_allow(name: str, method: str):
    """Before: the CSRF check answered POST, PUT and DELETE with a 403 HTML page."""
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(api_url(name))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert method.upper() in error_of(response)["message"]


@pytest.mark.parametrize("name", API_ROUTES)
def test_get_and_head_still_answer(name: str):
    for method in ("get", "head"):
        assert getattr(Client(), method)(api_url(name)).status_code in {200, 400, 404}


@pytest.mark.parametrize(
    "path",
    [
        "taxonomies/4f1c2a8e-0000-4000-8000-000000000000",
        "taxonomy_terms/4f1c2a8e-0000-4000-8000-000000000000",
        "organizations/4f1c2a8e-0000-4000-8000-000000000000",
        "service_at_locations/4f1c2a8e-0000-4000-8000-000000000000",
        "services/4f1c2a8e-0000-4000-8000-000000000000/extra",
        "no-such-endpoint",
    ],
)
def test_the_optional_oruk_endpoints_are_a_json_404(path: str):
    """Before: Django's HTML 404 page."""
    response = Client().get(ORUK + path)
    assert response.status_code == 404
    assert "openapi.json" in error_of(response)["message"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=9223372036854775808", "page"),  # 2**63: beyond a 64-bit integer (was a 500)
        ("page=99999999999999999999999999999999", "page"),
        ("page=" + "9" * 5000, "page"),  # beyond Python's int() of a string (was a 500)
        ("page=9223372036854775807", "page"),  # fits 64 bits, but its row offset does not
        ("page=%C2%B2", "page"),  # "²" passes str.isdigit() but is no number (was a 500)
        ("page=", "page"),
        ("per_page=1001", "per_page"),
        ("per_page=0", "per_page"),
        ("search=%00", "search"),  # PostgreSQL cannot take a NUL (was a 500)
        ("search=Splash%00Club", "search"),
        ("search=" + "a" * 201, "search"),
    ],
)
@pytest.mark.parametrize("endpoint", ["services", "taxonomies", "taxonomy_terms", "organizations"])
def test_a_bad_parameter_is_a_json_400(endpoint: str, query: str, parameter: str):
    response = Client().get(f"{ORUK}{endpoint}?{query}")
    assert response.status_code == 400
    assert error_of(response)["parameter"] == parameter


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("postcode=%00", "postcode"),  # was a 500
        ("postcode=NM1%00&proximity=500", "postcode"),
        ("postcode=" + "N" * 201, "postcode"),
        ("search=%00&postcode=NM1%201AA", "search"),
        ("page=18446744073709551616", "page"),  # 2**64
    ],
)
def test_a_bad_place_is_a_json_400(query: str, parameter: str):
    response = Client().get(f"{ORUK}service_at_locations?{query}")
    assert response.status_code == 400
    assert error_of(response)["parameter"] == parameter


def test_the_last_page_that_fits_is_answered():
    response = Client().get(f"{ORUK}services?page=9223372036854775&per_page=1000")
    assert response.status_code == 200
    assert json.loads(response.content)["empty"] is True


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [
        "0429-11-19T01:48:30.7178%2B18:21",  # found by schemathesis: was a 500 (PostgreSQL
        "0001-01-01T00:00:00%2B01:00",  # refuses an offset past 15:59; year 0 in UTC)
    ],
)
def test_a_modified_after_postgresql_cannot_take_is_answered(moment: str):
    response = Client().get(f"{ORUK}services?modified_after={moment}")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert error_of(response)["parameter"] == "modified_after"


@pytest.mark.django_db
def test_an_empty_modified_after_is_a_json_400():
    """Found by schemathesis: `modified_after=` was taken as absent, but the OpenAPI file
    says a date-time."""
    response = Client().get(f"{ORUK}services?modified_after=")
    assert response.status_code == 400
    assert error_of(response)["parameter"] == "modified_after"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("endpoint", "parameter"),
    [("taxonomy_terms", "parent_id"), ("services", "taxonomy_id"), ("services", "minimal"),
     ("service_at_locations", "proximity")],
)
def test_a_present_but_empty_typed_parameter_is_a_json_400(endpoint: str, parameter: str):
    """Found by schemathesis: an empty UUID, boolean or number was taken as absent."""
    response = Client().get(f"{ORUK}{endpoint}?{parameter}=")
    assert response.status_code == 400
    assert error_of(response)["parameter"] == parameter
