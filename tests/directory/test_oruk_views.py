"""The ORUK 3.0 API: every answer valid against the official schemas, and public-safe."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opensend.directory import models as m
from tests.directory.factories import Directory, build_directory
from tests.directory.schemas import assert_valid

pytestmark = pytest.mark.django_db
BASE = "/api/oruk/v3/"


@pytest.fixture
def directory() -> Directory:
    return build_directory(25)


def get(path: str, status: int = 200, **query):
    response = Client().get(BASE + path, query)
    assert response.status_code == status, response.content[:500]
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def get_json(path: str, status: int = 200, **query) -> dict:
    return json.loads(get(path, status, **query).content)


def assert_no_empty_values(document: object, where: str = "") -> None:
    """ORUK: empty optional fields are left out, never null or []."""
    if isinstance(document, dict):
        for key, value in document.items():
            assert value is not None and value != [] and value != "", f"{where}/{key}"
            assert_no_empty_values(value, f"{where}/{key}")
    elif isinstance(document, list):
        for index, value in enumerate(document):
            assert_no_empty_values(value, f"{where}/{index}")


def test_the_root_describes_the_api():
    details = get_json("")
    assert_valid("api_details", details)
    assert details["openapi_url"].endswith(reverse("oruk:openapi"))


def test_the_openapi_file_is_served_with_our_server(client):
    document = get_json("openapi.json")
    assert document["openapi"].startswith("3.")
    assert document["servers"][0]["url"].endswith(BASE)
    assert {"/services", "/services/{id}", "/service_at_locations"} <= set(document["paths"])


@pytest.mark.parametrize("page", [1, 2, 3])
def test_service_pages_are_valid(directory, page):
    listing = get_json("services", page=page, per_page=10)
    assert_valid("service_list", listing)
    assert_no_empty_values(listing)
    assert listing["total_items"] == 25
    assert listing["total_pages"] == 3
    assert listing["page_number"] == page
    assert listing["size"] == (5 if page == 3 else 10)
    assert listing["first_page"] is (page == 1)
    assert listing["last_page"] is (page == 3)
    assert listing["empty"] is False


def test_a_page_past_the_end_is_empty(directory):
    listing = get_json("services", page=9, per_page=10)
    assert_valid("service_list", listing)
    assert listing["empty"] is True and listing["contents"] == []


def test_every_service_is_valid_fully_nested(directory):
    for service in directory.services:
        document = get_json(f"services/{service.id}")
        assert_valid("service", document)
        assert_no_empty_values(document)
        assert document["organization"]["id"] == str(service.organization_id)
        assert document["service_at_locations"][0]["location"]["addresses"]
        assert document["schedules"][0]["byday"] == "SA"
        assert document["attributes"][0]["taxonomy_term"]["name"]
        assert document["local_offer"]["short_break_tier"] == "targeted"


def test_a_service_shows_its_local_offer_needs(directory):
    document = get_json(f"services/{directory.services[1].id}")
    assert document["local_offer"]["needs_supported"][0] == {
        "code": "ASD",
        "label": "Autistic spectrum disorder",
    }
    assert document["eligibility_description"] == "Children with an EHC plan"
    assert "minimum_age" not in get_json(f"services/{directory.services[0].id}")


def test_full_and_minimal_service_lists_are_valid(directory):
    full = get_json("services", full="true", per_page=5)
    assert_valid("service_list", full)
    assert full["contents"][0]["schedules"]
    minimal = get_json("services", minimal="true", per_page=100)
    assert_valid("service_list", minimal)
    assert set(minimal["contents"][0]) == {"id", "name", "status", "last_modified"}


def test_a_full_service_list_costs_the_same_queries_whatever_its_length(
    directory, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as five:
        get_json("services", full="true", per_page=5)
    with django_assert_max_num_queries(len(five.captured_queries)):
        page = get_json("services", full="true", per_page=25)
    assert page["size"] == 25
    assert any(service.get("attributes") for service in page["contents"])
    with django_assert_max_num_queries(len(five.captured_queries)):
        lines = get("services", full="true", format="ndjson").getvalue().decode().splitlines()
    assert len(lines) == 25


def test_services_filter(directory):
    term = directory.terms[1]
    by_term = get_json("services", taxonomy_term_id=str(term.id))["contents"]
    tagged = m.Attribute.objects.filter(taxonomy_term=term).values_list("link_id", flat=True)
    assert {s["id"] for s in by_term} == {str(i) for i in tagged}
    organization = directory.organizations[0]
    by_organization = get_json("services", organization_id=str(organization.id))["contents"]
    assert len(by_organization) == 5
    named = directory.services[7].name.upper()
    assert [s["name"] for s in get_json("services", search=named)["contents"]] == [named.title()]
    by_taxonomy = get_json("services", taxonomy_id=str(directory.taxonomy.id))
    assert by_taxonomy["total_items"] == 25


def test_modified_after(directory):
    changed = directory.services[3]
    m.Service.objects.exclude(id=changed.id).update(last_modified="2026-01-01T00:00:00Z")
    m.Service.objects.filter(id=changed.id).update(last_modified="2026-06-01T00:00:00Z")
    listing = get_json("services", modified_after="2026-03-01T00:00:00Z")
    assert_valid("service_list", listing)
    assert [s["id"] for s in listing["contents"]] == [str(changed.id)]
    assert get_json("services", modified_after="2026-03-01")["total_items"] == 1


def test_ndjson_streams_every_service_one_per_line(directory):
    response = get("services", format="ndjson", per_page=2)
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 25
    for line in lines:
        service = json.loads(line)
        assert_valid("service", service)


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("taxonomies", "taxonomy_list"),
        ("taxonomy_terms", "taxonomy_term_list"),
        ("organizations", "organization_list"),
        ("service_at_locations", "service_at_location_list"),
    ],
)
def test_other_lists_are_valid(directory, path, schema):
    listing = get_json(path)
    assert_valid(schema, listing)
    assert_no_empty_values(listing)
    assert listing["total_items"] > 0
    for line in b"".join(get(path, format="ndjson").streaming_content).splitlines():
        assert_valid(schema.removesuffix("_list"), json.loads(line))


def test_taxonomy_terms_filter(directory):
    parent = directory.terms[0]
    assert get_json("taxonomy_terms", parent_id=str(parent.id))["total_items"] == 3
    assert get_json("taxonomy_terms", top_only="true")["total_items"] == 1


def test_service_at_locations_near_a_postcode(directory):
    nearby = get_json("service_at_locations", postcode="sw1a 1aa", proximity="5000")
    assert_valid("service_at_location_list", nearby)
    # ~1 km a step east: the first five or six places are within 5 km, nearest first
    assert 5 <= nearby["total_items"] <= 6
    names = [link["location"]["name"] for link in nearby["contents"]]
    assert names == sorted(names)
    everywhere = get_json("service_at_locations", postcode="SW1A1AA")
    assert everywhere["total_items"] == 25


@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "two"},
        {"per_page": "100000"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"organization_id": "42"},
        {"modified_after": "yesterday"},
        {"format": "xml"},
        {"minimal": "perhaps"},
    ],
)
def test_bad_parameters_are_a_json_400(directory, query):
    problem = get_json("services", 400, **query)
    assert problem["status"] == 400 and problem["message"]


@pytest.mark.parametrize(
    "query",
    [
        {"postcode": "ZZ99 9ZZ", "proximity": "1000"},
        {"proximity": "1000"},
        {"postcode": "SW1A 1AA", "proximity": "far"},
    ],
)
def test_bad_place_searches_are_a_json_400(directory, query):
    problem = get_json("service_at_locations", 400, **query)
    assert problem["parameter"] in ("postcode", "proximity")


@pytest.mark.parametrize("service_id", ["0b5c2d1e-6f3a-4c8e-9d7b-2a1f0e9c8b7a", "not-a-uuid"])
def test_an_unknown_service_is_a_json_404(directory, service_id):
    problem = get_json(f"services/{service_id}", 404)
    assert problem["status"] == 404


def test_only_get_is_allowed():
    response = Client().post(BASE + "services")
    assert response.status_code == 405


def test_no_personal_data_about_children_leaks(directory, world):
    """The API is public: nothing it returns comes from a child's or a user's record."""
    child = world.tom.child
    secrets = [
        child.legal_forename,
        child.legal_surname,
        child.upn,
        child.date_of_birth.isoformat(),
    ]
    secrets += [user.email for user in world.people.values()]
    paths = ["", "services?full=true&per_page=100", "organizations", "taxonomy_terms"]
    paths += ["service_at_locations", f"services/{directory.services[0].id}"]
    for path in paths:
        body = Client().get(BASE + path).content.decode()
        for secret in secrets:
            assert secret and secret not in body, (path, secret)


def test_the_schema_check_itself_catches_mistakes():
    """The validator follows the schemas' absolute $refs and checks formats."""
    from tests.directory.schemas import errors

    bad = {"id": "not-a-uuid", "name": "x", "status": "open", "schedules": [{"freq": "DAILY"}]}
    found = "\n".join(errors("service", bad))
    assert "not-a-uuid" in found and "'open'" in found
    assert "schedules/0" in found
