"""Providers' changes wait for approval; editors see the diff, approve or reject."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from opensend.directory import models as m
from opensend.directory.editorial import services
from opensend.directory.editorial.fields import FieldChange, diff
from tests.directory import editorial as setup
from tests.directory.editorial import Editorial, edit_data
from tests.directory.schemas import assert_valid
from tests.pages import check_page, elements_with_class, text_of

editorial = setup.editorial  # the fixture


def _send(client, listing, **changes):
    return client.post(
        reverse("editorial:listing_edit", args=[listing.pk]), edit_data(client, listing, **changes)
    )


def test_a_providers_change_waits_and_the_live_listing_is_unchanged(
    editorial: Editorial, staff_client, today: dt.date
):
    client = staff_client(editorial.provider)
    before = m.Service.objects.get(pk=editorial.own.pk)
    response = _send(client, editorial.own, name="Splash Club Plus", maximum_age="14")
    assert response.status_code == 302
    live = m.Service.objects.get(pk=editorial.own.pk)
    assert (live.name, live.maximum_age, live.last_modified) == (
        "Splash Club",
        11,
        before.last_modified,
    )
    revision = m.Revision.objects.get(service=live)
    assert revision.status == m.RevisionStatus.PENDING
    assert revision.proposed["name"] == "Splash Club Plus"
    assert revision.proposed["maximum_age"] == 14
    api = client.get(reverse("oruk:service", args=[live.pk])).json()
    assert api["name"] == "Splash Club"
    page = check_page(client.get(reverse("editorial:listing", args=[live.pk])))
    assert "waiting for approval" in text_of(page)


def test_the_diff_shows_was_and_now_for_changed_fields_only():
    was = {"name": "Splash", "needs_supported": ["ASD"], "cost_amount": "5.00", "city": "Ely"}
    now = {"name": "Splash", "needs_supported": ["ASD", "SLCN"], "cost_amount": None, "city": "Ely"}
    changes = {row.name: row for row in diff(was, now) if row.changed}
    assert set(changes) == {"needs_supported", "cost_amount"}
    assert changes["needs_supported"] == FieldChange(
        "needs_supported",
        "Needs supported",
        "Autistic spectrum disorder",
        "Autistic spectrum disorder, Speech, language and communication needs",
    )
    assert (changes["cost_amount"].was, changes["cost_amount"].now) == ("£5.00", "")


def test_the_editor_sees_the_diff_and_approving_makes_it_live(
    editorial: Editorial, staff_client, today: dt.date
):
    _send(
        staff_client(editorial.provider),
        editorial.own,
        description="Now on Sundays too.",
        needs_supported=["ASD", "SLCN"],
        contact_phone="01632 960000",
    )
    revision = m.Revision.objects.get()
    editor = staff_client(editorial.editor)
    queue = check_page(editor.get(reverse("editorial:queue")))
    assert "Splash Club" in text_of(queue)
    assert "Description, Needs supported, Contact phone number" in text_of(queue)
    page = check_page(editor.get(reverse("editorial:revision", args=[revision.pk])))
    changed = {
        text_of(row.find("th")).removesuffix(" Changed"): [text_of(c) for c in row.findall("td")]
        for table in elements_with_class(page, "opensend-diff")
        for row in table.iter("tr")
        if row.find(".//ins") is not None
    }
    assert changed == {
        "Description": [
            "Activities for disabled children and young people.",
            "Now on Sundays too.",
        ],
        "Needs supported": [
            "Not given",
            "Autistic spectrum disorder, Speech, language and communication needs",
        ],
        "Contact phone number": ["Not given", "01632 960000"],
    }
    before = timezone.now()
    response = editor.post(reverse("editorial:revision_approve", args=[revision.pk]))
    assert response.status_code == 302
    live = m.Service.objects.get(pk=editorial.own.pk)
    assert live.description == "Now on Sundays too."
    assert live.last_modified > before
    assert live.assured_date == today
    api = editor.get(reverse("oruk:service", args=[live.pk])).json()
    assert_valid("service", api)
    assert api["contacts"][0]["phones"][0]["number"] == "01632 960000"
    assert [n["code"] for n in api["local_offer"]["needs_supported"]] == ["ASD", "SLCN"]
    feed = editor.get(reverse("oruk:services"), {"modified_after": before.isoformat()}).json()
    assert [s["id"] for s in feed["contents"]] == [str(live.pk)]
    revision.refresh_from_db()
    assert (revision.status, revision.decided_by, revision.approved_version) == (
        m.RevisionStatus.APPROVED,
        editorial.editor,
        2,
    )


def test_a_rejection_needs_a_reason_and_the_provider_sees_it(
    editorial: Editorial, staff_client, today: dt.date
):
    provider = staff_client(editorial.provider)
    _send(provider, editorial.own, name="Splash!")
    revision = m.Revision.objects.get()
    editor = staff_client(editorial.editor)
    url = reverse("editorial:revision_reject", args=[revision.pk])
    page = check_page(editor.post(url, {"reason": ""}))
    assert "Enter why the change is rejected" in text_of(page)
    assert editor.post(url, {"reason": "Please keep the registered name."}).status_code == 302
    assert m.Service.objects.get(pk=editorial.own.pk).name == "Splash Club"
    page = check_page(provider.get(reverse("editorial:listing", args=[editorial.own.pk])))
    assert "Please keep the registered name." in text_of(page)
    assert editor.post(reverse("editorial:revision_approve", args=[revision.pk])).status_code == 302
    assert m.Service.objects.get(pk=editorial.own.pk).name == "Splash Club"  # decided already


def test_two_edits_do_not_overwrite_each_other(editorial: Editorial, staff_client, today):
    first, second = staff_client(editorial.provider), staff_client(editorial.editor)
    stale_form = edit_data(second, editorial.own, name="Second's name")
    assert _send(first, editorial.own, name="First's name").status_code == 302
    page = check_page(
        second.post(reverse("editorial:listing_edit", args=[editorial.own.pk]), stale_form)
    )
    assert "changed while you were editing it" in text_of(page)
    assert m.Revision.objects.get(status="pending").proposed["name"] == "First's name"
    # Having seen the conflict, a re-submission replaces the pending change.
    again = {
        **stale_form,
        **{
            e.get("name"): e.get("value")
            for e in page.iter("input")
            if e.get("type") == "hidden" and e.get("name") != "csrfmiddlewaretoken"
        },
    }
    assert (
        second.post(reverse("editorial:listing_edit", args=[editorial.own.pk]), again).status_code
        == 302
    )
    assert m.Revision.objects.get(status="pending").proposed["name"] == "Second's name"
    assert m.Revision.objects.get(status="superseded").proposed["name"] == "First's name"


def test_an_approval_that_would_undo_a_later_change_is_refused(
    editorial: Editorial, staff_client, today
):
    revision = services.revision_submit(
        user=editorial.provider,
        service=editorial.own,
        fields=services.fields_of(editorial.own) | {"name": "Old idea"},
        base_version=0,
        replacing=None,
    )
    services.listing_confirm(user=editorial.editor, service=editorial.own, today=today)
    with pytest.raises(services.ConflictError):
        services.revision_approve(editor=editorial.editor, revision=revision, today=today)
    page = check_page(
        staff_client(editorial.editor).get(reverse("editorial:revision", args=[revision.pk]))
    )
    assert "cannot be approved" in text_of(page)
    assert m.Service.objects.get(pk=editorial.own.pk).name == "Splash Club"


def test_not_given_clears_a_choice(editorial: Editorial, staff_client, today):
    services.revision_approve(
        editor=editorial.editor,
        today=today,
        revision=services.revision_submit(
            user=editorial.provider,
            service=editorial.own,
            base_version=0,
            replacing=None,
            fields=services.fields_of(editorial.own) | {"referral_route": "self"},
        ),
    )
    client = staff_client(editorial.provider)
    assert edit_data(client, editorial.own)["referral_route"] == ["self"]
    assert _send(client, editorial.own, referral_route="none").status_code == 302
    assert m.Revision.objects.get(status="pending").proposed["referral_route"] == ""


def test_sending_no_change_is_refused(editorial: Editorial, staff_client, today):
    page = check_page(_send(staff_client(editorial.provider), editorial.own))
    assert "You have not changed anything" in text_of(page)
    assert not m.Revision.objects.exists()


def test_history_keeps_every_version_with_who_and_when(editorial: Editorial, staff_client, today):
    provider, editor = staff_client(editorial.provider), staff_client(editorial.editor)
    _send(provider, editorial.own, name="Splash Club (Saturdays)")
    editor.post(reverse("editorial:revision_approve", args=[m.Revision.objects.get().pk]))
    provider.post(reverse("editorial:listing_confirm", args=[editorial.own.pk]))
    versions = list(m.ListingVersion.objects.filter(service=editorial.own).order_by("number"))
    assert [(v.number, v.source, v.submitted_by, v.approved_by) for v in versions] == [
        (1, "baseline", None, None),
        (2, "approved", editorial.provider, editorial.editor),
        (3, "confirmed", editorial.provider, editorial.provider),
    ]
    assert versions[0].snapshot["name"] == "Splash Club"
    assert versions[1].snapshot["name"] == "Splash Club (Saturdays)"
    assert_valid("service", versions[1].snapshot)
    page = check_page(provider.get(reverse("editorial:listing_history", args=[editorial.own.pk])))
    assert "Version 3" in text_of(page) and "Eddie Editor" in text_of(page)
    old = check_page(provider.get(reverse("editorial:listing_version", args=[editorial.own.pk, 1])))
    assert "Splash Club" in text_of(old)
    second = check_page(
        provider.get(reverse("editorial:listing_version", args=[editorial.own.pk, 2]))
    )
    assert "What changed since version 1" in text_of(second)
    assert json.loads(text_of(second.find(".//pre")))["name"] == "Splash Club (Saturdays)"
    missing = provider.get(reverse("editorial:listing_version", args=[editorial.own.pk, 9]))
    assert missing.status_code == 404


def test_confirming_re_assures_without_changing_anything(editorial: Editorial, staff_client, today):
    client = staff_client(editorial.provider)
    before = services.fields_of(editorial.own)
    response = client.post(reverse("editorial:listing_confirm", args=[editorial.own.pk]))
    assert response.status_code == 302
    live = m.Service.objects.get(pk=editorial.own.pk)
    assert live.assured_date == today
    assert services.fields_of(live) == before


def test_an_editor_creates_a_live_listing(editorial: Editorial, staff_client, today):
    client = staff_client(editorial.editor)
    page = check_page(client.post(reverse("editorial:listing_new"), {"status": "active"}))
    assert "Choose the organisation that runs the service" in text_of(page)
    response = client.post(
        reverse("editorial:listing_new"),
        {
            "organization": editorial.own.organization_id,
            "name": "Sensory Garden",
            "status": "active",
            "minimum_age": "0",
            "maximum_age": "8",
            "needs_supported": ["MSI"],
            "cost_amount": "0",
            "location_name": "The Walled Garden",
            "address_1": "1 Park Lane",
            "city": "Northtown",
            "postal_code": "nt1 1aa",
            "delivery": "in person",
        },
    )
    assert response.status_code == 302, text_of(check_page(response))
    created = m.Service.objects.get(name="Sensory Garden")
    api = client.get(reverse("oruk:service", args=[created.pk])).json()
    assert_valid("service", api)
    assert api["cost_options"][0]["amount"] == 0
    address = api["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["postal_code"], api["schedules"][0]["attending_type"]) == (
        "NT1 1AA",
        "in person",
    )
    assert created.versions.get().source == m.VersionSource.CREATED
    check_page(client.get(reverse("editorial:listings")))


def test_age_range_and_address_are_checked(editorial: Editorial, staff_client, today):
    client = staff_client(editorial.provider)
    page = check_page(
        _send(client, editorial.own, minimum_age="12", maximum_age="5", address_1="1 High Street")
    )
    text = text_of(page)
    assert "The oldest age must be the same as or more than the youngest age" in text
    assert "Enter the postcode of the place" in text
