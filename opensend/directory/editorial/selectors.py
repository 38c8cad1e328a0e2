"""Reads for the editorial pages, scoped to the user.

Directory editors see every listing; a provider sees the listings of the directory
organisations they are linked to (ProviderLink); anyone else sees none. A listing, a
revision or a version the user may not see is a 404 (audited as "denied"), exactly as
if it did not exist.
"""

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.permissions import has_perm
from opensend.directory import models as m

# is_stale(service, today): whether the public page should say "this information may be
# out of date" (the listing is past its review date). Re-exported here for the search pages.
from opensend.directory.editorial.review import is_stale, review_date  # noqa: F401
from opensend.people.models import User


def is_editor(user: User) -> bool:
    return has_perm(user, "directory.edit_any_listing")


def organizations_for(user: User) -> QuerySet[m.Organization]:
    if is_editor(user):
        return m.Organization.objects.all()
    if has_perm(user, "directory.edit_listing"):  # a provider: their organisations'
        return m.Organization.objects.filter(provider_links__user=user)
    return m.Organization.objects.none()


def listings_for(user: User, search: str = "") -> QuerySet[m.Service]:
    """The listings `user` may edit, by name."""
    services = m.Service.objects.filter(organization__in=organizations_for(user))
    if search:
        services = services.filter(
            Q(name__icontains=search) | Q(organization__name__icontains=search)
        )
    return services.select_related("organization").order_by("name", "id")


def _refused(user: User, what: str, object_id: object, request: object) -> Http404:
    audit(
        actor=user,
        action=AuditAction.DENIED,
        why=f"{what} not open to this user",
        detail={what: str(object_id)},
        request=request,
    )
    return Http404()


def listing_get(*, user: User, listing_id: uuid.UUID, request: object = None) -> m.Service:
    try:
        return listings_for(user).select_related("local_offer").get(pk=listing_id)
    except m.Service.DoesNotExist:
        raise _refused(user, "listing", listing_id, request) from None


def revision_get(*, user: User, revision_id: int, request: object = None) -> m.Revision:
    """A revision, for directory editors only (they decide on it)."""
    revision = None
    if has_perm(user, "directory.approve_revision"):
        revision = (
            m.Revision.objects.select_related("service__organization", "submitted_by")
            .filter(pk=revision_id)
            .first()
        )
    if revision is None:
        raise _refused(user, "revision", revision_id, request)
    return revision


def version_get(*, user: User, listing: m.Service, number: int) -> m.ListingVersion:
    version = (
        listing.versions.select_related("submitted_by", "approved_by").filter(number=number).first()
    )
    if version is None:
        raise _refused(user, "version", f"{listing.pk}/{number}", None)
    return version


def versions_of(listing: m.Service) -> QuerySet[m.ListingVersion]:
    return listing.versions.select_related("submitted_by", "approved_by").order_by("-number")


def latest_version(listing: m.Service) -> m.ListingVersion | None:
    return listing.versions.order_by("-number").first()


def pending_revision(listing: m.Service) -> m.Revision | None:
    return listing.revisions.filter(status=m.RevisionStatus.PENDING).first()


def last_decided_revision(listing: m.Service) -> m.Revision | None:
    return (
        listing.revisions.exclude(status=m.RevisionStatus.PENDING)
        .exclude(status=m.RevisionStatus.SUPERSEDED)
        .order_by("-decided_at", "-id")
        .first()
    )


def approval_queue() -> QuerySet[m.Revision]:
    """Pending revisions, oldest first (the order they should be decided in)."""
    return (
        m.Revision.objects.filter(status=m.RevisionStatus.PENDING)
        .select_related("service__organization", "submitted_by")
        .order_by("submitted_at", "id")
    )
