"""The test harness keeps its promises: pages are checked by default, nothing skips silently.

- Every Django test client checks every HTML page it receives (tests/pages.py), unless
  the test opts out with `@pytest.mark.no_page_check(reason=...)`, and the reason is
  required.
- A route declared in the route matrix that is no longer routed fails the suite.
- A test that needs ../shared/data/ fails in CI (CI=true) when the data is missing, and
  is skipped with the reason only outside CI.
"""

from types import SimpleNamespace

import pytest
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.test import Client, override_settings
from django.urls import path

from tests import pages
from tests.core import test_routes as route_matrix
from tests.shared_data import in_ci, require_shared_data

GOOD = (
    "<!DOCTYPE html><html lang='en'><head><title>Good page</title></head>"
    "<body><h1>Good page</h1>{}</body></html>"
)
TWO_HEADINGS = GOOD.format("<h1>A second heading</h1>")
LEFTOVER = GOOD.format("<p>Dear {{ parent.name }}</p>")
JSON_LD = GOOD.format('<script type="application/ld+json">{"a": {"b": {"c": 1}}}</script>')

# This module is also the URLconf of the tests below (override_settings(ROOT_URLCONF=...)).
urlpatterns = [
    path("good/", lambda request: HttpResponse(GOOD.format(""))),
    path("two-headings/", lambda request: HttpResponse(TWO_HEADINGS)),
    path("to-two-headings/", lambda request: HttpResponseRedirect("/two-headings/")),
    path("leftover/", lambda request: HttpResponse(LEFTOVER)),
    path("json-ld/", lambda request: HttpResponse(JSON_LD)),
    path("post-only/", lambda request: HttpResponseNotAllowed(["POST"])),
]
here = override_settings(ROOT_URLCONF=__name__)


# --- page checks by default -------------------------------------------------------------


@here
def test_a_bare_client_checks_the_page_it_receives(db):
    with pytest.raises(AssertionError, match="expected one <h1>, found 2"):
        Client().get("/two-headings/")


@here
def test_the_client_fixture_checks_each_hop_of_a_redirect(client):
    assert client.get("/to-two-headings/").status_code == 302  # a redirect is not a page
    with pytest.raises(AssertionError, match="expected one <h1>, found 2"):
        client.get("/to-two-headings/", follow=True)


@here
def test_a_signed_in_client_checks_pages(staff_client, cara):
    with pytest.raises(AssertionError, match="expected one <h1>"):
        staff_client(cara).get("/two-headings/")


@here
def test_the_checked_page_is_parsed_once_and_returned(client):
    response = client.get("/good/")
    assert pages.check_page(response) is response.checked_page
    assert pages.text_of(response.checked_page.find(".//h1")) == "Good page"


@here
def test_an_empty_refusal_is_not_a_page(client):
    response = client.get("/post-only/")
    assert response.status_code == 405
    assert not hasattr(response, "checked_page")


@here
@pytest.mark.no_page_check(reason="proves that the opt-out turns the client's checks off")
def test_a_test_that_opts_out_gets_the_page_unchecked(client):
    response = client.get("/two-headings/")
    assert response.status_code == 200
    assert not hasattr(response, "checked_page")


def _node_marked(mark: pytest.MarkDecorator) -> SimpleNamespace:
    return SimpleNamespace(get_closest_marker=lambda name: mark.mark, nodeid="tests/x.py::y")


@pytest.mark.parametrize(
    "mark",
    [
        pytest.mark.no_page_check(),
        pytest.mark.no_page_check(reason=" "),
        pytest.mark.no_page_check("why"),
    ],
    ids=["no reason", "blank reason", "reason not by name"],
)
def test_an_opt_out_without_a_reason_fails(mark):
    with pytest.raises(pytest.fail.Exception, match='no_page_check\\(reason="why"\\)'):
        pages.opt_out_reason(_node_marked(mark))


def test_an_opt_out_gives_its_reason():
    mark = pytest.mark.no_page_check(reason="a PDF preview")
    assert pages.opt_out_reason(_node_marked(mark)) == "a PDF preview"


@here
def test_template_syntax_left_in_a_page_fails(db):
    with pytest.raises(AssertionError, match=r"template syntax left in the page.*parent\.name"):
        Client().get("/leftover/")


@here
def test_braces_in_json_ld_data_are_not_template_syntax(client):
    assert client.get("/json-ld/").status_code == 200


# --- no silent skips ------------------------------------------------------------------------


def test_a_declared_route_that_disappears_fails(monkeypatch):
    declared = {**route_matrix.ROUTES, "casework:gone": route_matrix.Route(frozenset())}
    monkeypatch.setattr(route_matrix, "ROUTES", declared)
    with pytest.raises(AssertionError, match="casework:gone"):
        route_matrix.test_declared_routes_still_exist()


@pytest.mark.parametrize(
    ("value", "ci"), [("true", True), ("True", True), ("1", True), ("", False), ("false", False)]
)
def test_ci_is_read_from_the_environment(value, ci):
    assert in_ci({"CI": value}) is ci
    assert in_ci({}) is False


def test_missing_shared_data_fails_in_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="In CI"):
        require_shared_data(tmp_path / "education-health-and-care-plans_2025.zip")


def test_missing_shared_data_is_skipped_with_its_path_outside_ci(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    missing = tmp_path / "statistical-neighbours.csv"
    with pytest.raises(pytest.skip.Exception, match=r"statistical-neighbours\.csv"):
        require_shared_data(missing)


def test_shared_data_that_is_there_neither_fails_nor_skips(tmp_path):
    present = tmp_path / "present.csv"
    present.write_text("la_code\n")
    require_shared_data(present, ci=True)
    require_shared_data(present, ci=False)
