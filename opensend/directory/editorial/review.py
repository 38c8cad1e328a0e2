"""Review dates: when a listing must next be checked, and whether it has gone stale.

A listing's review date is its ORUK `assured_date` (the day it was last checked) plus
settings.LOCAL_OFFER_REVIEW_MONTHS. After that date it is stale: the public page says
"this information may be out of date" and editors see it on the stale list. A listing
never checked at all (no assured_date) is stale too.
"""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Q, QuerySet

from opensend.directory import models as m


def review_period() -> relativedelta:
    return relativedelta(months=settings.LOCAL_OFFER_REVIEW_MONTHS)


def review_date(service: m.Service) -> dt.date | None:
    """The day the listing must be checked by (None: it never was)."""
    if service.assured_date is None:
        return None
    return service.assured_date + review_period()


def is_stale(service: m.Service, today: dt.date) -> bool:
    """Whether families should be told "this information may be out of date"."""
    due = review_date(service)
    return due is None or due < today


def stale_services(today: dt.date) -> QuerySet[m.Service]:
    """Listings past their review date (or never checked), oldest first.

    assured_date + N months < today  <=>  assured_date < today - N months, except that
    month ends clip (31 March + 1 month is 30 April); so the database narrows the list
    and is_stale() has the last word.
    """
    limit = today - review_period() + dt.timedelta(days=3)
    candidates = m.Service.objects.filter(Q(assured_date__isnull=True) | Q(assured_date__lt=limit))
    stale_ids = [s.pk for s in candidates.only("id", "assured_date") if is_stale(s, today)]
    return (
        m.Service.objects.filter(pk__in=stale_ids)
        .select_related("organization")
        .order_by("assured_date", "name", "id")
    )


def due_within(today: dt.date, days: int) -> list[m.Service]:
    """Active listings whose review date falls in [today, today + days]."""
    earliest = today - review_period() - dt.timedelta(days=3)
    latest = today + dt.timedelta(days=days) - review_period() + dt.timedelta(days=3)
    candidates = m.Service.objects.filter(
        assured_date__range=(earliest, latest), status=m.ServiceStatus.ACTIVE
    ).select_related("organization")
    found = []
    for service in candidates.order_by("assured_date", "id"):
        due = review_date(service)
        if due is not None and today <= due <= today + dt.timedelta(days=days):
            found.append(service)
    return found
