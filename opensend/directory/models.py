"""The Local Offer directory, modelled on HSDS 3.0 as profiled by Open Referral UK 3.0.

Tables and fields carry the HSDS names (organization, service, service_at_location...),
so the ORUK API (oruk.py) is a plain mapping. Ids are UUIDs, as HSDS requires. Nothing
here points at a child or a user: the directory is public and holds no personal data.
`LocalOfferDetails` holds what the Local Offer needs beyond HSDS.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from opensend.statutory import codes


class Record(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    last_modified = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Organization(Record):
    name = models.CharField(max_length=255)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    logo = models.URLField(blank=True)
    uri = models.URLField(blank=True)
    parent_organization = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class OrganizationIdentifier(Record):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="organization_identifiers"
    )
    identifier_scheme = models.CharField(max_length=100, blank=True)
    identifier_type = models.CharField(max_length=100)
    identifier = models.CharField(max_length=255)


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Defunct"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


class Service(Record):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    fees = models.TextField(blank=True)
    accreditations = models.TextField(blank=True)
    # HSDS 3.0 puts the age range on the service itself, so it lives here, once.
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    assured_date = models.DateField(null=True, blank=True)
    assurer_email = models.EmailField(blank=True)
    alert = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ReferralRoute(models.TextChoices):
    SELF = "self", "Families can contact the service themselves"
    PROFESSIONAL = "professional", "A professional must refer"
    EITHER = "either", "Families or professionals can refer"
    ASSESSMENT = "assessment", "After a needs assessment (for example social care)"


class ShortBreakTier(models.TextChoices):
    UNIVERSAL = "universal", "Universal (open to all)"
    TARGETED = "targeted", "Targeted (no assessment needed)"
    SPECIALIST = "specialist", "Specialist (after an assessment)"


class LocalOfferDetails(models.Model):
    """What the SEND Local Offer publishes about a service beyond HSDS."""

    service = models.OneToOneField(
        Service, primary_key=True, on_delete=models.CASCADE, related_name="local_offer"
    )
    # A list of SEN2 need codes (codes.NeedType). JSON rather than ArrayField, which would
    # need django.contrib.postgres in INSTALLED_APPS.
    needs_supported = models.JSONField(default=list, blank=True, help_text="SEN2 need codes")
    needs_description = models.TextField(blank=True, help_text="Needs supported, in plain words")
    eligibility = models.TextField(blank=True)
    referral_route = models.CharField(max_length=20, choices=ReferralRoute.choices, blank=True)
    short_break_tier = models.CharField(max_length=20, choices=ShortBreakTier.choices, blank=True)

    def clean(self) -> None:
        known = {need.value for need in codes.NeedType}
        unknown = [code for code in self.needs_supported if code not in known]
        if unknown:
            raise ValidationError({"needs_supported": f"Not SEN2 need codes: {unknown}"})

    def needs_supported_labels(self) -> list[str]:
        return [codes.NeedType(code).label for code in self.needs_supported]


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "Physical"
    POSTAL = "postal", "Postal"
    VIRTUAL = "virtual", "Virtual"


class Location(Record):
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="locations"
    )
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = models.CharField(max_length=100, blank=True)
    external_identifier_type = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name or str(self.id)


class Address(Record):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=255, blank=True)
    address_1 = models.CharField(max_length=255)
    address_2 = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=100)
    region = models.CharField(max_length=100, blank=True)
    state_province = models.CharField(max_length=100)
    postal_code = models.CharField(max_length=10)
    country = models.CharField(max_length=2, default="GB")
    address_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )


class Accessibility(Record):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    description = models.TextField(blank=True)
    details = models.TextField(blank=True)
    url = models.URLField(blank=True)


class ServiceAtLocation(Record):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["service__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="one_link_per_place")
        ]


class Contact(Record):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    # A role or team, not a private person: the directory publishes no personal data.
    name = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255, blank=True)
    department = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)


class Phone(Record):
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(max_length=30)
    extension = models.CharField(max_length=10, blank=True)
    type = models.CharField(max_length=20, blank=True)
    description = models.TextField(blank=True)


class Language(Record):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    phone = models.ForeignKey(
        Phone, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    name = models.CharField(max_length=100)
    code = models.CharField(max_length=10, blank=True, help_text="ISO 639 code")
    note = models.TextField(blank=True)


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", "Weekly"
    MONTHLY = "MONTHLY", "Monthly"


class Schedule(Record):
    """When a service runs: the RFC 5545 RRULE parts that HSDS 3.0 names."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    freq = models.CharField(max_length=10, choices=Frequency.choices, blank=True)
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    byday = models.CharField(max_length=50, blank=True, help_text="e.g. MO,WE or 1SA")
    bymonthday = models.CharField(max_length=50, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)
    schedule_link = models.URLField(blank=True)
    attending_type = models.CharField(max_length=50, blank=True)
    notes = models.TextField(blank=True)


class CostOption(Record):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = models.CharField(max_length=255, blank=True)
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="GBP")
    amount_description = models.CharField(max_length=255, blank=True)


class ServiceArea(Record):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=50, blank=True)
    uri = models.URLField(blank=True)


class Funding(Record):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    source = models.TextField()


class Taxonomy(Record):
    name = models.CharField(max_length=255)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(Record):
    taxonomy = models.ForeignKey(
        Taxonomy, null=True, blank=True, on_delete=models.CASCADE, related_name="taxonomy_terms"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    code = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=255)
    description = models.TextField()
    term_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class LinkEntity(models.TextChoices):
    SERVICE = "service", "Service"
    ORGANIZATION = "organization", "Organization"
    LOCATION = "location", "Location"


class Attribute(Record):
    """A taxonomy term attached to a record (HSDS `attribute`: link_entity + link_id)."""

    link_entity = models.CharField(max_length=20, choices=LinkEntity.choices)
    link_id = models.UUIDField(db_index=True)
    link_type = models.CharField(max_length=100, blank=True)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes"
    )
    value = models.CharField(max_length=255, blank=True)
    label = models.CharField(max_length=255, blank=True)


class PostcodeCentroid(models.Model):
    """The centre of a postcode, for `postcode` + `proximity` searches.

    Postcodes are stored without spaces, in capitals (see `normalise_postcode`).
    """

    postcode = models.CharField(max_length=8, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()


def normalise_postcode(postcode: str) -> str:
    return "".join(postcode.split()).upper()


# The Local Offer's other parts keep their models beside their code (issue 4); importing
# them here makes them part of the directory app.
from opensend.directory.calendar.models import *  # noqa: E402, F403
from opensend.directory.editorial.models import *  # noqa: E402, F403 (editorial, issue 4)
from opensend.directory.feedback.models import *  # noqa: E402, F403
from opensend.directory.public.models import *  # noqa: E402, F403
