"""Feedback for the feedback tests (issue 4 item 5)."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from opensend.directory.feedback.models import Feedback, FeedbackEvent, FeedbackEventKind


class FeedbackFactory(DjangoModelFactory):
    class Meta:
        model = Feedback
        skip_postgeneration_save = True

    received_at = factory.LazyFunction(timezone.now)
    text = factory.Sequence(lambda n: f"The swimming session list was hard to find ({n}).")

    @factory.post_generation
    def received_event(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not False:
            FeedbackEvent.objects.create(feedback=self, kind=FeedbackEventKind.RECEIVED)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    """Midday (by default) in London on `day`."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
