"""What the staff and the public measures pages put in front of their shared templates.

The two sets of views differ only in who may see them, whose area they show, whether
small numbers are suppressed and whether numbers link to cases; the page contents are
built here once, named by the URL namespace ("measures" or "public_measures").
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from opensend.measures.dashboard import page_cache, sources
from opensend.measures.dashboard.areas import PeriodChoice, period_choices
from opensend.people.models import Organisation


def dashboard_context(
    *,
    namespace: str,
    area: Organisation,
    choice: PeriodChoice,
    day: dt.date,
    action: str,
    heading_text: str,
    board_reports_url: str | None,
) -> dict[str, Any]:
    public = namespace == "public_measures"
    return {
        "heading_text": heading_text,
        "area_name": area.name,
        "public": public,
        "choice": choice,
        "choices": period_choices(day),
        "action": action,
        "body": page_cache.dashboard_body(namespace=namespace, area=area, choice=choice, day=day),
        "board_reports_url": board_reports_url,
    }


def indicator_context(
    *,
    namespace: str,
    code: str,
    area: Organisation,
    choice: PeriodChoice,
    page: Any,
    day: dt.date,
    drill_link: Callable[[str, str, str], str] | None,
) -> dict[str, Any]:
    downloads = {
        name: sources.query_url(
            reverse(f"{namespace}:{name}", kwargs={"code": code}), period=choice.key
        )
        for name in ("csv", "xlsx")
    }
    return {
        "page": page,
        "area_name": area.name,
        "public": namespace == "public_measures",
        "choice": choice,
        "choices": period_choices(day),
        "back_url": reverse(f"{namespace}:dashboard"),
        "drill_link": drill_link,
        "csv_url": downloads["csv"],
        "xlsx_url": downloads["xlsx"],
    }
