"""An Atom feed of "You said, we did", so that families and the parent carer forum can
follow it in a feed reader. Only what the page shows: the editor's summary and response."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from opensend.directory.feedback.models import Feedback, FeedbackTheme
from opensend.directory.feedback.selectors import published_latest

FEED_LENGTH = 50


class YouSaidWeDidFeed(Feed):
    feed_type = Atom1Feed
    title = "You said, we did: Local Offer"
    subtitle = "What families told us about the Local Offer, and what we did about it."

    def link(self) -> str:
        return reverse("feedback:you_said_we_did")

    def items(self) -> list[Feedback]:
        return published_latest(limit=FEED_LENGTH)

    def item_title(self, item: Feedback) -> str:
        theme = FeedbackTheme(item.theme).label if item.theme else FeedbackTheme.OTHER.label
        return f"{theme}: {item.public_summary[:80]}"

    def item_description(self, item: Feedback) -> str:
        return f"You said: {item.public_summary}\n\nWe did: {item.response}"

    def item_link(self, item: Feedback) -> str:
        return f"{reverse('feedback:you_said_we_did')}#feedback-{item.pk}"

    def item_guid(self, item: Feedback) -> str:
        return f"urn:uuid:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Feedback) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Feedback) -> datetime | None:
        return item.published_at
