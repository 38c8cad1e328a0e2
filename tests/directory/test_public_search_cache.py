"""The search page's cache (results_cache.py): the same content for everyone, each
visitor's own shortlist buttons, an edit shown at once, and no session for visitors
who have no shortlist."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from opensend.directory import models as m
from opensend.directory.public import index
from tests.directory.public_data import LocalOffer, build_local_offer
from tests.pages import check_page, text_of

pytestmark = pytest.mark.django_db
SEARCH = "/local-offer/search/"
ADD = "/local-offer/shortlist/add/"


@pytest.fixture
def offer() -> LocalOffer:
    return build_local_offer()


def buttons(response) -> dict[str, str]:
    """Each result's shortlist button: {service name: "Add to shortlist" or "Remove ..."}."""
    page = check_page(response)
    found = {}
    for button in page.findall(".//main//li[@class='local-offer-result']//form/button"):
        label, _, name = text_of(button).partition(": ")
        found[name] = label
    return found


def result_names(response) -> list[str]:
    page = check_page(response)
    return [text_of(h) for h in page.findall(".//main//li[@class='local-offer-result']/h3")]


def test_a_new_category_shows_in_the_form_at_once(offer, django_capture_on_commit_callbacks):
    client = Client()
    assert "Holiday clubs" not in client.get(SEARCH).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        m.TaxonomyTerm.objects.create(
            taxonomy=offer.sport.taxonomy, name="Holiday clubs", parent=offer.activities
        )
    assert "Holiday clubs" in client.get(SEARCH).content.decode()


def test_an_edit_to_a_service_shows_at_once(offer, django_capture_on_commit_callbacks):
    client = Client()
    assert "Autism-friendly Swimming" in result_names(client.get(SEARCH, {"q": "swimming"}))
    with django_capture_on_commit_callbacks(execute=True):  # as the editor's approval
        offer.swimming.name = "Quiet Swimming Hour"
        offer.swimming.save()
    shown = result_names(client.get(SEARCH, {"q": "swimming"}))
    assert "Quiet Swimming Hour" in shown and "Autism-friendly Swimming" not in shown


def test_a_service_that_closes_leaves_the_results_at_once(
    offer, django_capture_on_commit_callbacks
):
    client = Client()
    assert "Swim School" in result_names(client.get(SEARCH))
    with django_capture_on_commit_callbacks(execute=True):
        offer.swim_school.status = m.ServiceStatus.TEMPORARILY_CLOSED
        offer.swim_school.save()
    assert "Swim School" not in result_names(client.get(SEARCH))


def test_two_visitors_with_different_shortlists_see_their_own(offer):
    first, second, newcomer = Client(), Client(), Client()
    first.post(ADD, {"service": offer.swimming.id})
    second.post(ADD, {"service": offer.speech.id})
    newcomer.get(SEARCH)  # fills the cache: the others are served from it
    assert buttons(first.get(SEARCH)) == {
        "Autism-friendly Swimming": "Remove from shortlist",
        "Café Drama Club": "Add to shortlist",
        "Online Wellbeing Group": "Add to shortlist",
        "Speech Drop-in": "Add to shortlist",
        "Swim School": "Add to shortlist",
    }
    seen = buttons(second.get(SEARCH))
    assert seen["Speech Drop-in"] == "Remove from shortlist"
    assert seen["Autism-friendly Swimming"] == "Add to shortlist"
    assert set(buttons(newcomer.get(SEARCH)).values()) == {"Add to shortlist"}


def test_each_visitor_gets_a_csrf_token_that_their_post_needs(offer):
    client = Client(enforce_csrf_checks=True)
    client.get(SEARCH)  # cached for someone else first: the token is still this visitor's
    visitor = Client(enforce_csrf_checks=True)
    page = check_page(visitor.get(SEARCH, {"q": "swimming"}))
    form = page.find(".//main//li[@class='local-offer-result']//form")
    token = form.find("input[@name='csrfmiddlewaretoken']").get("value")
    service = form.find("input[@name='service']").get("value")
    assert visitor.post(ADD, {"service": service}).status_code == 403  # no token: refused
    response = visitor.post(ADD, {"service": service, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert form.find("input[@name='next']").get("value") == "/local-offer/search/?q=swimming"


def test_a_visitor_without_a_shortlist_never_touches_the_session_table(offer):
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH, {"q": "swimming"})
        client.get(SEARCH, {"q": "swimming"})
    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"]]
    assert "sessionid" not in response.cookies


def test_a_cached_page_costs_one_query_and_a_new_one_few(offer, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):  # stamp, categories, place, search, spelling
        Client().get(SEARCH, {"q": "swimming", "place": "NM3 4AB"})
    with django_assert_max_num_queries(1):  # the index's version only
        Client().get(SEARCH, {"place": "NM3 4AB", "q": "swimming"})  # same search


def test_query_count_does_not_grow_with_the_number_of_results(offer, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # stamp, categories, search: no query per row
        assert len(result_names(Client().get(SEARCH))) == 5


def test_a_search_that_finds_nothing_is_counted_every_time_even_cached(offer, today):
    for _ in range(3):
        Client().get(SEARCH, {"q": "unicorn"})
    assert m.ZeroResultSearch.objects.get(terms="unicorn").count == 3


def test_the_index_version_rises_with_every_refresh(offer):
    before = index.version()
    index.refresh([offer.swimming.id])
    assert index.version() == before + 1


def test_newcomers_share_the_whole_page_but_not_the_csrf_token(offer):
    first, second = Client(), Client()
    one, two = first.get(SEARCH, {"q": "swim"}), second.get(SEARCH, {"q": "swim"})
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub(b"", one.content) == token.sub(b"", two.content)
    assert token.findall(one.content) != token.findall(two.content)
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    assert set(buttons(two).values()) == {"Add to shortlist"}


def test_a_signed_in_user_never_gets_the_newcomers_page(offer, staff_client, dev):
    Client().get(SEARCH)  # cached for newcomers
    response = staff_client(dev).get(SEARCH)
    check_page(response)
    assert response["Cache-Control"] == "no-store"
