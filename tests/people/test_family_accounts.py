"""Family accounts (issue 11 item 1): invitations, sign-in by an emailed link, the
optional security code, and the young person's decisions about their parents' access."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.casework.notifications import family_emails
from opensend.core.models import AuditEvent
from opensend.core.notifications.models import Notification
from opensend.core.notifications.service import SINGLE_USE_LINK_SENT, notification_deliver
from opensend.people.invitations import invitation_accept, invitation_send, token_hash
from opensend.people.models import (
    FamilyInvitation,
    ParentAccessDecision,
    User,
    UserKind,
    YoungPersonConsent,
)
from opensend.people.parent_access import parent_access_decide
from opensend.people.rules import visible_children
from tests import factories as f
from tests.conftest import confirmed_device
from tests.core.test_auth import code_for
from tests.pages import check_page, text_of

PASSWORD = "a long family passphrase 42"


def _invite(child, member, cara) -> str:
    """Send an invitation; return the token from the link emailed (before sending)."""
    invitation = invitation_send(child=child, family_member=member, email="new.parent@example.net",
                                 invited_by=cara)
    link = Notification.objects.get(key=f"single-use:family-invitation:{invitation.pk}").link
    return link.rstrip("/").rsplit("/", 1)[1]


def test_an_invitation_is_stored_hashed_and_works_once(today, tom, cara):
    member = f.FamilyMemberFactory(child=tom, name="Mo Baker")
    token = _invite(tom, member, cara)
    invitation = FamilyInvitation.objects.get()
    assert invitation.token_hash == token_hash(token) and token not in invitation.token_hash

    user = invitation_accept(token=token, password=PASSWORD)
    assert user is not None and user.kind == UserKind.PARENT and user.check_password(PASSWORD)
    member.refresh_from_db()
    assert member.user == user
    assert tom in visible_children(user, today)
    assert invitation_accept(token=token, password=PASSWORD) is None  # single use
    assert User.objects.filter(email="new.parent@example.net").count() == 1


def test_an_invitation_expires_after_14_days(today, tom, cara):
    token = _invite(tom, f.FamilyMemberFactory(child=tom), cara)
    with time_machine.travel(dt.timedelta(days=14, seconds=1)):
        assert invitation_accept(token=token, password=PASSWORD) is None
    assert not User.objects.filter(email="new.parent@example.net").exists()


def test_the_emailed_link_is_removed_once_sent(today, tom, cara, settings):
    settings.NOTIFICATIONS_BACKEND = "email"
    _invite(tom, f.FamilyMemberFactory(child=tom), cara)
    notification = Notification.objects.get()
    assert notification.digest is False  # a link is sent at once, whatever the preference
    notification_deliver(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.link == SINGLE_USE_LINK_SENT


def test_the_invitation_page_makes_the_account_and_then_says_it_expired(today, tom, cara):
    token = _invite(tom, f.FamilyMemberFactory(child=tom), cara)
    page = reverse("family:invitation", args=[token])
    check_page(Client().get(page))
    response = Client().post(page, {"password": PASSWORD, "confirm": PASSWORD})
    assert response["Location"] == reverse("core:sign_in")
    again = check_page(Client().get(page))
    assert text_of(again.find(".//h1")) == "This invitation has expired"


def test_the_young_person_invitation_links_their_own_record(today, yasmin_record, cara):
    yasmin_record.young_person_user = None
    yasmin_record.save(update_fields=["young_person_user"])
    invitation = invitation_send(child=yasmin_record, family_member=None,
                                 email="yasmin.new@example.net", invited_by=cara)
    token = Notification.objects.get(key__endswith=f":{invitation.pk}").link.split("/")[-2]
    user = invitation_accept(token=token, password=PASSWORD)
    assert user is not None and user.kind == UserKind.YOUNG_PERSON
    yasmin_record.refresh_from_db()
    assert yasmin_record.young_person_user == user


# --- sign in by an emailed link -----------------------------------------------------------


def _ask_link(email: str) -> None:
    response = Client().post(reverse("core:sign_in_link"), {"email": email})
    assert response["Location"] == reverse("core:sign_in_link_sent")


def _link_sent_to(email: str) -> str:
    return Notification.objects.get(recipient=email, key__startswith="single-use:sign-in").link


def test_a_parent_signs_in_with_the_emailed_link_once(today, paula):
    _ask_link(paula.email)
    link = _link_sent_to(paula.email)
    client = Client()
    check_page(client.get(link))  # a button: a mail scanner's GET uses nothing up
    response = client.post(link)
    assert response.status_code == 302
    assert client.get(reverse("family:home")).status_code == 200
    used = check_page(Client().post(link))
    assert text_of(used.find(".//h1")) == "This link has expired"


def test_the_link_email_names_the_account_not_an_empty_child(today, paula):
    """An account email is about no child: it names its subject instead (ADR 0033)."""
    _ask_link(paula.email)
    sent = Notification.objects.get(recipient=paula.email)
    assert (sent.child_first_name, sent.subject) == ("", "Your account")


def test_the_link_expires_after_15_minutes(today, paula):
    _ask_link(paula.email)
    link = _link_sent_to(paula.email)
    with time_machine.travel(dt.timedelta(minutes=16)):
        page = check_page(Client().post(link))
    assert text_of(page.find(".//h1")) == "This link has expired"


@pytest.mark.parametrize("who", ["nobody@example.net", "cara"])
def test_no_link_for_unknown_addresses_or_staff_and_the_same_answer(today, cara, who):
    _ask_link(cara.email if who == "cara" else who)
    assert not Notification.objects.exists()


def test_link_requests_are_rate_limited_per_address(today, paula):
    for _ in range(6):
        Client().post(reverse("core:sign_in_link"), {"email": f"x{_}@example.net"})
    _ask_link(paula.email)
    assert not Notification.objects.filter(recipient=paula.email).exists()


def test_a_family_member_who_turned_on_a_code_is_asked_for_it(today, paula):
    paula.set_password(PASSWORD)
    paula.save()
    confirmed_device(paula)
    response = Client().post(reverse("core:sign_in"),
                             {"email": paula.email, "password": PASSWORD})
    assert response["Location"] == reverse("core:security_code")


def test_a_family_member_turns_the_security_code_off_with_a_current_code(today, paula,
                                                                        family_client):
    paula.set_password(PASSWORD)
    paula.save()
    device = confirmed_device(paula)
    client = family_client(paula)
    account = check_page(client.get(reverse("family:account")))
    off = reverse("family:security_code_off")
    assert off in [a.get("href") for a in account.iter("a")]
    check_page(client.get(off))
    wrong = check_page(client.post(off, {"code": f"{(int(code_for(device)) + 1) % 10**6:06d}"}))
    assert "The security code is not correct" in text_of(wrong)
    assert TOTPDevice.objects.filter(user=paula, confirmed=True).exists()
    TOTPDevice.objects.get(pk=device.pk).throttle_reset()  # a wrong code slows the next try
    assert client.post(off, {"code": code_for(device)})["Location"] == reverse("family:account")
    assert not TOTPDevice.objects.filter(user=paula).exists()
    assert AuditEvent.objects.filter(actor=paula, why="security code turned off").count() == 1
    assert client.get(off)["Location"] == reverse("family:account")  # nothing to turn off
    response = Client().post(reverse("core:sign_in"), {"email": paula.email, "password": PASSWORD})
    assert response["Location"] != reverse("core:security_code")


def test_your_account_saves_the_notification_preference(today, paula, family_client):
    client = family_client(paula)
    check_page(client.get(reverse("family:account")))
    client.post(reverse("family:account"), {"frequency": "daily"})
    page = check_page(client.get(reverse("family:account")))
    checked = [i.get("value") for i in page.iter("input") if i.get("checked") is not None]
    assert checked == ["daily"]


# --- the young person's rights ------------------------------------------------------------


@pytest.fixture
def mum(yasmin_record, today):
    """Yasmin's mother, with an account, whom Yasmin agreed may see her record."""
    user = f.ParentUserFactory(full_name="Hana Hussain")
    member = f.FamilyMemberFactory(child=yasmin_record, name="Hana Hussain", user=user)
    YoungPersonConsent.objects.create(child=yasmin_record, family_member=member,
                                      given_on=today - dt.timedelta(days=100))
    return member


def test_the_young_person_removes_and_restores_a_parents_access(today, yasmin, mum):
    child = yasmin.own_record
    assert child in visible_children(mum.user, today)
    assert mum.user.email in family_emails(child, today)

    assert parent_access_decide(young_person=yasmin, member_id=mum.pk, keeps_access=False,
                                today=today)
    assert child not in visible_children(mum.user, today)  # at once
    assert mum.user.email not in family_emails(child, today)  # and no longer told

    assert parent_access_decide(young_person=yasmin, member_id=mum.pk, keeps_access=True,
                                today=today)
    assert child in visible_children(mum.user, today)
    assert list(ParentAccessDecision.objects.values_list("keeps_access", flat=True)) == [
        False, True]
    assert AuditEvent.objects.filter(why="young person decided a parent's access").count() == 2


def test_only_the_young_person_decides_and_only_about_their_parents(today, yasmin, mum, paula,
                                                                    tom):
    other = f.FamilyMemberFactory(child=tom)
    assert not parent_access_decide(young_person=yasmin, member_id=other.pk,
                                    keeps_access=False, today=today)
    assert not parent_access_decide(young_person=paula, member_id=mum.pk,
                                    keeps_access=False, today=today)
    assert not ParentAccessDecision.objects.exists()
