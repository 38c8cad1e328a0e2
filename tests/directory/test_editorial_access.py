"""Providers see and change only their own organisation's listings; editors see all."""

import pytest
from django.urls import reverse

from opensend.core.models import AuditAction, AuditEvent
from opensend.directory import models as m
from opensend.directory.editorial import services
from tests.directory import editorial as setup
from tests.directory.editorial import Editorial
from tests.pages import check_page, text_of

LISTING_PAGES = ["listing", "listing_edit", "listing_history"]

editorial = setup.editorial  # the fixture


@pytest.mark.parametrize("name", LISTING_PAGES)
def test_a_provider_gets_404_for_another_organisations_listing(
    name: str, editorial: Editorial, staff_client, today
):
    client = staff_client(editorial.provider)
    url = reverse(f"editorial:{name}", args=[editorial.other.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Hijacked"}).status_code in (404, 405)
    assert AuditEvent.objects.filter(
        actor=editorial.provider, action=AuditAction.DENIED, path=url
    ).exists()
    assert client.get(reverse(f"editorial:{name}", args=[editorial.own.pk])).status_code == 200


def test_a_provider_cannot_confirm_or_see_versions_of_another_listing(
    editorial: Editorial, staff_client, today
):
    services.baseline_ensure(editorial.other)
    client = staff_client(editorial.provider)
    confirm = reverse("editorial:listing_confirm", args=[editorial.other.pk])
    assert client.post(confirm).status_code == 404
    version = reverse("editorial:listing_version", args=[editorial.other.pk, 1])
    assert client.get(version).status_code == 404
    assert m.Service.objects.get(pk=editorial.other.pk).assured_date == editorial.other.assured_date
    assert not m.Revision.objects.exists()


def test_the_provider_list_shows_only_their_listings(editorial: Editorial, staff_client, today):
    page = check_page(staff_client(editorial.provider).get(reverse("editorial:listings")))
    text = text_of(page)
    assert "Splash Club" in text and "Fin Kids" not in text
    page = check_page(staff_client(editorial.editor).get(reverse("editorial:listings")))
    assert "Splash Club" in text_of(page) and "Fin Kids" in text_of(page)
    found = check_page(
        staff_client(editorial.editor).get(reverse("editorial:listings"), {"search": "fin"})
    )
    assert "Fin Kids" in text_of(found) and "Splash Club" not in text_of(found)


@pytest.mark.parametrize("name", ["queue", "stale", "import", "listing_new"])
def test_providers_cannot_use_editors_pages(name: str, editorial: Editorial, staff_client, today):
    assert staff_client(editorial.provider).get(reverse(f"editorial:{name}")).status_code == 404


def test_a_provider_cannot_decide_on_changes(editorial: Editorial, staff_client, today):
    revision = services.revision_submit(
        user=editorial.provider,
        service=editorial.own,
        fields=services.fields_of(editorial.own) | {"name": "Mine"},
        base_version=0,
        replacing=None,
    )
    client = staff_client(editorial.provider)
    for name in ("revision", "revision_approve", "revision_reject"):
        url = reverse(f"editorial:{name}", args=[revision.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "x"}).status_code == 404
    revision.refresh_from_db()
    assert revision.status == m.RevisionStatus.PENDING


def test_a_provider_link_is_what_gives_access(editorial: Editorial, staff_client, today):
    m.ProviderLink.objects.create(
        user=editorial.provider, organization=editorial.other.organization
    )
    url = reverse("editorial:listing", args=[editorial.other.pk])
    assert staff_client(editorial.provider).get(url).status_code == 200
