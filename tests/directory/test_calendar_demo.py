"""The demo Local Offer: loads, is deterministic, is valid ORUK, and has the showcase."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.test import Client

from opensend.directory import models as m
from opensend.directory.calendar.models import SessionCancellation
from opensend.directory.calendar.selectors import CalendarFilters, calendar_occurrences
from opensend.nonprod.local_offer.build import SHOWCASE, build, generate_local_offer
from opensend.nonprod.local_offer.places import EAST, NORTH, SOUTH, WEST
from tests.directory.schemas import assert_valid

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo(today):
    return generate_local_offer(seed=2026, today=TODAY, reset=False)


def _snapshot() -> list[tuple]:
    return [
        (s.id, s.name, s.description, s.minimum_age, s.assured_date, s.local_offer.needs_supported)
        for s in m.Service.objects.select_related("local_offer").order_by("id")
    ] + [(x.id, x.dtstart, x.byday, x.opens_at) for x in m.Schedule.objects.order_by("id")]


def test_the_same_seed_gives_the_same_rows(demo):
    first = _snapshot()
    call_command("generate_local_offer", "--seed", "2026", "--today", "2026-11-22", "--reset")
    assert _snapshot() == first
    other = build(2027, TODAY)
    assert {s.id for s in other.by_model[m.Service]}.isdisjoint({row[0] for row in first})


def test_a_second_load_without_reset_is_refused(demo):
    with pytest.raises(Exception, match="already loaded"):
        generate_local_offer(seed=2026, today=TODAY, reset=False)


def test_a_few_hundred_services_with_varied_wording(demo):
    services = list(m.Service.objects.all())
    assert len(services) >= 200
    assert len({s.description for s in services}) > len(services) * 0.8
    free = sum(1 for s in services if not any(c.amount for c in s.cost_options.all()))
    assert 0 < free < len(services)
    overdue = [s for s in services if s.assured_date < TODAY - dt.timedelta(days=365)]
    assert 0 < len(overdue) < len(services) / 3
    kinds = set(m.Schedule.objects.values_list("attending_type", flat=True))
    assert {"in_person", "online", "phone"} <= kinds


def test_places_are_inside_the_area_with_centroids_for_every_postcode(demo):
    for location in m.Location.objects.filter(location_type="physical"):
        assert SOUTH <= location.latitude <= NORTH and WEST <= location.longitude <= EAST
    postcodes = {m.normalise_postcode(a.postal_code) for a in m.Address.objects.all()}
    assert all(p.startswith("NM") for p in postcodes)
    assert postcodes <= set(m.PostcodeCentroid.objects.values_list("postcode", flat=True))


def test_the_showcase_autism_friendly_swim_for_a_nine_year_old(demo):
    found = calendar_occurrences(
        CalendarFilters(age=9, need="ASD"), TODAY, TODAY + dt.timedelta(days=13)
    )
    swims = [o for o in found if o.service.name == SHOWCASE]
    assert swims and swims[0].location.addresses.get().postal_code.startswith("NM1 ")
    assert SessionCancellation.objects.filter(schedule__service__name=SHOWCASE).exists()


def test_the_calendar_has_events_one_offs_and_cancellations(demo):
    found = calendar_occurrences(CalendarFilters(), TODAY, TODAY + dt.timedelta(days=34))
    assert len(found) > 300
    assert any(o.cancelled for o in found)
    assert any(o.schedule.freq == "" for o in found)  # one-off parties
    assert any(o.schedule.until for o in found)  # holiday schemes


def test_every_demo_service_is_valid_oruk(demo):
    client = Client()
    for service_id in m.Service.objects.values_list("id", flat=True):
        response = client.get(f"/api/oruk/v3/services/{service_id}")
        assert response.status_code == 200
        assert_valid("service", json.loads(response.content))


def test_families_can_find_the_showcase_swim_within_5_miles_of_its_postcode(demo):
    """Issue 4's first journey on the demo data: the index is built by the loader itself."""
    call_command("load_demo_places")
    venue = m.Service.objects.get(name=SHOWCASE).service_at_locations.get().location
    postcode = venue.addresses.get().postal_code
    response = Client().get(
        "/local-offer/search/",
        {"q": "swimming", "place": postcode, "within": "5", "age": "9", "need": "ASD"},
    )
    assert response.status_code == 200
    assert SHOWCASE in response.content.decode()
