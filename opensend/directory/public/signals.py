"""Refresh the search entries of the services a change touches, once the change is
committed. Bulk writes (bulk_create, QuerySet.update) send no signals: whoever does them
calls `index.refresh` (generate_directory does; `manage.py refresh_search_index` too).

The receivers are connected once Django has loaded the apps: DirectoryConfig.ready()
calls `connect()`."""

import threading
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
        # By id, not the relation: in a cascading delete the link may already be gone.
        linked = m.ServiceAtLocation.objects.filter(pk=instance.service_at_location_id)
        return [sid for sid in (instance.service_id, *linked.values_list("service_id", flat=True))
                if sid]
    return [getattr(instance, "service_id", None)] if getattr(instance, "service_id", None) else []


# The services changed since the last refresh. Each change registers a refresh after
# commit; the first one to run refreshes them all and the others find nothing to do, so
# an import that saves dozens of rows per service refreshes each service once. After a
# rollback, the ids stay and are refreshed with the next commit (harmless: a refresh
# rebuilds from whatever is in the tables).
_pending: set[object] = set()
_lock = threading.Lock()


def _flush() -> None:
    with _lock:
        ids = set(_pending)
        _pending.clear()
    if ids:
        index.refresh(ids)


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    ids = _service_ids(instance)
    if ids:
        with _lock:
            _pending.update(ids)
        transaction.on_commit(_flush)


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

# The search form lists the Local Offer's categories: a new or renamed one is a new
# version of the search page (results_cache.py), as a change to a service is. Saves only:
# a post_delete receiver would stop Django's fast cascade delete of taxonomy terms and
# change the order of a cascade (a deleted category leaves cached pages within
# results_cache.TIMEOUT; choosing it finds nothing meanwhile).
def _categories_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    transaction.on_commit(index.bump)


CATEGORIES = ("directory.Taxonomy", "directory.TaxonomyTerm")


def connect() -> None:
    """Keep the search index fresh (dispatch_uid: connecting twice connects once)."""
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"search-save-{model}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"search-delete-{model}")
    for model in CATEGORIES:
        post_save.connect(
            _categories_changed, sender=model, dispatch_uid=f"search-categories-save-{model}"
        )
