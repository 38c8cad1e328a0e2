"""The dashboards' tiles are rendered once per facts version (page_cache.py): a second
request counts nothing again, and a casework change shows at once."""

import datetime as dt

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opensend.measures.dashboard import page_cache
from opensend.measures.dashboard.areas import period_choice
from tests import factories as f

NORTHSHIRE = "E10000020"


def _fact_queries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "measures_planfact" in q["sql"]]


@pytest.mark.django_db
def test_the_tiles_are_counted_once_per_facts_version(world, today: dt.date) -> None:
    area = world.area.northshire
    choice = period_choice(None, today)
    args = {"namespace": "measures", "area": area, "choice": choice, "day": today}
    first = page_cache.dashboard_body(**args)
    with CaptureQueriesContext(connection) as queries:
        assert page_cache.dashboard_body(**args) == first
    assert len(queries) == 1  # the facts version only
    f.case_with_final_plan(
        child=f.ChildFactory(local_authority=area), caseworker=world.people["cara"], today=today
    )
    with CaptureQueriesContext(connection) as queries:
        after = page_cache.dashboard_body(**args)
    assert _fact_queries(queries)  # counted again: the facts changed
    assert after.tiles != first.tiles


@pytest.mark.django_db
def test_public_and_staff_tiles_are_kept_apart(world, today: dt.date) -> None:
    area, choice = world.area.northshire, period_choice(None, today)
    staff = page_cache.dashboard_body(namespace="measures", area=area, choice=choice, day=today)
    public = page_cache.dashboard_body(
        namespace="public_measures", area=area, choice=choice, day=today
    )
    assert "/measures/" in staff.tiles
    assert "/measures/" not in public.tiles.replace("/local-area/measures/", "")


@override_settings(MEASURES_PUBLIC_AREA_ONS_CODE=NORTHSHIRE)
def test_a_newcomer_gets_the_whole_public_page_from_the_cache(world, client) -> None:
    url = reverse("public_measures:dashboard")
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert len(queries) == 2  # the public area and its facts version
    assert not client.cookies  # nothing of the visitor's was stored
