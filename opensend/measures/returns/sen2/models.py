"""A prepared SEN2 return: built by a background job, because a whole area takes tens of
seconds (docs/adr/0011-sen2-export.md). Registered in the measures app (imported by
opensend/measures/models.py)."""

from django.conf import settings
from django.db import models

from opensend.people.models import Organisation


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being prepared"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class Sen2Run(models.Model):
    """One preparation of the return for an area and census date. The XML is kept
    (gzip-compressed) so that downloading it does not build it again; a new run for the
    same area and census date replaces the old ones."""

    local_authority = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    census_date = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    finished_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    people = models.PositiveIntegerField(null=True, blank=True)
    failures = models.JSONField(default=list, blank=True)  # rules.Failure as dicts
    children = models.JSONField(default=list, blank=True)  # ids in the file, for the audit
    xml_gzip = models.BinaryField(null=True, blank=True, editable=False)
    file_name = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["local_authority", "census_date"])]
