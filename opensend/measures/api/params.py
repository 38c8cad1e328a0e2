"""The API's query parameters, checked: a bad one is a BadRequest naming it."""

import datetime as dt
import re
from typing import Final

from django.http import QueryDict

__all__ = ["FIRST_YEAR", "BadRequest", "area_param", "period_param"]

FIRST_YEAR: Final = 2014  # EHC plans began on 1 September 2014 (CFA 2014 Part 3)
AREA: Final = re.compile(r"^E\d{8}$")
YEAR: Final = re.compile(r"^\d{4}$")


class BadRequest(ValueError):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def area_param(query: QueryDict) -> str:
    area = query.get("area", "").strip()
    if not area:
        raise BadRequest("area", "Give an area: ?area= an ONS code, e.g. E92000001 (England)")
    if not AREA.match(area.upper()):
        raise BadRequest(
            "area", f"{area!r} is not an ONS area code: E followed by 8 digits, e.g. E06000057"
        )
    return area.upper()


def period_param(query: QueryDict, today: dt.date) -> int:
    period = query.get("period", "").strip()
    if not period:
        raise BadRequest("period", "Give a period: ?period= a calendar year, e.g. 2024")
    if not YEAR.match(period):
        raise BadRequest(
            "period",
            f"{period!r} is not a calendar year: give 4 digits, e.g. 2024 (figures as at "
            "January, like plans in place, are those of the January after that year)",
        )
    year = int(period)
    if not FIRST_YEAR <= year <= today.year:
        raise BadRequest(
            "period", f"{year} is outside {FIRST_YEAR} (EHC plans began) to {today.year}"
        )
    return year
