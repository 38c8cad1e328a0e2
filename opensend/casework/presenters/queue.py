"""The work queue page: its status links with counts, its filters and one page of rows."""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from opensend.casework.forms.queue import STATUSES, QueueFilterForm
from opensend.casework.models import CaseStep
from opensend.casework.presenters.pages import QueueRow, queue_rows
from opensend.casework.queue_selectors import QueueFilter
from opensend.core.pagination import PageOf, govuk_pagination


@dataclass(frozen=True)
class StatusLink:
    label: str
    count: int
    href: str
    current: bool


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    status_links: list[StatusLink]
    selects: list[dict[str, Any]]  # govukSelect parameters, one per filter
    filtered: bool  # a step kind or caseworker is chosen
    status: str  # the status chosen ("" for all), kept when the filters are applied
    status_label: str
    page: PageOf
    pagination: dict[str, Any] | None
    show_caseworker: bool


def _query(chosen: QueueFilter, **changes: str) -> dict[str, str]:
    wanted = {"step": chosen.step, "status": chosen.status, "caseworker": chosen.caseworker}
    return {name: value for name, value in (wanted | changes).items() if value}


def _href(path: str, query: dict[str, str]) -> str:
    return f"{path}?{urlencode(query)}" if query else path


def _selects(form: QueueFilterForm, chosen: QueueFilter) -> list[dict[str, Any]]:
    selects = []
    for name in ("step", "caseworker"):
        if name not in form.fields:
            continue
        field = form.fields[name]
        value = getattr(chosen, name)
        selects.append(
            {
                "id": f"queue-{name}",
                "name": name,
                "label": {"text": field.label},
                "items": [
                    {"value": key, "text": text, "selected": key == value}
                    for key, text in field.choices  # type: ignore[attr-defined]
                ],
            }
        )
    return selects


def queue_page(
    steps: list[CaseStep],
    *,
    form: QueueFilterForm,
    chosen: QueueFilter,
    counts: dict[str, int],
    page: PageOf,
    path: str,
    today: dt.date,
    show_caseworker: bool,
) -> QueuePage:
    links = [
        StatusLink(
            label=label,
            count=counts[key or "all"],
            href=_href(path, _query(chosen, status=key)),
            current=key == chosen.status,
        )
        for key, label in STATUSES.items()
    ]
    return QueuePage(
        rows=queue_rows(steps, today),
        status_links=links,
        selects=_selects(form, chosen),
        filtered=bool(chosen.step or chosen.caseworker),
        status=chosen.status,
        status_label=STATUSES[chosen.status],
        page=page,
        pagination=govuk_pagination(page, path=path, query=_query(chosen)),
        show_caseworker=show_caseworker,
    )
