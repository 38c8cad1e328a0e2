"""Shared set-up for the editorial tests: two providers, an editor, listings."""

import datetime as dt
from dataclasses import dataclass

import pytest

from opensend.directory import models as m
from opensend.people.models import Role, User
from tests import factories as f
from tests.directory.factories import OrganizationFactory, ServiceFactory


@dataclass
class Editorial:
    editor: User
    provider: User  # may edit `own`
    other_provider: User  # may edit `other`
    own: m.Service
    other: m.Service


def provider_for(organization: m.Organization, email: str) -> User:
    user = f.staff_user(
        Role.PROVIDER,
        f.OrganisationFactory(name=organization.name),
        email=email,
        full_name=email.split("@")[0].title(),
    )
    m.ProviderLink.objects.create(user=user, organization=organization)
    return user


@pytest.fixture
def editorial(db: None, today: dt.date) -> Editorial:
    editor = f.staff_user(
        Role.DIRECTORY_EDITOR,
        f.LocalAuthorityFactory(),
        email="editor@northshire.example",
        full_name="Eddie Editor",
    )
    ours = OrganizationFactory(name="Play Together")
    theirs = OrganizationFactory(name="Swim Friends")
    own = ServiceFactory(
        organization=ours,
        name="Splash Club",
        minimum_age=5,
        maximum_age=11,
        assured_date=today - dt.timedelta(days=100),
    )
    other = ServiceFactory(
        organization=theirs, name="Fin Kids", assured_date=today - dt.timedelta(days=100)
    )
    return Editorial(
        editor=editor,
        provider=provider_for(ours, "priya@playtogether.example"),
        other_provider=provider_for(theirs, "omar@swimfriends.example"),
        own=own,
        other=other,
    )


def edit_data(client, listing: m.Service, **changes: object) -> dict[str, object]:
    """The edit form's own initial values (as a browser would send them), with changes."""
    from django.urls import reverse

    from tests.pages import check_page

    page = check_page(client.get(reverse("editorial:listing_edit", args=[listing.pk])))
    data: dict[str, object] = {}
    for element in page.iter("input"):
        name, kind = element.get("name"), element.get("type")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if kind in ("checkbox", "radio"):
            if element.get("checked") is not None:
                data.setdefault(name, []).append(element.get("value"))  # type: ignore[union-attr]
        else:
            data[name] = element.get("value", "")
    for element in page.iter("textarea"):
        data[element.get("name")] = (element.text or "").lstrip("\n")
    for element in page.iter("select"):
        chosen = [o.get("value") for o in element.iter("option") if o.get("selected") is not None]
        data[element.get("name")] = chosen[0] if chosen else ""
    data.update(changes)
    return data
