"""The Local Offer's editorial workflow: who may edit which listings, proposed changes
waiting for approval, every approved version, and the review reminders sent.

A listing is a directory Service. Its live rows (opensend/directory/models.py) only
change when an editor approves a revision, creates a listing, imports a file, or a
provider confirms the listing is still correct; each of those records a ListingVersion
holding the ORUK 3.0 JSON of the service as it then was (see docs/adr/0014).
"""

from django.conf import settings
from django.db import models


class ProviderLink(models.Model):
    """A provider's staff member may edit this directory organisation's listings."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_links"
    )
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="provider_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="provider_link_unique")
        ]


class VersionSource(models.TextChoices):
    BASELINE = "baseline", "Listing as it was before editorial history began"
    CREATED = "created", "Created by an editor"
    APPROVED = "approved", "Change approved"
    CONFIRMED = "confirmed", "Confirmed still correct"
    IMPORTED = "imported", "Imported from a file"


class ListingVersion(models.Model):
    """One approved state of a listing: its ORUK 3.0 representation, frozen."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(help_text="The service as ORUK 3.0 JSON (/services/{id})")
    source = models.CharField(max_length=20, choices=VersionSource.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField()
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="listing_version_unique")
        ]


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SUPERSEDED = "superseded", "Replaced by a later change"


class Revision(models.Model):
    """A proposed change to a listing, not live until an editor approves it.

    `base_version` is the ListingVersion.number it was made against: the optimistic lock.
    `proposed` holds the listing's editable fields (editorial/fields.py) as JSON.
    """

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="revisions"
    )
    base_version = models.PositiveIntegerField()
    proposed = models.JSONField()
    status = models.CharField(
        max_length=20, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    approved_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service"],
                condition=models.Q(status="pending"),
                name="one_pending_revision_per_listing",
            )
        ]


class ReviewReminder(models.Model):
    """A review reminder that was sent: never the same one twice."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="review_reminders"
    )
    review_date = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(help_text="The addresses it went to, one per line")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "review_date", "days_before"], name="review_reminder_once"
            )
        ]
