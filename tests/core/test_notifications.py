"""The one notification service (opensend/core/notifications, opensend/core/jobs.py),
end to end against a real local SMTP server and a local GOV.UK Notify stand-in."""

import datetime as dt

import pytest
from django.db import connections, transaction
from procrastinate import RetryStrategy, testing
from procrastinate.contrib.django import app

from opensend.core import jobs
from opensend.core.models import Notification, NotificationPreference
from opensend.core.notifications import Message, notification_create
from tests.core.notification_standins import NOTIFY_API_KEY, NotifyServer, SmtpServer

SITE = "https://send.northshire.example"
DRAFT_ISSUED = Message(
    child_first_name="Tom",
    event="The draft EHC plan was sent",
    link="/family/cases/41/",
    next_step="Family comments on the draft plan",
    next_step_due=dt.date(2026, 12, 7),
)


@pytest.fixture
def smtp(settings):
    with SmtpServer() as server:
        settings.MAILERS = server.mailers
        settings.NOTIFICATIONS_BACKEND = "email"
        settings.SITE_URL = SITE
        yield server.inbox


@pytest.fixture
def notify(settings):
    with NotifyServer() as server:
        settings.NOTIFICATIONS_BACKEND = "notify"
        settings.NOTIFY_API_KEY = NOTIFY_API_KEY
        settings.NOTIFY_BASE_URL = server.url
        settings.NOTIFY_TEMPLATE_ID = "8f2c4a4e-5d3e-4b8e-9c56-0a1b2c3d4e5f"
        settings.NOTIFY_DIGEST_TEMPLATE_ID = "1d7e9b20-3c4f-4a5b-8c6d-7e8f9a0b1c2d"
        settings.SITE_URL = SITE
        yield server


def create(recipients=("paula.baker@example.net",), key="case-event:1", message=DRAFT_ISSUED):
    return notification_create(key=key, recipients=recipients, message=message)


def body_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.django_db
def test_an_immediate_notification_is_queued_when_the_change_commits(
    django_capture_on_commit_callbacks,
):
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector), django_capture_on_commit_callbacks(execute=True):
        [made] = create(recipients=["Paula.Baker@example.net ", ""])
        assert connector.jobs == {}  # nothing leaves before the change commits

    [job] = connector.jobs.values()
    assert job["task_name"] == "opensend.core.jobs.notification_send"
    assert job["args"] == {"notification_id": made.pk}
    assert job["queue_name"] == "notifications"
    assert made.recipient == "paula.baker@example.net"


@pytest.mark.django_db
def test_the_email_says_who_what_and_what_next_with_a_link(smtp):
    [made] = create()

    assert jobs.notification_send(notification_id=made.pk) is True

    [message] = smtp.received
    assert message["To"] == "paula.baker@example.net"
    assert message["Subject"] == "Tom: The draft EHC plan was sent"
    text = body_of(message)
    assert "The draft EHC plan was sent for Tom." in text
    assert "What happens next: Family comments on the draft plan by 7 December 2026." in text
    assert f"{SITE}/family/cases/41/" in text
    made.refresh_from_db()
    assert made.sent_at is not None and made.backend == "email"


@pytest.mark.django_db
def test_never_twice_for_the_same_event_and_recipient(smtp):
    [made] = create()
    assert create() == []  # the same event again: nobody new to tell
    [other] = create(recipients=["paula.baker@example.net", "sue@hillside.example"])
    assert other.recipient == "sue@hillside.example"

    assert jobs.notification_send(notification_id=made.pk) is True
    assert jobs.notification_send(notification_id=made.pk) is False  # a duplicate job

    assert [m["To"] for m in smtp.received] == ["paula.baker@example.net"]
    assert Notification.objects.filter(key="case-event:1").count() == 2


@pytest.mark.django_db
def test_a_refused_send_raises_so_the_job_is_retried_and_nothing_is_marked_sent(smtp):
    smtp.fail = 1
    [made] = create()

    with pytest.raises(Exception, match="try again later"):
        jobs.notification_send(notification_id=made.pk)

    made.refresh_from_db()
    assert made.sent_at is None and smtp.received == []
    assert jobs.notification_send.retry_strategy is jobs.SEND_RETRY
    assert jobs.SEND_RETRY.max_attempts == 6


@pytest.mark.django_db(transaction=True)
def test_the_worker_retries_a_failed_send_and_delivers_it_exactly_once(smtp, monkeypatch):
    """A real Procrastinate worker (in-memory queue, the test's committed data): the
    SMTP stand-in refuses the first attempt, the retry delivers, once."""
    smtp.fail = 1
    # The same number of attempts as in production, without the minutes between them.
    no_wait = RetryStrategy(max_attempts=jobs.SEND_RETRY.max_attempts)
    monkeypatch.setattr(jobs.notification_send, "retry_strategy", no_wait)
    # The worker's thread closes its own connection after each job (Procrastinate's
    # Django middleware) only when connections are not kept: the test database must be
    # free when the test ends.
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector):
        with transaction.atomic():
            [made] = create()
        app.run_worker(queues=["notifications"], wait=False, install_signal_handlers=False)

    # The worker also defers any periodic job whose time has just passed (the nightly jobs,
    # near their hour): only the notifications queue is this test's.
    [job] = [job for job in connector.jobs.values() if job["queue_name"] == "notifications"]
    assert (job["status"], job["attempts"]) == ("succeeded", 2)
    assert smtp.refused == 1
    assert [m["Subject"] for m in smtp.received] == ["Tom: The draft EHC plan was sent"]
    made.refresh_from_db()
    assert made.sent_at is not None


