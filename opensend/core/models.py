"""The audit log: one append-only row for every read, change, download or export of a
child's record, and for every refused access (security.md goal 9).

The database itself refuses UPDATE and DELETE on this table (a trigger added in
migration 0002), so no code path in the application can rewrite history.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_otp.models import Device


class AuditAction(models.TextChoices):
    READ = "read", "Read"
    LIST = "list", "Listed"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    DOWNLOAD = "download", "Downloaded"
    EXPORT = "export", "Exported"
    DENIED = "denied", "Refused"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGN_OUT = "sign_out", "Signed out"
    RETENTION = "retention", "Deleted or anonymised at the end of its retention period"


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    child_id = models.BigIntegerField(null=True, db_index=True)
    why = models.CharField(max_length=200, blank=True, help_text="The purpose: the page or task")
    detail = models.JSONField(default=dict, blank=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Audit events cannot be changed.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit events cannot be deleted.")


class FormSubmission(models.Model):
    """A one-time token carried by a form that creates records.

    A form posted twice (a double click, a browser resubmitting) carries the same token;
    the second post finds it spent and is sent to what the first one created
    (security.md goal 13).
    """

    token = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    result_path = models.CharField(max_length=300, blank=True)


class ScanStatus(models.TextChoices):
    """Whether ClamAV has looked at an upload (settings.CLAMD_ADDRESS; opensend.core.uploads).
    Only the uploader may open a file waiting for its scan or whose scan failed; nobody
    may open one with a virus found."""

    NOT_SCANNED = "not_scanned", "Not scanned: virus scanning is switched off"
    PENDING = "pending", "Waiting for a virus scan"
    CLEAN = "clean", "No virus found"
    INFECTED = "infected", "Virus found"
    FAILED = "failed", "Scan failed"


class Upload(models.Model):
    """A file someone uploaded, kept outside the web root under a random name
    (security.md goal 8). The bytes never change: `sha256` says what they were.

    Only opensend/core/uploads.py creates rows and reads the files; each app links its
    own records to uploads and serves them through its own authorised, audited view.
    """

    stored_name = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    scan_status = models.CharField(
        max_length=20, choices=ScanStatus.choices, default=ScanStatus.NOT_SCANNED
    )
    scanned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.original_name


class LegalHoldQuerySet(models.QuerySet["LegalHold"]):
    def in_force(self, today: "dt.date") -> "LegalHoldQuerySet":
        return self.filter(placed_on__lte=today).filter(
            models.Q(released_on__isnull=True) | models.Q(released_on__gt=today)
        )


class LegalHold(models.Model):
    """Keeps a record past its retention period (a claim, a tribunal appeal, a complaint
    to the Ombudsman, a subject access request being answered...) until it is released.

    `record_type` is a name in opensend.core.retention.RECORD_TYPES; `object_id` the id
    the record type's legal holds name (for an EHC record, the child's id).
    """

    record_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    reason = models.CharField(max_length=300)
    placed_on = models.DateField()
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    released_on = models.DateField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["record_type", "object_id"])]

    def __str__(self) -> str:
        return f"Legal hold on {self.record_type} {self.object_id}"


class RetentionRun(models.Model):
    """One run of the retention job: what it deleted or anonymised, per record type."""

    ran_at = models.DateTimeField(auto_now_add=True)
    today = models.DateField()
    done = models.JSONField(default=dict)
    held = models.JSONField(default=dict)

    class Meta:
        ordering = ["-ran_at"]


class RateLimitHit(models.Model):
    """One limited action (a feedback post...) by a client address, kept only for its
    limit's window (opensend/core/rate_limits.py). `address_key` is a keyed hash: the
    address itself is never stored."""

    action = models.CharField(max_length=40)
    address_key = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["action", "address_key", "at"])]


class IdentityProviderDevice(Device):
    """The second factor a staff member passed at their organisation's identity provider
    (single sign-on: opensend/core/sso.py, docs/sso.md).

    django-otp counts a staff user as having passed the second factor when their session
    holds one of their devices (is_verified). The sign-in callback attaches this device
    only when the provider's ID token asserted multi-factor authentication; it can check
    no codes, so it is never a way in by itself. One per user and provider.
    """

    issuer = models.CharField(max_length=300, help_text="The identity provider's issuer")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "issuer"], name="idp_device_user_issuer")
        ]

    def verify_token(self, token: object) -> bool:
        return False


from opensend.core.notifications.models import (  # noqa: E402, F401  (issue 11, item 4)
    Notification,
    NotificationPreference,
)
