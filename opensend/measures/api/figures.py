"""What the indicators API answers: selectors for the views (docs/indicators-api.md).

Published DfE figures are open data: anyone gets them. A local authority's live figures
(computed from its casework records) are for its own signed-in SEN managers and analysts;
anyone else asking for that area gets the published figures only (``figure == "published"``,
or ``"none"`` when the DfE publishes nothing for the area itself, as for the fictional demo).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.db.models import Q

from opensend.measures.comparators.cached import comparators_cached
from opensend.measures.comparators.selectors import Comparators
from opensend.measures.live import period_for_year, year_to_date
from opensend.measures.live.sql import sql_figures
from opensend.people.models import Membership, OrganisationKind, Role, User
from opensend.statutory.indicators import INDICATORS, Period

__all__ = ["LIVE_ROLES", "IndicatorFigure", "indicator_figure", "live_area_for"]

LIVE_ROLES = (Role.SEN_MANAGER, Role.ANALYST)
FigureKind = Literal["live", "published", "none"]


@dataclass(frozen=True)
class IndicatorFigure:
    code: str
    year: int
    figure: FigureKind
    period: Period | None  # the live period (year to date in the current year)
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    special: str | None  # the DfE's symbol when it published one instead of a number
    comparators: Comparators

    @property
    def suppressed(self) -> bool:
        return self.special == "c"


def live_area_for(user: User, area_code: str) -> int | None:
    """The id of the local authority whose live figures ``user`` may see, if any.

    Signed in, staff, past the second factor, and an SEN manager or analyst of that very
    authority (a membership of it, or of an organisation in its area).
    """
    if not (user.is_authenticated and user.is_staff_user and user.is_verified()):
        return None
    membership = (
        Membership.objects.filter(user=user, role__in=LIVE_ROLES)
        .filter(
            Q(organisation__kind=OrganisationKind.LOCAL_AUTHORITY, organisation__ons_code=area_code)
            | Q(organisation__local_authority__ons_code=area_code)
        )
        .select_related("organisation")
        .first()
    )
    if membership is None:
        return None
    organisation = membership.organisation
    return organisation.local_authority_id or organisation.pk


def indicator_figure(
    *, user: User, code: str, area_code: str, year: int, today: dt.date
) -> IndicatorFigure:
    """One indicator for one area and calendar year, with its comparators.

    Raises comparators.UnknownIndicator / UnknownArea.
    """
    comparators = comparators_cached(code=code, area_code=area_code, year=year)
    local_authority_id = live_area_for(user, area_code)
    if local_authority_id is not None:
        period = year_to_date(today) if year == today.year else period_for_year(year)
        (found,) = sql_figures(local_authority_id=local_authority_id, period=period, codes=[code])
        return IndicatorFigure(
            code=code,
            year=year,
            figure="live",
            period=period,
            value=found.value.value,
            numerator=found.value.numerator,
            denominator=found.value.denominator,
            special=None,
            comparators=comparators,
        )
    own = comparators.own
    if own is None or own.area_code != area_code:
        return IndicatorFigure(code, year, "none", None, None, None, None, None, comparators)
    numerator = _whole(own.numerator)
    if numerator is None and INDICATORS[code].unit == "count":
        numerator = _whole(own.figure)  # a count is its own numerator, as live figures are
    return IndicatorFigure(
        code=code,
        year=year,
        figure="published",
        period=None,
        value=own.figure.value,
        numerator=numerator,
        denominator=_whole(own.denominator),
        special=own.figure.special,
        comparators=comparators,
    )


def _whole(found: object) -> int | None:
    value = getattr(found, "value", None)
    return int(value) if isinstance(value, Decimal) else None
