"""The benchmark directory (opensend/nonprod/directory_generator.py): many invented
services, searchable at once."""

import pytest
from django.core.management import call_command

from opensend.directory import models as m
from opensend.directory.public.search import SearchQuery, search

pytestmark = pytest.mark.django_db


def test_generate_directory_makes_searchable_services():
    call_command("generate_directory", services=40, seed=3)
    assert m.Service.objects.count() == 40
    assert m.ServiceSearchEntry.objects.count() == 40
    assert m.PostcodeCentroid.objects.filter(postcode__startswith="NM").count() == 68_000
    first = search(SearchQuery())
    assert first.total == 40
    assert all(hit.assured_date for hit in first.hits)
    call_command("generate_directory", services=40, seed=3)  # again: more, same shape
    assert m.ServiceSearchEntry.objects.count() == 80
