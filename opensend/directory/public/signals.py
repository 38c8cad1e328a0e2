"""Refresh the search entries of the services a change touches, once the change is
committed. Bulk writes (bulk_create, QuerySet.update) send no signals: whoever does them
calls `index.refresh` (generate_directory does; `manage.py refresh_search_index` too)."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from opensend.directory.public import index


def _service_ids(instance: Any) -> list[object]:
    from opensend.directory import models as m

    if isinstance(instance, m.Service):
        return [instance.pk]
    if isinstance(instance, m.Attribute):
        return [instance.link_id] if instance.link_entity == "service" else []
    if isinstance(instance, m.Location):
        return list(instance.service_at_locations.values_list("service_id", flat=True))
    if isinstance(instance, m.Organization):
        return list(instance.services.values_list("id", flat=True))
    if isinstance(instance, m.Schedule):
        link = instance.service_at_location
        return [sid for sid in (instance.service_id, link and link.service_id) if sid]
    return [getattr(instance, "service_id", None)] if getattr(instance, "service_id", None) else []


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    ids = _service_ids(instance)
    if ids:
        transaction.on_commit(lambda: index.refresh(ids))


WATCHED = (
    "directory.Service",
    "directory.Organization",
    "directory.LocalOfferDetails",
    "directory.Attribute",
    "directory.Schedule",
    "directory.CostOption",
    "directory.ServiceAtLocation",
    "directory.Location",
)

for model in WATCHED:
    post_save.connect(_changed, sender=model, dispatch_uid=f"search-save-{model}")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"search-delete-{model}")
