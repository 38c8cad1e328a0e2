"""The search index follows the directory: signals after commits (the benchmark
generator: tests/nonprod/test_directory_generator.py)."""

import pytest
from django.apps import apps
from django.db.models.signals import post_delete, post_save

from opensend.directory import models as m
from opensend.directory.public import index, signals
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


def _search_receivers(model) -> int:
    uids = {f"search-save-{model}", f"search-delete-{model}"}
    receivers = [*post_save.receivers, *post_delete.receivers]
    return sum(1 for (lookup, _), *_ in receivers if lookup in uids)


def test_the_search_receivers_are_connected_once_when_the_app_is_ready():
    for model in signals.WATCHED:
        post_save.disconnect(sender=model, dispatch_uid=f"search-save-{model}")
        post_delete.disconnect(sender=model, dispatch_uid=f"search-delete-{model}")
    try:
        assert _search_receivers("directory.Service") == 0
        apps.get_app_config("directory").ready()
        apps.get_app_config("directory").ready()
        assert _search_receivers("directory.Service") == 2  # one save, one delete
    finally:
        signals.connect()
