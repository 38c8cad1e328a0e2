"""Writing a listing's editable fields (editorial/fields.py) onto the live directory rows.

Only services.py and the importer call this, inside their transactions. Each nested
record the fields cover (the first contact, schedule, cost option, location) is updated
in place, created when a value appears, and deleted when all its values are cleared.
A location shared with other services is never changed under them: the listing gets a
copy of its own.
"""

from decimal import Decimal
from typing import Any

from django.utils import timezone

from opensend.directory import models as m
from opensend.directory.editorial.fields import Fields


def listing_apply(service: m.Service, fields: Fields) -> m.Service:
    """Make `fields` live on `service` (saved; last_modified moves on)."""
    for name in ("name", "description", "status", "url", "email", "fees", "alert"):
        setattr(service, name, fields.get(name) or "")
    service.status = fields.get("status") or m.ServiceStatus.ACTIVE
    service.minimum_age = fields.get("minimum_age")
    service.maximum_age = fields.get("maximum_age")
    service.save()
    _local_offer(service, fields)
    _contact(service, fields)
    _schedule(service, fields)
    _cost(service, fields)
    _location(service, fields)
    return service


def touch(service: m.Service) -> None:
    """Bump last_modified, so the ORUK feed's modified_after sees the listing again."""
    m.Service.objects.filter(pk=service.pk).update(last_modified=timezone.now())


def _any(fields: Fields, *names: str) -> bool:
    return any(fields.get(name) not in (None, "", []) for name in names)


def _local_offer(service: m.Service, fields: Fields) -> None:
    names = (
        "needs_supported",
        "needs_description",
        "eligibility",
        "referral_route",
        "short_break_tier",
    )
    values: dict[str, Any] = {name: fields.get(name) or "" for name in names}
    values["needs_supported"] = sorted(fields.get("needs_supported") or [])
    m.LocalOfferDetails.objects.update_or_create(service=service, defaults=values)


def _contact(service: m.Service, fields: Fields) -> None:
    contact = service.contacts.order_by("id").first()
    if not _any(fields, "contact_name", "contact_email", "contact_phone"):
        if contact:
            contact.delete()
        return
    contact = contact or m.Contact(service=service)
    contact.name = fields.get("contact_name") or ""
    contact.email = fields.get("contact_email") or ""
    contact.save()
    phone = contact.phones.order_by("id").first()
    number = fields.get("contact_phone") or ""
    if not number:
        if phone:
            phone.delete()
        return
    phone = phone or m.Phone(contact=contact)
    phone.number = number
    phone.save()


def _schedule(service: m.Service, fields: Fields) -> None:
    schedule = service.schedules.order_by("id").first()
    if not _any(fields, "delivery", "schedule_description"):
        if schedule and not (schedule.freq or schedule.dtstart):
            schedule.delete()  # only a schedule that was nothing but these two fields
        elif schedule:
            schedule.attending_type = schedule.description = ""
            schedule.save()
        return
    schedule = schedule or m.Schedule(service=service)
    schedule.attending_type = fields.get("delivery") or ""
    schedule.description = fields.get("schedule_description") or ""
    schedule.save()


def _cost(service: m.Service, fields: Fields) -> None:
    cost = service.cost_options.order_by("id").first()
    if not _any(fields, "cost_amount", "cost_description"):
        if cost:
            cost.delete()
        return
    cost = cost or m.CostOption(service=service)
    amount = fields.get("cost_amount")
    cost.amount = None if amount in (None, "") else Decimal(str(amount))
    cost.amount_description = fields.get("cost_description") or ""
    cost.save()


def _location(service: m.Service, fields: Fields) -> None:
    link = service.service_at_locations.select_related("location").order_by("id").first()
    if not _any(fields, "location_name", "address_1", "city", "postal_code"):
        if link:
            link.delete()
        return
    if link is None:
        location = m.Location.objects.create(organization=service.organization)
        link = m.ServiceAtLocation.objects.create(service=service, location=location)
    elif link.location.service_at_locations.exclude(service=service).exists():
        link.location = _copy_of(link.location)
        link.save()
    location = link.location
    location.name = fields.get("location_name") or ""
    location.save()
    _address(location, fields)


def _copy_of(location: m.Location) -> m.Location:
    copy = m.Location.objects.create(
        organization=location.organization,
        location_type=location.location_type,
        name=location.name,
        description=location.description,
        latitude=location.latitude,
        longitude=location.longitude,
    )
    for address in location.addresses.all():
        address.pk = None
        address.location = copy
        address.save()
    return copy


def _address(location: m.Location, fields: Fields) -> None:
    address = location.addresses.order_by("id").first()
    if not _any(fields, "address_1", "city", "postal_code"):
        if address:
            address.delete()
        return
    address = address or m.Address(location=location, state_province="England")
    moved = address.postal_code != (fields.get("postal_code") or "")
    address.address_1 = fields.get("address_1") or ""
    address.city = fields.get("city") or ""
    address.postal_code = fields.get("postal_code") or ""
    address.save()
    if moved:
        _place(location, address.postal_code)


def _place(location: m.Location, postcode: str) -> None:
    """A new postcode moves the map point to its centre (or clears a point now wrong)."""
    centre = m.PostcodeCentroid.objects.filter(postcode=m.normalise_postcode(postcode)).first()
    location.latitude = centre.latitude if centre else None
    location.longitude = centre.longitude if centre else None
    location.save(update_fields=["latitude", "longitude", "last_modified"])
