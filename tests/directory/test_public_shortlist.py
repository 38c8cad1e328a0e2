"""The shortlist: kept in the session without signing in, printed, shared as a link."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from opensend.directory.public.shortlist import KEY
from tests.directory.public_data import LocalOffer, build_local_offer
from tests.pages import check_page, elements_with_class, text_of

pytestmark = pytest.mark.django_db
ADD, REMOVE = "/local-offer/shortlist/add/", "/local-offer/shortlist/remove/"
SHORTLIST = "/local-offer/shortlist/"


@pytest.fixture
def offer() -> LocalOffer:
    return build_local_offer()


def headings(response) -> list[str]:
    page = check_page(response)
    return [text_of(h) for h in page.findall(".//main//ol/li/h2")]


def test_add_see_and_remove(offer):
    client = Client()
    response = client.post(ADD, {"service": offer.swimming.id, "next": "/local-offer/search/?q=x"})
    assert response.status_code == 302 and response["Location"] == "/local-offer/search/?q=x"
    client.post(ADD, {"service": offer.speech.id})
    client.post(ADD, {"service": offer.speech.id})  # twice: listed once
    assert headings(client.get(SHORTLIST)) == ["Autism-friendly Swimming", "Speech Drop-in"]
    assert client.session[KEY] == [str(offer.swimming.id), str(offer.speech.id)]

    response = client.post(REMOVE, {"service": offer.swimming.id})
    assert response["Location"] == SHORTLIST
    assert headings(client.get(SHORTLIST)) == ["Speech Drop-in"]


def test_the_session_holds_only_service_ids(offer):
    client = Client()
    client.post(ADD, {"service": offer.swimming.id})
    assert dict(client.session.items()) == {KEY: [str(offer.swimming.id)]}


def test_an_unknown_or_defunct_service_cannot_be_added(offer):
    client = Client()
    assert client.post(ADD, {"service": uuid.uuid4()}).status_code == 404
    assert client.post(ADD, {"service": offer.closed.id}).status_code == 404
    assert client.post(ADD, {"service": "not-an-id"}).status_code == 404


def test_next_must_be_on_this_site(offer):
    response = Client().post(ADD, {"service": offer.swimming.id, "next": "https://evil.example/"})
    assert response["Location"] == reverse("local_offer:service", args=[offer.swimming.id])


def test_the_share_link_shows_the_same_list_read_only_to_anyone(offer):
    client = Client()
    client.post(ADD, {"service": offer.drama.id})
    client.post(ADD, {"service": offer.swimming.id})
    page = check_page(client.get(SHORTLIST))
    link = elements_with_class(page, "local-offer-share")[0].find("a").get("href")
    assert link.endswith(f"?s={offer.drama.id},{offer.swimming.id}")

    stranger = Client()
    shared = stranger.get(SHORTLIST, {"s": link.split("?s=")[1]})
    assert headings(shared) == ["Café Drama Club", "Autism-friendly Swimming"]
    page = check_page(shared)
    assert page.find(".//h1").text == "Shared shortlist"
    assert not page.findall(".//main//form")  # nothing to change
    assert KEY not in stranger.session  # viewing does not save it


def test_a_share_link_ignores_rubbish_and_defunct_services(offer):
    response = Client().get(SHORTLIST, {"s": f"nonsense,{offer.closed.id},{offer.speech.id}"})
    assert headings(response) == ["Speech Drop-in"]


def test_the_add_button_is_on_results_and_service_pages_and_shows_state(offer):
    client = Client()
    service_page = reverse("local_offer:service", args=[offer.swimming.id])
    page = check_page(client.get(service_page))
    assert "Add to shortlist" in text_of(page.find(".//main//form/button"))
    client.post(ADD, {"service": offer.swimming.id})
    page = check_page(client.get("/local-offer/search/", {"q": "autism"}))
    assert "Remove from shortlist" in text_of(page.find(".//main//li//form/button"))


def test_a_print_stylesheet_hides_everything_but_the_list(offer):
    page = check_page(Client().get(SHORTLIST))
    printed = [link for link in page.iter("link") if link.get("media") == "print"]
    assert printed and printed[0].get("href").endswith("local-offer-print.css")