@pytest.mark.django_db
def test_notify_gets_the_template_personalisation_and_a_signed_token(notify, settings):
    [made] = create()

    assert jobs.notification_send(notification_id=made.pk) is True

    assert notify.refusals == []
    [request] = notify.requests
    assert request.path == "/v2/notifications/email"
    assert request.claims["iss"] == NOTIFY_API_KEY[-73:-37]
    assert request.body == {
        "email_address": "paula.baker@example.net",
        "template_id": settings.NOTIFY_TEMPLATE_ID,
        "personalisation": {
            "subject": "Tom: The draft EHC plan was sent",
            "summary": "The draft EHC plan was sent for Tom.",
            "next_step": "Family comments on the draft plan by 7 December 2026",
            "link": f"{SITE}/family/cases/41/",
        },
        "reference": f"opensend-notification-{made.pk}",
    }
    made.refresh_from_db()
    assert made.backend == "notify" and len(made.provider_reference) == 36


@pytest.mark.django_db
def test_notify_refusing_a_wrongly_signed_request_is_a_failure_to_retry(notify, settings):
    settings.NOTIFY_API_KEY = NOTIFY_API_KEY[:-36] + "00000000-0000-0000-0000-000000000000"
    [made] = create()

    with pytest.raises(Exception, match="403"):
        jobs.notification_send(notification_id=made.pk)

    assert notify.requests == [] and notify.refusals == ["Signature verification failed"]
    made.refresh_from_db()
    assert made.sent_at is None


@pytest.mark.django_db
def test_a_daily_digest_sends_one_email_with_the_days_changes(
    smtp, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(email="paula.baker@example.net", frequency="daily")
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector), django_capture_on_commit_callbacks(execute=True):
        create()
        create(key="case-event:2", message=Message(
            child_first_name="Tom", event="The final EHC plan was issued",
            link="/family/cases/41/"))
        create(recipients=["sue@hillside.example"])
    assert [job["args"] for job in connector.jobs.values()] == [  # only Sue's is immediate
        {"notification_id": Notification.objects.get(recipient="sue@hillside.example").pk}
    ]

    report = jobs.notification_digests(timestamp=int(dt.datetime(2026, 11, 22, 17).timestamp()))

    assert report == {"sent": 1, "failed": 0}
    [digest] = smtp.received
    assert (digest["To"], digest["Subject"]) == ("paula.baker@example.net",
                                                 "OpenSEND: 2 changes today")
    text = body_of(digest)
    assert "- Tom: The draft EHC plan was sent. Next: Family comments on the draft plan " \
           "by 7 December 2026." in text
    assert "- Tom: The final EHC plan was issued." in text
    assert jobs.notification_digests(timestamp=0) == {"sent": 0, "failed": 0}  # once
    assert len(smtp.received) == 1


@pytest.mark.django_db
def test_a_digest_that_fails_is_left_waiting_and_the_job_retried(smtp):
    NotificationPreference.objects.create(email="paula.baker@example.net", frequency="daily")
    create()
    smtp.fail = 1

    with pytest.raises(RuntimeError, match="1 digest"):
        jobs.notification_digests(timestamp=0)
    assert jobs.notification_digests(timestamp=0) == {"sent": 1, "failed": 0}

    assert len(smtp.received) == 1


@pytest.mark.django_db
def test_a_digest_through_notify_sends_the_changes_as_a_list(notify, settings):
    NotificationPreference.objects.create(email="paula.baker@example.net", frequency="daily")
    create()

    jobs.notification_digests(timestamp=0)

    [request] = notify.requests
    assert request.body["template_id"] == settings.NOTIFY_DIGEST_TEMPLATE_ID
    assert request.body["personalisation"] == {"changes": [
        "Tom: The draft EHC plan was sent. Next: Family comments on the draft plan by "
        f"7 December 2026. {SITE}/family/cases/41/"
    ]}


ACTION_DUE = Message(
    subject="Action 1.1",
    event="Reminder: the milestone “Panel staffed” is due 29 November 2026",
    link="/strategy/actions/7/",
    next_step="the milestone “Panel staffed”",
    next_step_due=dt.date(2026, 11, 29),
)


@pytest.mark.parametrize(
    ("child", "subject"), [("", ""), ("Tom", "Action 1.1")]
)
def test_a_message_is_about_a_child_or_a_subject_not_both_nor_neither(child, subject):
    with pytest.raises(ValueError, match="exactly one"):
        Message(child_first_name=child, subject=subject, event="E", link="/x/")


@pytest.mark.django_db
def test_a_message_about_no_child_names_its_subject_and_no_empty_child(notify):
    """An action of a plan is no child (ADR 0033): the subject stands where a casework
    message names the child, by email and through Notify; no "for ." and no empty name."""
    [made] = create(recipients=["sam@northshire.example"], key="strategy:x", message=ACTION_DUE)
    assert (made.child_first_name, made.subject) == ("", "Action 1.1")
    jobs.notification_send(notification_id=made.pk)
    [request] = notify.requests
    words = request.body["personalisation"]
    assert words["subject"] == (
        "Action 1.1: Reminder: the milestone “Panel staffed” is due 29 November 2026"
    )
    assert words["summary"] == words["subject"] + "."
    assert "child_first_name" not in words
    from opensend.core.notifications import words as text

    assert text.body(made).startswith(words["summary"] + "\n\nWhat happens next: the mile")
    assert text.digest_line(made).startswith("Action 1.1: Reminder: the milestone")
