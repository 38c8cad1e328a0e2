"""Triage by directory editors: the queue and its filters, transitions, the append-only
history, and that no one else can see any of it (404)."""

import pytest
from django.db import ProgrammingError, transaction
from django.test import Client

from opensend.directory.feedback.models import (
    Feedback,
    FeedbackEvent,
    FeedbackEventKind,
    FeedbackStatus,
)
from opensend.directory.feedback.services import (
    FeedbackStateError,
    Triage,
    feedback_triage,
)
from tests.directory.factories import ServiceFactory
from tests.directory.feedback_factories import FeedbackFactory
from tests.pages import check_page, text_of

pytestmark = pytest.mark.django_db
QUEUE = "/local-offer/manage/feedback/"


def item_url(feedback: Feedback) -> str:
    return f"{QUEUE}{feedback.pk}/"


def triage(feedback: Feedback, **changes) -> dict[str, object]:
    """The triage form's fields, as the editor's page would post them."""
    fields = {
        "seen_events": feedback.events.count(),
        "theme": "",
        "status": "new",
        "public_summary": "",
        "response": "",
    }
    fields.update(changes)
    return fields


def test_the_queue_shows_new_feedback_longest_waiting_first(staff_client, dev, today):
    swimming = ServiceFactory(name="Splash swimming")
    older = FeedbackFactory(text="Older feedback", about_service=swimming)
    newer = FeedbackFactory(text="Newer feedback")
    FeedbackFactory(text="Already answered", status=FeedbackStatus.ANSWERED)

    page = check_page(staff_client(dev).get(QUEUE))

    rows = page.findall(".//table//tbody/tr")
    assert [text_of(row.findall("td")[2]) for row in rows] == [older.text, newer.text]
    assert text_of(rows[0].findall("td")[1]) == "Splash swimming"
    assert text_of(rows[1].findall("td")[1]) == "The Local Offer in general"
    assert rows[0].find(".//a").get("href") == item_url(older)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": ""}, {"swim-new", "general-answered", "missing-new"}),
        ({"status": "answered"}, {"general-answered"}),
        ({"status": "", "theme": "missing"}, {"missing-new"}),
        ({"status": "", "service": "swim"}, {"swim-new"}),
    ],
)
def test_the_queue_filters_by_status_theme_and_service(staff_client, dev, today, query, expected):
    swimming = ServiceFactory(name="Splash swimming")
    FeedbackFactory(text="swim-new", about_service=swimming, theme="finding")
    FeedbackFactory(text="general-answered", status=FeedbackStatus.ANSWERED, theme="finding")
    FeedbackFactory(text="missing-new", theme="missing")
    if query.get("service") == "swim":
        query["service"] = str(swimming.pk)

    page = check_page(staff_client(dev).get(QUEUE, query))

    shown = {text_of(row.findall("td")[2]) for row in page.findall(".//table//tbody/tr")}
    assert shown == expected


def test_an_editor_answers_and_every_change_is_an_event(staff_client, dev, today):
    feedback = FeedbackFactory(
        text="My son Jack (7) could not find swimming.",
        reply_email="parent@example.com",
        received_event=False,
    )
    FeedbackEvent.objects.create(
        feedback=feedback, kind=FeedbackEventKind.RECEIVED, data={"theme": "missing"}
    )
    client = staff_client(dev)
    check_page(client.get(item_url(feedback)))

    client.post(item_url(feedback), triage(feedback, theme="finding", status="in_progress"))
    response = client.post(
        item_url(feedback),
        triage(
            feedback,
            theme="finding",
            status="answered",
            public_summary="Families could not find swimming sessions.",
            response="We added a swimming category to the search.",
            published="on",
        ),
    )

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.ANSWERED and feedback.published
    assert feedback.answered_at is not None and feedback.published_at is not None
    kinds = [event.kind for event in feedback.events.all()]
    assert kinds == [
        FeedbackEventKind.RECEIVED,
        FeedbackEventKind.THEME_SET,
        FeedbackEventKind.STATUS_CHANGED,
        FeedbackEventKind.STATUS_CHANGED,
        FeedbackEventKind.SUMMARY_WRITTEN,
        FeedbackEventKind.RESPONSE_WRITTEN,
        FeedbackEventKind.PUBLISHED,
    ]
    assert all(event.recorded_by == dev for event in feedback.events.all()[1:])
    page = check_page(client.get(item_url(feedback)))
    history = text_of(page.findall(".//table")[-1])
    assert "Dev Desai" in history and "In progress → Answered" in history
    assert "Sent through the website" in history
    assert "Theme chosen by the sender: Services or support that are missing" in history
    assert "We added a swimming category to the search." in history
    assert "parent@example.com" in text_of(page.find(".//main"))


def test_closing_erases_the_reply_email(staff_client, dev, today):
    feedback = FeedbackFactory(reply_email="parent@example.com")
    staff_client(dev).post(item_url(feedback), triage(feedback, status="closed"))
    feedback.refresh_from_db()
    assert feedback.reply_email == "" and feedback.status == FeedbackStatus.CLOSED
    assert feedback.events.filter(kind=FeedbackEventKind.EMAIL_ERASED).exists()


