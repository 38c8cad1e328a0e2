"""'You said, we did': only what editors chose to publish, and only their words."""

import datetime as dt
from xml.etree import ElementTree

import pytest
from django.test import Client

from opensend.directory.feedback.models import FeedbackStatus
from tests.directory.feedback_factories import FeedbackFactory, at
from tests.pages import check_page, elements_with_class, text_of

pytestmark = pytest.mark.django_db
PAGE = "/local-offer/you-said-we-did/"
ATOM = "{http://www.w3.org/2005/Atom}"


def published(theme: str, summary: str, response: str, day: dt.date, **extra):
    return FeedbackFactory(
        theme=theme,
        public_summary=summary,
        response=response,
        published=True,
        published_at=at(day),
        status=FeedbackStatus.ANSWERED,
        **extra,
    )


def cards(page) -> list[str]:
    return [text_of(card) for card in elements_with_class(page, "govuk-summary-card")]


def test_published_items_are_grouped_by_theme_newest_first(today):
    published(
        "missing", "You wanted more holiday clubs.", "We listed 12 more.", dt.date(2026, 8, 3)
    )
    published("missing", "You asked for weekend sessions.", "We added 4.", dt.date(2026, 10, 5))
    published("finding", "Search was hard to use.", "We simplified it.", dt.date(2026, 9, 1))

    page = check_page(Client().get(PAGE))

    headings = [text_of(h) for h in page.findall(".//main//h2")]
    assert headings == ["Finding services and information", "Services or support that are missing"]
    assert cards(page) == [
        "September 2026 You said Search was hard to use. We did We simplified it.",
        "October 2026 You said You asked for weekend sessions. We did We added 4.",
        "August 2026 You said You wanted more holiday clubs. We did We listed 12 more.",
    ]


def test_only_the_editors_summary_is_published_never_the_text_or_email(today):
    published(
        "access",
        "A parent could not get a referral.",
        "We published the referral route.",
        dt.date(2026, 11, 2),
        text="My daughter Amy Smith at Hillside was refused a referral. Call 07700 900123.",
        reply_email="amy.parent@example.com",
    )
    FeedbackFactory(
        text="Unpublished: answered but not for publication",
        public_summary="Unpublished summary",
        response="Unpublished response",
        status=FeedbackStatus.ANSWERED,
    )

    html = Client().get(PAGE).content.decode()

    assert "A parent could not get a referral." in html
    assert "We published the referral route." in html
    for private in ("Amy Smith", "07700 900123", "amy.parent@example.com", "Unpublished"):
        assert private not in html


def test_filter_by_theme(today):
    published("missing", "More clubs please.", "Added.", dt.date(2026, 8, 3))
    published("finding", "Search was hard.", "Fixed.", dt.date(2026, 9, 1))

    page = check_page(Client().get(PAGE, {"theme": "finding"}))

    assert cards(page) == ["September 2026 You said Search was hard. We did Fixed."]
    assert page.find(".//select[@name='theme']/option[@selected]").get("value") == "finding"


def test_nothing_published_yet(today):
    page = check_page(Client().get(PAGE))
    assert "Nothing has been published yet." in text_of(page.find(".//main"))
    page = check_page(Client().get(PAGE, {"theme": "website"}))
    assert "Nothing has been published about this theme yet." in text_of(page.find(".//main"))


def test_an_unknown_theme_shows_everything(today):
    published("missing", "More clubs please.", "Added.", dt.date(2026, 8, 3))
    page = check_page(Client().get(PAGE, {"theme": "nonsense"}))
    assert len(cards(page)) == 1


def test_the_atom_feed_has_only_the_published_summary_and_response(today):
    item = published(
        "access",
        "A parent could not get a referral.",
        "We published the referral route.",
        dt.date(2026, 11, 2),
        text="Amy Smith was refused.",
        reply_email="amy@example.com",
    )
    FeedbackFactory(text="Not published", public_summary="Draft", response="Draft")

    response = Client().get(PAGE + "feed.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].find(f"{ATOM}id").text == f"urn:uuid:{item.pk}"
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"{PAGE}#feedback-{item.pk}")
    body = response.content.decode()
    assert "We published the referral route." in body
    for private in ("Amy Smith", "amy@example.com", "Draft", "Not published"):
        assert private not in body


def test_the_page_links_to_its_feed(today):
    page = check_page(Client().get(PAGE))
    assert page.find(".//head/link[@type='application/atom+xml']").get("href") == PAGE + "feed.atom"
