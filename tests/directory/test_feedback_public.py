"""The public feedback form: about a service, a page or the Local Offer in general;
validation; the honeypot and the rate limit; the link on every Local Offer page."""

import datetime as dt
import uuid

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from opensend.directory.feedback.models import Feedback, FeedbackEventKind, FeedbackTheme
from opensend.directory.feedback.views_public import RATE_LIMIT
from tests.directory.factories import ServiceFactory
from tests.pages import check_page, elements_with_class, text_of

pytestmark = pytest.mark.django_db
GIVE = "/local-offer/feedback/"


def form_of(page):
    return page.find(".//main//form[@method='post']")


def hidden_token(page) -> str:
    return page.find(".//input[@name='token']").get("value")


def post(client: Client, url: str, **fields):
    page = check_page(client.get(url))
    data = {"token": hidden_token(page), **fields}
    return client.post(url, data)


def test_general_feedback_is_saved_and_thanked(today):
    client = Client()
    page = check_page(client.get(GIVE))
    assert page.find(".//input[@name='about']") is None, "nothing to choose between"

    response = post(client, GIVE, text="  Please list more holiday clubs.  ", theme="missing")

    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:sent")
    feedback = Feedback.objects.get()
    assert feedback.text == "Please list more holiday clubs."
    assert feedback.theme == FeedbackTheme.MISSING
    assert feedback.about_service is None and feedback.about_path == ""
    assert feedback.status == "new" and not feedback.published
    assert [e.kind for e in feedback.events.all()] == [FeedbackEventKind.RECEIVED]
    sent = check_page(client.get(response["Location"]))
    assert "Feedback sent" in text_of(sent.find(".//h1"))
    assert sent.find(".//main//a[@href='/local-offer/']") is not None


def test_feedback_about_a_service(today):
    service = ServiceFactory(name="Splash autism-friendly swimming")
    client = Client()
    url = f"{GIVE}?service={service.pk}&page=/local-offer/services/{service.pk}/"
    page = check_page(client.get(url))
    assert "Splash autism-friendly swimming" in text_of(page.find(".//main"))
    checked = page.find(".//input[@name='about'][@checked]")
    assert checked.get("value") == "service"
    offered = [radio.get("value") for radio in page.findall(".//input[@name='about']")]
    assert offered == ["service", "general"], "the service's page is the service"

    response = post(
        client,
        url,
        about="service",
        text="Lovely staff.",
        theme="not_sure",
        reply_email="parent@example.com",
    )

    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.about_service == service
    assert feedback.about_path == f"/local-offer/services/{service.pk}/"
    assert feedback.theme == "" and feedback.reply_email == "parent@example.com"
    back = check_page(client.get(response["Location"]))
    assert back.find(f".//main//a[@href='/local-offer/services/{service.pk}/']") is not None


def test_feedback_about_a_page(today):
    client = Client()
    url = f"{GIVE}?page=/local-offer/search/%3Fq%3Dswim"
    response = post(client, url, about="page", text="The search found nothing for swimming.")
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.about_path == "/local-offer/search/?q=swim"
    assert feedback.about_service is None


def test_a_visitor_can_choose_general_instead_of_the_page(today):
    client = Client()
    url = f"{GIVE}?page=/local-offer/"
    post(client, url, about="general", text="Good site.")
    assert Feedback.objects.get().about_path == ""


@pytest.mark.parametrize(
    "page_param",
    ["https://evil.example/local-offer/", "//evil.example/", "/cases/1/", "/local-offer//x"],
)
def test_only_local_offer_pages_are_taken_as_the_page(today, page_param):
    client = Client()
    page = check_page(client.get(GIVE, {"page": page_param}))
    assert page.find(".//input[@name='about']") is None
    assert page.find(".//a[@class='govuk-back-link']").get("href") == "/local-offer/"


def test_an_unknown_service_is_general_feedback(today):
    page = check_page(Client().get(GIVE, {"service": str(uuid.uuid4())}))
    assert page.find(".//input[@name='about']") is None
    page = check_page(Client().get(GIVE, {"service": "not-an-id"}))
    assert page.find(".//input[@name='about']") is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": ""}, "text", "Enter your feedback"),
        ({"text": "x" * 2001}, "text", "Your feedback must be 2000 characters or fewer"),
        (
            {"text": "Fine", "reply_email": "not an email"},
            "reply_email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ({"text": "Fine", "theme": "nonsense"}, "theme", "Select a valid choice"),
    ],
)
def test_errors_are_shown_in_the_error_summary(today, fields, field, message):
    response = post(Client(), GIVE, **fields)
    assert response.status_code == 200
    page = check_page(response)
    summary = page.find(".//div[@class='govuk-error-summary']")
    assert summary is not None
    assert message in text_of(summary)
    assert summary.find(f".//a[@href='#{'id_' + field}']") is not None or field == "theme"
    assert not Feedback.objects.exists()


