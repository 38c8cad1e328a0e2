"""Directory records as ORUK 3.0 (HSDS 3.0) JSON objects.

Plain functions from a model to a dict. Empty optional fields are left out, never sent
as null or as an empty list (ORUK 3.0 profile). Summaries hold a record's own fields
(what list endpoints return); `*_full` nests the related records, as `/services/{id}`
does. Fields outside the ORUK subset keep their HSDS 3.0 names (e.g. `phones`,
`eligibility_description`), and the Local Offer extras go under `local_offer`.
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from opensend.directory import models as m

Json = dict[str, Any]


def compact(**fields: Any) -> Json:
    """The fields that have a value, as JSON-ready values."""
    return {name: _json(value) for name, value in fields.items() if _present(value)}


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "hex") and hasattr(value, "int"):  # a UUID
        return str(value)
    return value


def _each(function, records: Iterable) -> list[Json]:
    return [function(record) for record in records]


# --- taxonomies and attributes -------------------------------------------------------------


def taxonomy(record: m.Taxonomy) -> Json:
    return compact(
        id=record.id,
        name=record.name,
        description=record.description,
        uri=record.uri,
        version=record.version,
    )


def taxonomy_full(record: m.Taxonomy) -> Json:
    return taxonomy(record) | compact(
        taxonomy_terms=_each(taxonomy_term, record.taxonomy_terms.all())
    )


def taxonomy_term(record: m.TaxonomyTerm) -> Json:
    return compact(
        id=record.id,
        code=record.code,
        name=record.name,
        description=record.description,
        parent_id=record.parent_id,
        taxonomy=record.taxonomy.name if record.taxonomy else "",
        taxonomy_id=record.taxonomy_id,
        term_uri=record.term_uri,
    )


def attribute(record: m.Attribute) -> Json:
    return compact(
        id=record.id,
        link_id=record.link_id,
        link_type=record.link_type,
        link_entity=record.link_entity,
        taxonomy_term_id=record.taxonomy_term_id,
        value=record.value,
        label=record.label,
        taxonomy_term=taxonomy_term(record.taxonomy_term),
    )


# --- organizations ---------------------------------------------------------------------------


def organization(record: m.Organization) -> Json:
    return compact(
        id=record.id,
        name=record.name,
        description=record.description,
        email=record.email,
        website=record.website,
        logo=record.logo,
        uri=record.uri,
        parent_organization_id=record.parent_organization_id,
    )


def organization_full(record: m.Organization, attributes: Iterable[m.Attribute] = ()) -> Json:
    return organization(record) | compact(
        organization_identifiers=[
            compact(
                id=identifier.id,
                organization_id=identifier.organization_id,
                identifier_scheme=identifier.identifier_scheme,
                identifier_type=identifier.identifier_type,
                identifier=identifier.identifier,
            )
            for identifier in record.organization_identifiers.all()
        ],
        attributes=_each(attribute, attributes),
    )


# --- locations -----------------------------------------------------------------------------


def location(record: m.Location) -> Json:
    return compact(
        id=record.id,
        location_type=record.location_type,
        name=record.name,
        description=record.description,
        latitude=record.latitude,
        longitude=record.longitude,
        external_identifier=record.external_identifier,
        external_identifier_type=record.external_identifier_type,
        addresses=_each(address, record.addresses.all()),
        accessibility=_each(accessibility, record.accessibility.all()),
    )


def address(record: m.Address) -> Json:
    return compact(
        id=record.id,
        location_id=record.location_id,
        attention=record.attention,
        address_1=record.address_1,
        address_2=record.address_2,
        city=record.city,
        region=record.region,
        state_province=record.state_province,
        postal_code=record.postal_code,
        country=record.country,
        address_type=record.address_type,
    )


def accessibility(record: m.Accessibility) -> Json:
    return compact(
        id=record.id,
        location_id=record.location_id,
        description=record.description,
        details=record.details,
        url=record.url,
    )


def service_at_location(record: m.ServiceAtLocation) -> Json:
    return compact(
        id=record.id,
        service_id=record.service_id,
        location_id=record.location_id,
        description=record.description,
        location=location(record.location),
    )


# --- services --------------------------------------------------------------------------------


def service(record: m.Service) -> Json:
    """A service's own fields: what `/services` lists."""
    return compact(
        id=record.id,
        organization_id=record.organization_id,
        name=record.name,
        description=record.description,
        url=record.url,
        email=record.email,
        status=record.status,
        fees=record.fees,
        accreditations=record.accreditations,
        minimum_age=record.minimum_age,
        maximum_age=record.maximum_age,
        assured_date=record.assured_date,
        assurer_email=record.assurer_email,
        alert=record.alert,
        last_modified=record.last_modified,
    )


