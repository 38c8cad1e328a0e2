"""A pending import: the rows read from an uploaded plan and the person's choices so far,
kept so that a reload, or coming back later, finds them where they were
(docs/strategy-import.md). The file itself is never stored; its rows are."""

from django.conf import settings
from django.db import models


class PendingImport(models.Model):
    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.CASCADE, related_name="pending_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(max_length=200)
    # [{"number", "name", "header", "header_row", "rows": [{"row", "cells", "section"}]}]
    tables = models.JSONField()
    table_number = models.PositiveSmallIntegerField(null=True, blank=True)
    mapping = models.JSONField(default=dict, blank=True)  # field name -> column or None
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "strategy"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name
