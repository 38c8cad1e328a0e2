"""Searches that find nothing are counted, with no personal data; editors see them."""

import datetime as dt

import pytest
from django.test import Client

from opensend.directory import models as m
from tests.directory.public_data import build_local_offer
from tests.pages import check_page, text_of

pytestmark = pytest.mark.django_db
SEARCH = "/local-offer/search/"
EDITORS = "/local-offer/searches-not-found/"


@pytest.fixture
def offer():
    return build_local_offer()


def test_a_search_that_finds_nothing_is_counted_per_day(offer, today):
    client = Client()
    for _ in range(2):
        client.get(SEARCH, {"q": "  Unicorn   RIDES ", "place": "NM3 4AB", "age": "7"})
    client.get(SEARCH, {"q": "swimming"})  # found something: not recorded
    rows = list(m.ZeroResultSearch.objects.values("day", "terms", "filters", "count"))
    assert rows == [
        {"day": today, "terms": "unicorn rides", "filters": "age 7; near NM3", "count": 2}
    ]


def test_the_log_keeps_no_personal_data(offer, today):
    Client().get(SEARCH, {"q": "unicorn"}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Secret/1.0")
    fields = {field.name for field in m.ZeroResultSearch._meta.get_fields()}
    assert fields == {"id", "day", "terms", "filters", "count"}
    stored = " ".join(str(v) for v in m.ZeroResultSearch.objects.values_list().get())
    assert "203.0.113.9" not in stored and "Secret" not in stored
    # A full postcode is cut to its district.
    Client().get(SEARCH, {"q": "unicorn", "place": "NM3 4AB"})
    assert not m.ZeroResultSearch.objects.filter(filters__contains="4AB").exists()


def test_an_invalid_search_is_not_recorded(offer, today):
    Client().get(SEARCH, {"q": "unicorn", "place": "NM99 9ZZ"})
    assert not m.ZeroResultSearch.objects.exists()


def test_editors_see_the_most_frequent_first(offer, today, dev, staff_client):
    m.ZeroResultSearch.objects.create(day=today, terms="horse riding", filters="", count=2)
    m.ZeroResultSearch.objects.create(day=today - dt.timedelta(days=1), terms="horse riding",
                                      filters="", count=2)  # fmt: skip
    m.ZeroResultSearch.objects.create(day=today, terms="karate", filters="age 9", count=3)
    m.ZeroResultSearch.objects.create(day=today - dt.timedelta(days=200), terms="old", count=9)
    page = check_page(staff_client(dev).get(EDITORS))
    rows = [[text_of(cell) for cell in row] for row in page.findall(".//main//tbody/tr")]
    assert rows == [["horse riding", "None", "4"], ["karate", "age 9", "3"]]
