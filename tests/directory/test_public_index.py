"""The search index follows the directory: signals after commits (the benchmark
generator: tests/nonprod/test_directory_generator.py)."""

import pytest

from opensend.directory import models as m
from opensend.directory.public import index
from opensend.directory.public.search import SearchQuery, search
from tests.directory.public_data import build_local_offer

pytestmark = pytest.mark.django_db


def names(**query) -> list[str]:
    return [hit.name for hit in search(SearchQuery(**query)).hits]


def test_changes_reach_the_index_once_committed(django_capture_on_commit_callbacks):
    offer = build_local_offer()
    with django_capture_on_commit_callbacks(execute=True):
        offer.swim_school.name = "Dolphins Swim School"
        offer.swim_school.save()
        details = offer.speech.local_offer
        details.needs_supported = ["SLCN", "HI"]
        details.save()
        m.CostOption.objects.filter(service=offer.swimming).delete()
        m.CostOption.objects.create(service=offer.swimming, option="Session", amount=2)
    assert names(words="dolphins") == ["Dolphins Swim School"]
    assert names(needs=("HI",)) == ["Speech Drop-in"]
    assert "Autism-friendly Swimming" not in names(free=True)
    with django_capture_on_commit_callbacks(execute=True):
        offer.drama.status = m.ServiceStatus.INACTIVE
        offer.drama.save()
    assert "Café Drama Club" not in names()


def test_many_changes_to_one_service_refresh_it_once(
    django_capture_on_commit_callbacks, monkeypatch
):
    offer = build_local_offer()
    refreshed = []
    real_refresh = index.refresh
    monkeypatch.setattr(index, "refresh", lambda ids: refreshed.append(ids) or real_refresh(ids))
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            m.CostOption.objects.create(service=offer.swimming, option=f"Option {n}", amount=1)
        offer.swimming.name = "Swimming for all"
        offer.swimming.save()
    # One refresh for the six changes (with the services the fixture built, whose own
    # commit never comes in a test).
    assert len(refreshed) == 1 and offer.swimming.id in refreshed[0]
    assert "Swimming for all" in names() and "Autism-friendly Swimming" not in names()
    assert "Swimming for all" not in names(free=True)