def service_minimal(record: m.Service) -> Json:
    return compact(
        id=record.id, name=record.name, status=record.status, last_modified=record.last_modified
    )


def service_full(record: m.Service, attributes: Iterable[m.Attribute] = ()) -> Json:
    """A service with everything about it: `/services/{id}`."""
    extras = _local_offer(record)
    return (
        service(record)
        | compact(
            eligibility_description=extras.get("eligibility", ""),
            application_process=extras.get("referral_route_label", ""),
            organization=organization(record.organization),
            schedules=_each(schedule, record.schedules.all()),
            service_areas=_each(service_area, record.service_areas.all()),
            service_at_locations=_each(service_at_location, record.service_at_locations.all()),
            languages=_each(language, record.languages.all()),
            funding=[
                compact(id=f.id, service_id=f.service_id, source=f.source)
                for f in record.funding.all()
            ],
            cost_options=_each(cost_option, record.cost_options.all()),
            contacts=_each(contact, record.contacts.all()),
            phones=_each(phone, record.phones.all()),
            attributes=_each(attribute, attributes),
        )
        | compact(local_offer=compact(**{k: v for k, v in extras.items() if k != "eligibility"}))
    )


def _local_offer(record: m.Service) -> dict[str, Any]:
    try:
        details = record.local_offer
    except m.LocalOfferDetails.DoesNotExist:
        return {}
    return {
        "needs_supported": [
            {"code": code, "label": label}
            for code, label in zip(
                details.needs_supported, details.needs_supported_labels(), strict=True
            )
        ],
        "needs_description": details.needs_description,
        "eligibility": details.eligibility,
        "referral_route": details.referral_route,
        "referral_route_label": details.get_referral_route_display()
        if details.referral_route
        else "",
        "short_break_tier": details.short_break_tier,
    }


def schedule(record: m.Schedule) -> Json:
    return compact(
        id=record.id,
        service_id=record.service_id,
        service_at_location_id=record.service_at_location_id,
        valid_from=record.valid_from,
        valid_to=record.valid_to,
        dtstart=record.dtstart,
        until=record.until,
        freq=record.freq,
        interval=record.interval,
        byday=record.byday,
        bymonthday=record.bymonthday,
        description=record.description,
        opens_at=record.opens_at,
        closes_at=record.closes_at,
        schedule_link=record.schedule_link,
        attending_type=record.attending_type,
        notes=record.notes,
    )


def service_area(record: m.ServiceArea) -> Json:
    return compact(
        id=record.id,
        service_id=record.service_id,
        name=record.name,
        description=record.description,
        extent=record.extent,
        extent_type=record.extent_type,
        uri=record.uri,
    )


def language(record: m.Language) -> Json:
    return compact(
        id=record.id,
        service_id=record.service_id,
        phone_id=record.phone_id,
        name=record.name,
        code=record.code,
        note=record.note,
    )


def cost_option(record: m.CostOption) -> Json:
    return compact(
        id=record.id,
        service_id=record.service_id,
        valid_from=record.valid_from,
        valid_to=record.valid_to,
        option=record.option,
        amount=record.amount,
        currency=record.currency if record.amount is not None else "",
        amount_description=record.amount_description,
    )


def contact(record: m.Contact) -> Json:
    return compact(
        id=record.id,
        service_id=record.service_id,
        organization_id=record.organization_id,
        name=record.name,
        title=record.title,
        department=record.department,
        email=record.email,
        phones=_each(phone, record.phones.all()),
    )


def phone(record: m.Phone) -> Json:
    return compact(
        id=record.id,
        contact_id=record.contact_id,
        service_id=record.service_id,
        number=record.number,
        extension=record.extension,
        type=record.type,
        description=record.description,
        languages=_each(language, record.languages.all()),
    )
