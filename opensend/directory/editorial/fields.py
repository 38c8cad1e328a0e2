"""The fields of a listing that families rely on and providers may change.

A listing's editable fields are a flat dict of JSON values (strings, integers, a list of
need codes). They are read from the ORUK 3.0 JSON of a service (`fields_from_oruk`), so
the same function reads the live listing, any stored version and an imported service;
a revision proposes a new dict; the diff compares two dicts field by field.

Of the nested records, the fields cover the service's first contact (and its first
phone), first service-level schedule, first cost option and first location (with its
first address): what a provider maintains for a typical Local Offer entry.
"""

from dataclasses import dataclass
from typing import Any

from opensend.directory import models as m
from opensend.statutory import codes

Fields = dict[str, Any]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text, number, needs, choice


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "Name"),
    FieldSpec("description", "Description"),
    FieldSpec("status", "Status", "choice"),
    FieldSpec("url", "Website"),
    FieldSpec("email", "Email address"),
    FieldSpec("minimum_age", "Youngest age", "number"),
    FieldSpec("maximum_age", "Oldest age", "number"),
    FieldSpec("needs_supported", "Needs supported", "needs"),
    FieldSpec("needs_description", "Needs supported, in plain words"),
    FieldSpec("eligibility", "Who can use it"),
    FieldSpec("referral_route", "How to get a place", "choice"),
    FieldSpec("short_break_tier", "Short break tier", "choice"),
    FieldSpec("fees", "Cost"),
    FieldSpec("cost_amount", "Price in pounds", "number"),
    FieldSpec("cost_description", "What the price covers"),
    FieldSpec("contact_name", "Contact (team or role)"),
    FieldSpec("contact_email", "Contact email address"),
    FieldSpec("contact_phone", "Contact phone number"),
    FieldSpec("delivery", "How it is delivered", "choice"),
    FieldSpec("schedule_description", "When it runs"),
    FieldSpec("location_name", "Place name"),
    FieldSpec("address_1", "Address line 1"),
    FieldSpec("city", "Town or city"),
    FieldSpec("postal_code", "Postcode"),
    FieldSpec("alert", "Notice to families"),
)
FIELD_NAMES = tuple(spec.name for spec in FIELDS)

# How a service is delivered, as HSDS 3.0 schedule.attending_type values.
DELIVERY_CHOICES = [
    ("", "Not given"),
    ("in person", "In person"),
    ("online", "Online"),
    ("phone", "By phone"),
]
CHOICES: dict[str, list[tuple[str, str]]] = {
    "status": list(m.ServiceStatus.choices),
    "referral_route": [("", "Not given"), *m.ReferralRoute.choices],
    "short_break_tier": [("", "Not a short break"), *m.ShortBreakTier.choices],
    "delivery": DELIVERY_CHOICES,
}


def empty_fields() -> Fields:
    return {name: ([] if name == "needs_supported" else "") for name in FIELD_NAMES} | {
        "status": m.ServiceStatus.ACTIVE.value,
        "minimum_age": None,
        "maximum_age": None,
        "cost_amount": None,
    }


def _first(items: Any) -> dict[str, Any]:
    return items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}


def fields_from_oruk(service: dict[str, Any]) -> Fields:
    """The editable fields of an ORUK 3.0 service (as `oruk.service_full` writes it)."""
    extras = service.get("local_offer") or {}
    contact = _first(service.get("contacts"))
    schedule = _first(service.get("schedules"))
    cost = _first(service.get("cost_options"))
    location = _first(service.get("service_at_locations")).get("location") or {}
    address = _first(location.get("addresses"))
    needs = [
        need["code"] if isinstance(need, dict) else need
        for need in extras.get("needs_supported") or []
    ]
    return empty_fields() | {
        "name": service.get("name", ""),
        "description": service.get("description", ""),
        "status": service.get("status", m.ServiceStatus.ACTIVE.value),
        "url": service.get("url", ""),
        "email": service.get("email", ""),
        "minimum_age": service.get("minimum_age"),
        "maximum_age": service.get("maximum_age"),
        "needs_supported": needs,
        "needs_description": extras.get("needs_description", ""),
        "eligibility": service.get("eligibility_description", ""),
        "referral_route": extras.get("referral_route", ""),
        "short_break_tier": extras.get("short_break_tier", ""),
        "fees": service.get("fees", ""),
        "cost_amount": _price(cost.get("amount")),
        "cost_description": cost.get("amount_description", ""),
        "contact_name": contact.get("name", ""),
        "contact_email": contact.get("email", ""),
        "contact_phone": _first(contact.get("phones")).get("number", ""),
        "delivery": schedule.get("attending_type", ""),
        "schedule_description": schedule.get("description", ""),
        "location_name": location.get("name", ""),
        "address_1": address.get("address_1", ""),
        "city": address.get("city", ""),
        "postal_code": address.get("postal_code", ""),
        "alert": service.get("alert", ""),
    }


def _price(amount: Any) -> str | None:
    """Prices are kept as text with two decimals ("12.50"), so equal prices compare equal."""
    if amount is None or amount == "":
        return None
    return f"{float(amount):.2f}"


def display(spec: FieldSpec, value: Any) -> str:
    """A field's value as a reader should see it."""
    if value is None or value == "" or value == []:
        return ""
    if spec.kind == "needs":
        known = {need.value: need.label for need in codes.NeedType}
        return ", ".join(known.get(code, code) for code in value)
    if spec.kind == "choice":
        return dict(CHOICES[spec.name]).get(value, str(value))
    if spec.name == "cost_amount":
        return f"£{value}"
    return str(value)


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    was: str
    now: str

    @property
    def changed(self) -> bool:
        return self.was != self.now


def diff(was: Fields, now: Fields) -> list[FieldChange]:
    """Every editable field, as it was and as it would be (`changed` marks the differences)."""
    return [
        FieldChange(
            spec.name,
            spec.label,
            display(spec, was.get(spec.name)),
            display(spec, now.get(spec.name)),
        )
        for spec in FIELDS
    ]
