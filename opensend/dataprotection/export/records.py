"""One database row as the export shows it: every field with its label, a value a person
can read (for the HTML and PDF) and a value a program can read (for the JSON)."""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models

from opensend.core.formatting import govuk_date, govuk_datetime

NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class Value:
    label: str
    shown: str  # as a person reads it
    data: Any  # as JSON
    nested: Any = None  # structured JSON (events' data, plan sections): shown as a tree


@dataclass(frozen=True)
class Record:
    model: str  # "people.Child"
    title: str  # "Child", the model's verbose name
    pk: str
    values: tuple[Value, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "id": self.pk,
            "fields": {value.label: value.data for value in self.values},
        }


def _label(model_field: models.Field) -> str:
    name = str(model_field.verbose_name)
    return name[:1].upper() + name[1:]


def _related_text(related: models.Model) -> str:
    text = str(related)
    default = f"{type(related).__name__} object ({related.pk})"
    return f"{related._meta.verbose_name} {related.pk}".capitalize() if text == default else text


def _scalar(value: Any) -> tuple[str, Any]:
    if value is None or value == "":
        return NOT_RECORDED, value
    if isinstance(value, bool):
        return ("Yes" if value else "No"), value
    if isinstance(value, dt.datetime):
        return govuk_datetime(value), value.isoformat()
    if isinstance(value, dt.date):
        return govuk_date(value), value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value), str(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M"), value.isoformat()
    return str(value), value


def _value(obj: models.Model, model_field: models.Field) -> Value:
    label = _label(model_field)
    if model_field.is_relation:
        related = getattr(obj, model_field.name)
        if related is None:
            return Value(label, NOT_RECORDED, None)
        shown = _related_text(related)
        return Value(label, shown, {"id": str(related.pk), "shown_as": shown})
    raw = getattr(obj, model_field.attname)
    if isinstance(model_field, models.JSONField):
        return Value(label, "", raw, nested=raw)
    if model_field.choices and raw not in (None, ""):
        shown = str(getattr(obj, f"get_{model_field.name}_display")())
        return Value(label, shown, raw)
    shown, data = _scalar(raw)
    if isinstance(raw, (list, tuple)):  # ArrayField
        return Value(label, ", ".join(map(str, raw)) or NOT_RECORDED, list(raw))
    return Value(label, shown, data)


def record_of(obj: models.Model, *, leave_out: frozenset[str] = frozenset()) -> Record:
    """Every concrete field of `obj` but those named in `leave_out` (secrets: a password
    hash, an authenticator key; or bytes shipped as files)."""
    values = tuple(
        _value(obj, model_field)
        for model_field in obj._meta.concrete_fields
        if model_field.name not in leave_out
    )
    return Record(
        model=obj._meta.label,
        title=str(obj._meta.verbose_name).capitalize(),
        pk=str(obj.pk),
        values=values,
    )