def test_saving_without_changes_records_nothing(staff_client, dev, today):
    feedback = FeedbackFactory()
    response = staff_client(dev).post(item_url(feedback), triage(feedback))
    assert response.status_code == 302
    assert feedback.events.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"published": "on", "response": "Done"}, "To publish feedback, write both"),
        ({"published": "on", "public_summary": "Said"}, "To publish feedback, write both"),
        ({"status": "answered"}, "To mark feedback as answered, write the response"),
        ({"status": ""}, "Select a status"),
    ],
)
def test_a_triage_that_cannot_stand_is_refused(staff_client, dev, today, changes, message):
    feedback = FeedbackFactory()
    response = staff_client(dev).post(item_url(feedback), triage(feedback, **changes))
    assert response.status_code == 200
    page = check_page(response)
    assert message in text_of(page.find(".//div[@class='govuk-error-summary']"))
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.NEW and not feedback.published
    assert feedback.events.count() == 1


def test_the_first_answer_is_kept_for_the_measures(dev, today):
    feedback = FeedbackFactory()
    answered = Triage(
        theme="", status="answered", public_summary="", response="Fixed", published=False
    )
    feedback_triage(feedback_id=feedback.pk, editor=dev, triage=answered)
    first = Feedback.objects.get().answered_at
    reopened = Triage(
        theme="", status="in_progress", public_summary="", response="Fixed", published=False
    )
    feedback_triage(feedback_id=feedback.pk, editor=dev, triage=reopened)
    feedback_triage(feedback_id=feedback.pk, editor=dev, triage=answered)
    assert Feedback.objects.get().answered_at == first


def test_the_service_refuses_publishing_without_a_summary(dev, today):
    feedback = FeedbackFactory()
    with pytest.raises(FeedbackStateError):
        feedback_triage(
            feedback_id=feedback.pk,
            editor=dev,
            triage=Triage(
                theme="", status="new", public_summary="", response="Done", published=True
            ),
        )


def test_the_database_refuses_to_rewrite_an_event(today):
    event = FeedbackFactory().events.get()
    with pytest.raises(ProgrammingError, match="append-only"), transaction.atomic():
        FeedbackEvent.objects.filter(pk=event.pk).update(kind=FeedbackEventKind.PUBLISHED)


@pytest.mark.parametrize("persona", ["cara", "sam", "ann", "ada", "sue"])
def test_other_staff_get_404(staff_client, request, today, persona):
    feedback = FeedbackFactory()
    client = staff_client(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 404
    assert client.get(item_url(feedback)).status_code == 404
    assert client.post(item_url(feedback), triage(feedback, status="closed")).status_code == 404
    assert Feedback.objects.get().status == FeedbackStatus.NEW


def test_families_get_404_and_visitors_are_sent_to_sign_in(family_client, paula, today):
    feedback = FeedbackFactory()
    assert family_client(paula).get(item_url(feedback)).status_code == 404
    response = Client().get(item_url(feedback))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_an_unknown_feedback_id_is_404(staff_client, dev, today):
    assert staff_client(dev).get(f"{QUEUE}4f1c2a8e-0000-4000-8000-000000000000/").status_code == 404


def test_a_made_up_filter_shows_the_new_queue(staff_client, dev, today):
    FeedbackFactory(text="waiting")
    page = check_page(staff_client(dev).get(QUEUE, {"status": "nonsense", "service": "x"}))
    assert [text_of(row.findall("td")[2]) for row in page.findall(".//table//tbody/tr")] == [
        "waiting"
    ]


def test_editors_find_the_queue_in_the_navigation(staff_client, dev, cara, today):
    page = check_page(staff_client(dev).get("/"))
    link = page.find(".//a[@href='/local-offer/manage/feedback/']")
    assert link is not None and text_of(link) == "Local Offer feedback"
    page = check_page(staff_client(cara).get("/"))
    assert page.find(".//a[@href='/local-offer/manage/feedback/']") is None


def test_a_second_editor_does_not_overwrite_the_first(staff_client, dev, today):
    """Two editors open the same feedback; the first saves; the second's save is refused
    with the first's change in the history, and goes through once they save again."""
    feedback = FeedbackFactory()
    seen_by_second = triage(feedback, status="closed")
    staff_client(dev).post(item_url(feedback), triage(feedback, status="in_progress"))

    response = staff_client(dev).post(item_url(feedback), seen_by_second)

    assert response.status_code == 200
    page = check_page(response)
    assert "Someone else changed this feedback" in text_of(
        page.find(".//div[@class='govuk-error-summary']")
    )
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.IN_PROGRESS
    seen = page.find(".//input[@name='seen_events']").get("value")
    assert seen == "2"
    assert page.find(".//input[@name='status'][@checked]").get("value") == "closed"

    again = staff_client(dev).post(item_url(feedback), {**seen_by_second, "seen_events": seen})

    assert again.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.CLOSED


def test_a_long_queue_shows_the_longest_waiting(staff_client, dev, today, monkeypatch):
    monkeypatch.setattr("opensend.directory.feedback.views_manage.QUEUE_LENGTH", 2)
    for number in range(3):
        FeedbackFactory(text=f"Feedback {number}")
    page = check_page(staff_client(dev).get(QUEUE))
    assert len(page.findall(".//table//tbody/tr")) == 2
    assert (
        text_of(page.find(".//caption")) == "3 items, longest waiting first (showing the first 2)"
    )
