"""What the editorial pages show: rows for tables and summary lists."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from opensend.directory import models as m
from opensend.directory.editorial.fields import FIELDS, FieldChange, Fields, diff, display
from opensend.directory.editorial.review import is_stale, review_date


@dataclass(frozen=True)
class Review:
    due: dt.date | None
    stale: bool
    days_left: int | None

    @property
    def tag(self) -> dict[str, str]:
        if self.stale:
            return {"text": "Out of date", "classes": "govuk-tag--red"}
        if self.days_left is not None and self.days_left <= 30:
            return {"text": "Review due soon", "classes": "govuk-tag--yellow"}
        return {"text": "Checked", "classes": "govuk-tag--green"}


def review_of(service: m.Service, today: dt.date) -> Review:
    due = review_date(service)
    return Review(due, is_stale(service, today), (due - today).days if due else None)


@dataclass(frozen=True)
class ListingRow:
    service: m.Service
    review: Review


def listing_rows(services: Iterable[m.Service], today: dt.date) -> list[ListingRow]:
    return [ListingRow(service, review_of(service, today)) for service in services]


def field_rows(fields: Fields) -> list[dict[str, Any]]:
    """A GOV.UK summary list of a listing's fields (empty ones say "Not given")."""
    return [
        {
            "key": {"text": spec.label},
            "value": {"text": display(spec, fields.get(spec.name)) or "Not given"},
        }
        for spec in FIELDS
    ]


def diff_rows(was: Fields, now: Fields) -> list[FieldChange]:
    """Every field as it was and as it would be; changed ones first, in form order."""
    rows = diff(was, now)
    return [row for row in rows if row.changed] + [row for row in rows if not row.changed]
