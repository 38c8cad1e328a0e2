"""Your notifications: each person chooses immediate or a daily digest (issue 11,
item 4), and the next notification follows the choice."""

import pytest

from opensend.core.models import AuditEvent
from opensend.core.notifications import Message, notification_create
from opensend.core.notifications.models import NotificationFrequency, NotificationPreference
from tests.pages import check_page, text_of

URL = "/account/notifications/"


@pytest.fixture
def paula(world):
    return world.people["paula"]


@pytest.fixture
def paula_client(paula, family_client):
    return family_client(paula)


def _tell(address: str, key: str) -> bool:
    message = Message(child_first_name="Tom", event="The draft EHC plan was sent", link="/x/")
    [made] = notification_create(key=key, recipients=[address], message=message)
    return made.digest


@pytest.mark.django_db
def test_a_parent_chooses_a_daily_digest_and_the_next_change_waits_for_it(paula, paula_client):
    page = check_page(paula_client.get(URL))
    assert "As soon as something changes" in text_of(page)
    assert _tell(paula.email, "test:1") is False  # no choice yet: immediate

    saved = paula_client.post(URL, {"frequency": "daily"}, follow=True)

    assert "Your choice is saved" in text_of(check_page(saved))
    chosen = NotificationPreference.objects.get(email=paula.email.lower())
    assert chosen.frequency == NotificationFrequency.DAILY_DIGEST
    assert _tell(paula.email.upper(), "test:2") is True
    assert AuditEvent.objects.filter(why="notification preference").exists()


@pytest.mark.django_db
def test_an_unknown_choice_is_refused_with_a_message(paula_client):
    page = paula_client.post(URL, {"frequency": "weekly"})
    assert page.status_code == 200
    assert "Choose how you want us to tell you" in text_of(check_page(page))
    assert not NotificationPreference.objects.exists()
