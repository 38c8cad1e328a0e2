"""Which local authority a page's figures are about, and which reporting period.

Staff see their own local authority (the organisation of their SEN manager or analyst
membership). The public pages show the area named by the OPENSEND_AREA_ONS_CODE setting,
or the only local authority there is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.http import Http404

from opensend.people.models import Organisation, OrganisationKind, Role, User
from opensend.statutory.indicators import Period

LAST_12_MONTHS = "last-12-months"
CALENDAR_YEARS = 4  # this year so far and the three before it


def staff_local_authority(user: User) -> Organisation:
    """The local authority of the user's SEN manager or analyst membership (404 if none)."""
    found = (
        Organisation.objects.filter(
            kind=OrganisationKind.LOCAL_AUTHORITY,
            memberships__user=user,
            memberships__role__in=[Role.SEN_MANAGER, Role.ANALYST],
        )
        .order_by("pk")
        .first()
    )
    if found is None:
        raise Http404("No local authority for this user")
    return found


def public_local_authority() -> Organisation:
    code = getattr(settings, "MEASURES_PUBLIC_AREA_ONS_CODE", "")
    authorities = Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY)
    if code:
        authorities = authorities.filter(ons_code=code)
    found = list(authorities.order_by("pk")[:2])
    if len(found) != 1:  # none, or several and no setting to choose between them
        raise Http404("No local area's measures are published here")
    return found[0]


@dataclass(frozen=True)
class PeriodChoice:
    key: str  # "last-12-months" or "2025"
    label: str
    period: Period
    comparator_year: int  # the DfE calendar year to compare with

    @property
    def phrase(self) -> str:
        """The label inside a sentence: "the last 12 months (to ...)", "2025 (calendar year)"."""
        return "the l" + self.label[1:] if self.key == LAST_12_MONTHS else self.label


def period_choices(today: dt.date) -> list[PeriodChoice]:
    start = today - relativedelta(years=1) + dt.timedelta(days=1)
    choices = [
        PeriodChoice(
            LAST_12_MONTHS,
            f"Last 12 months (to {today:%-d %B %Y})",
            Period(start, today),
            today.year - 1,
        )
    ]
    for year in range(today.year, today.year - CALENDAR_YEARS, -1):
        end = min(dt.date(year, 12, 31), today)
        label = f"{year} so far" if end < dt.date(year, 12, 31) else f"{year} (calendar year)"
        choices.append(PeriodChoice(str(year), label, Period(dt.date(year, 1, 1), end), year))
    return choices


def period_choice(key: str | None, today: dt.date) -> PeriodChoice:
    """The choice named by `key` (from the query string); the last 12 months otherwise."""
    choices = period_choices(today)
    return next((choice for choice in choices if choice.key == key), choices[0])