def test_a_service_page_visitor_must_say_what_it_is_about(today):
    service = ServiceFactory()
    url = f"{GIVE}?service={service.pk}"
    page = check_page(post(Client(), url, about="", text="Hello"))
    assert "Select what your feedback is about" in text_of(page.find(".//main"))


def test_the_same_form_posted_twice_saves_once(today):
    client = Client()
    token = hidden_token(check_page(client.get(GIVE)))
    client.post(GIVE, {"token": token, "text": "Twice?"})
    client.post(GIVE, {"token": token, "text": "Twice?"})
    assert Feedback.objects.count() == 1


def test_the_honeypot_thanks_robots_and_saves_nothing(today):
    page = check_page(Client().get(GIVE))
    honeypot = page.find(".//input[@name='website']")
    assert honeypot is not None
    around = [div for div in page.iter("div") if honeypot in list(div.iter("input"))]
    assert any(div.get("hidden") is not None for div in around), "people must not see it"

    response = post(Client(), GIVE, text="Buy cheap things", website="https://spam.example")

    assert response.status_code == 302 and response["Location"] == reverse("feedback:sent")
    assert not Feedback.objects.exists()


def test_a_session_may_send_only_a_few_in_an_hour(today):
    client = Client()
    for number in range(RATE_LIMIT):
        assert post(client, GIVE, text=f"Feedback {number}").status_code == 302
    response = post(client, GIVE, text="One too many")
    assert response.status_code == 429
    page = check_page(response)
    assert "Wait an hour" in text_of(page.find(".//div[@class='govuk-error-summary']"))
    assert Feedback.objects.count() == RATE_LIMIT
    assert post(Client(), GIVE, text="Another visitor").status_code == 302


def test_the_limit_resets_after_an_hour(today):
    client = Client()
    for number in range(RATE_LIMIT):
        post(client, GIVE, text=f"Feedback {number}")
    assert post(client, GIVE, text="Too soon").status_code == 429
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(minutes=61)):
        assert post(client, GIVE, text="Next hour").status_code == 302


def test_every_public_local_offer_page_links_to_feedback_on_itself(today):
    page = check_page(Client().get("/local-offer/you-said-we-did/"))
    link = elements_with_class(page, "govuk-phase-banner")[0].find(".//a")
    assert text_of(link) == "Give feedback on this page"
    assert link.get("href") == "/local-offer/feedback/?page=%2Flocal-offer%2Fyou-said-we-did%2F"


def test_pages_outside_the_local_offer_have_no_feedback_link(today):
    page = check_page(Client().get("/sign-in/"))
    assert elements_with_class(page, "govuk-phase-banner")[0].find(".//a") is None


def test_the_service_partial_links_to_feedback_about_the_service(rf, today):
    from django.template.loader import render_to_string

    service = ServiceFactory(name="Splash")
    request = rf.get(f"/local-offer/services/{service.pk}/")
    html = render_to_string(
        "directory/partials/service_feedback.html", {"service": service}, request=request
    )
    assert "Give feedback about this service" in html
    assert f"service={service.pk}" in html
    assert f"page=%2Flocal-offer%2Fservices%2F{service.pk}%2F" in html


def test_fresh_sessions_from_one_address_are_limited_too(today, settings):
    """Issue 13, finding 7: seven posts from fresh sessions were all accepted."""
    limit = settings.FEEDBACK_RATE_LIMIT_PER_ADDRESS
    for number in range(limit):
        fresh = Client(REMOTE_ADDR="198.51.100.7")
        assert post(fresh, GIVE, text=f"Feedback {number}").status_code == 302
    refused = post(Client(REMOTE_ADDR="198.51.100.7"), GIVE, text="One too many")
    assert refused.status_code == 429
    assert "Wait an hour" in text_of(check_page(refused))
    assert Feedback.objects.count() == limit
    assert post(Client(REMOTE_ADDR="203.0.113.9"), GIVE, text="Elsewhere").status_code == 302


def test_behind_a_proxy_the_address_it_saw_counts(today, settings):
    settings.CLIENT_ADDRESS_HEADER, settings.FEEDBACK_RATE_LIMIT_PER_ADDRESS = (
        "HTTP_X_FORWARDED_FOR", 1)
    first = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7")
    assert post(first, GIVE, text="First").status_code == 302
    # A forged first entry does not make a new client: the proxy's entry is the same.
    forged = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7")
    assert post(forged, GIVE, text="Second").status_code == 429
