"""Notifications end to end (issue 11, done-when line 3): a case event, the job that works
out who is told, the core.Notification rows, and the message as it arrives at a real local
SMTP server (aiosmtpd) or the local GOV.UK Notify stand-in: the right people, the right
words, retried after a failure, never twice."""

import datetime as dt

import pytest
from django.db import connections, transaction
from procrastinate import RetryStrategy, testing
from procrastinate.contrib.django import app

from opensend.casework import tasks
from opensend.casework.models import CaseEvent, CaseStep, EventKind
from opensend.casework.presenters.steps import step_name
from opensend.core import jobs
from opensend.core.formatting import govuk_date
from opensend.core.models import Notification
from tests import factories as f
from tests.core.test_notifications import SITE, body_of, notify, smtp  # noqa: F401
from tests.factories import TODAY, WEEK

NEEDS_WORDS = ("autis", "ASD", "speech", "SLCN", "Baker", "Hussain")


def event_of(case, kind) -> CaseEvent:
    return CaseEvent.objects.filter(case=case, kind=kind).latest("id")


def send_all() -> None:
    for pk in Notification.objects.filter(sent_at=None).order_by("pk").values_list("pk", flat=True):
        jobs.notification_send(notification_id=pk)


@pytest.fixture
def decided(tom, cara, sam, paula, sue):
    """Sam (SEN manager) records the decision to assess Tom; Cara is his caseworker."""
    case = f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 5 * WEEK)
    Notification.objects.all().delete()  # the request's own notifications: not this test's
    return f.panel_decide(case, met_on=TODAY - WEEK, actor=sam)


def test_the_family_the_school_and_the_caseworker_get_the_words_by_email_not_the_recorder(
    decided, cara, sam, paula, sue, smtp  # noqa: F811
):
    event = event_of(decided, EventKind.DECISION_TO_ASSESS)

    assert tasks.case_event_notify_job(event_id=event.pk) == 3
    send_all()

    inbox = {message["To"]: message for message in smtp.received}
    assert set(inbox) == {paula.email, sue.email, cara.email}  # not Sam, who recorded it
    step = CaseStep.objects.filter(case=decided, done=None).order_by("due").first()
    next_step = f"What happens next: {step_name(step.step)} by {govuk_date(step.due)}."
    for address, message in inbox.items():
        assert message["Subject"] == "Tom: The council decided to carry out an EHC needs assessment"
        text = body_of(message)
        assert "The council decided to carry out an EHC needs assessment for Tom." in text
        assert next_step in text
        link = f"/family/cases/{decided.pk}/" if address == paula.email else f"/cases/{decided.pk}/"
        assert f"{SITE}{link}" in text
        assert not [word for word in NEEDS_WORDS if word in text + message["Subject"]]


def test_the_same_event_through_notify_carries_the_same_words(
    decided, cara, paula, notify  # noqa: F811
):
    event = event_of(decided, EventKind.DECISION_TO_ASSESS)
    tasks.case_event_notify_job(event_id=event.pk)
    send_all()

    sent = {request.body["email_address"]: request.body for request in notify.requests}
    assert set(sent) >= {paula.email, cara.email}
    personalisation = sent[paula.email]["personalisation"]
    event_words = "The council decided to carry out an EHC needs assessment"
    assert personalisation["subject"] == f"Tom: {event_words}"
    assert personalisation["summary"] == f"{event_words} for Tom."
    assert personalisation["link"] == f"{SITE}/family/cases/{decided.pk}/"
    assert personalisation["next_step"].endswith(govuk_date(
        CaseStep.objects.filter(case=decided, done=None).order_by("due").first().due))
    assert not [w for w in NEEDS_WORDS if w in " ".join(personalisation.values())]


def test_a_parent_whose_young_person_withdrew_consent_is_not_told(
    yasmin_record, yasmin, cara, smtp  # noqa: F811
):
    """CFA 2014 s80: a young person decides whether a parent keeps seeing their record;
    a parent who may not see it is not told of it either."""
    kept = f.parent_of(yasmin_record, user=f.ParentUserFactory(email="mum@example.net"))
    withdrawn = f.parent_of(yasmin_record, user=f.ParentUserFactory(email="dad@example.net"))
    for parent, until in ((kept, None), (withdrawn, TODAY - dt.timedelta(days=1))):
        f.YoungPersonConsentFactory(
            child=yasmin_record, family_member=yasmin_record.family.get(user=parent),
            given_on=TODAY - 52 * WEEK, withdrawn_on=until)
    case = f.case_with_request(child=yasmin_record, caseworker=cara)
    Notification.objects.all().delete()

    tasks.case_event_notify_job(event_id=event_of(case, EventKind.REQUEST_RECEIVED).pk)
    send_all()

    told = {message["To"] for message in smtp.received}
    assert yasmin.email in told and "mum@example.net" in told
    assert "dad@example.net" not in told


@pytest.mark.django_db(transaction=True)
def test_a_committed_event_reaches_the_inbox_through_the_worker_after_a_failure_and_once(
    tom, cara, sam, paula, sue, smtp, monkeypatch  # noqa: F811
):
    """The whole path with a real Procrastinate worker (in-memory queue): the event's
    commit queues the job, the job creates the notifications and queues their sends, the
    SMTP server refuses the first, the retry delivers; running everything again sends
    nothing more."""
    smtp.fail = 1
    no_wait = RetryStrategy(max_attempts=jobs.SEND_RETRY.max_attempts)
    monkeypatch.setattr(jobs.notification_send, "retry_strategy", no_wait)
    monkeypatch.setattr(tasks.case_event_notify_job, "retry_strategy", no_wait)
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector):
        with transaction.atomic():
            case = f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 5 * WEEK)
        app.run_worker(queues=["notifications"], wait=False, install_signal_handlers=False)
    event = event_of(case, EventKind.REQUEST_RECEIVED)
    # The same event's job run again (a retry, a duplicate), and each send again.
    assert tasks.case_event_notify_job(event_id=event.pk) == 0
    notes = Notification.objects.filter(key=f"case-event:{event.pk}")
    assert [jobs.notification_send(notification_id=n.pk) for n in notes] == [False, False]

    assert smtp.refused == 1
    assert sorted(message["To"] for message in smtp.received) == [paula.email, sue.email]
    assert Notification.objects.filter(key=f"case-event:{event.pk}", sent_at=None).count() == 0
    statuses = [(job["task_name"].rsplit(".", 1)[1], job["status"], job["attempts"])
                for job in connector.jobs.values()]
    assert ("notification_send", "succeeded", 2) in statuses
