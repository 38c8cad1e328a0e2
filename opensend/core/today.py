import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    """The date in England now. Views pass it to selectors and services as an argument."""
    return timezone.localdate()
