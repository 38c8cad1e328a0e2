"""Writes of the editorial workflow: revisions, approvals, versions, confirmations.

Every change that reaches the live listing records a ListingVersion: the listing's ORUK
3.0 JSON after the change, who submitted it and who approved it. Writes lock the
listing's row (SELECT ... FOR UPDATE) and check the version a form was opened on, so two
people's changes never overwrite each other silently (docs/adr/0014).
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from opensend.directory import models as m
from opensend.directory import selectors as directory
from opensend.directory.editorial.apply import listing_apply
from opensend.directory.editorial.fields import Fields, fields_from_oruk
from opensend.directory.oruk import presenters as oruk
from opensend.people.models import User


class ConflictError(Exception):
    """The listing changed after the form was opened: nothing was saved."""


class NothingChangedError(Exception):
    """A revision that proposes exactly what is live."""


def snapshot(service: m.Service) -> dict[str, Any]:
    """The service as the ORUK API's /services/{id} shows it, now."""
    fresh = directory.service_get(service.pk)
    attributes = directory.attributes_of("service", [service.pk]).get(service.pk, [])
    return oruk.service_full(fresh, attributes)


def fields_of(service: m.Service) -> Fields:
    return fields_from_oruk(snapshot(service))


def _lock(service: m.Service) -> m.Service:
    return m.Service.objects.select_for_update().get(pk=service.pk)


def _latest_number(service: m.Service) -> int:
    latest = service.versions.order_by("-number").values_list("number", flat=True).first()
    return latest or 0


def version_record(
    service: m.Service,
    *,
    source: str,
    submitted_by: User | None,
    approved_by: User | None,
    submitted_at: dt.datetime | None = None,
    note: str = "",
) -> m.ListingVersion:
    now = timezone.now()
    return m.ListingVersion.objects.create(
        service=service,
        number=_latest_number(service) + 1,
        snapshot=snapshot(service),
        source=source,
        submitted_by=submitted_by,
        submitted_at=submitted_at or now,
        approved_by=approved_by,
        approved_at=now,
        note=note[:255],
    )


def baseline_ensure(service: m.Service, live: dict[str, Any] | None = None) -> int:
    """The listing's current version number; a listing from before editorial history
    began (demo data, an old import) gets its live state (`live`, the snapshot if the
    caller has it) recorded as version 1."""
    number = _latest_number(service)
    if number:
        return number
    version = m.ListingVersion.objects.create(
        service=service,
        number=1,
        snapshot=live or snapshot(service),
        source=m.VersionSource.BASELINE,
        submitted_at=service.last_modified,
        approved_at=service.last_modified,
    )
    return version.number


@transaction.atomic
def revision_submit(
    *,
    user: User,
    service: m.Service,
    fields: Fields,
    base_version: int,
    replacing: int | None,
) -> m.Revision:
    """Save a proposed change as a pending revision; the live listing does not change.

    `replacing` is the pending revision the form was opened on (None: there was none);
    a provider's new change replaces their pending one.
    """
    service = _lock(service)
    if base_version != _latest_number(service):  # 0: the form saw no version yet
        raise ConflictError(
            "The listing was changed while you were editing it. Check the latest details "
            "below and make your change again."
        )
    pending = service.revisions.filter(status=m.RevisionStatus.PENDING).first()
    if (pending.pk if pending else None) != replacing:
        raise ConflictError(
            "Someone else sent a change to this listing while you were editing it. Check "
            "the details below and make your change again."
        )
    if fields == fields_of(service):
        raise NothingChangedError("You have not changed anything")
    current = baseline_ensure(service)
    if pending:
        pending.status = m.RevisionStatus.SUPERSEDED
        pending.save(update_fields=["status"])
    return m.Revision.objects.create(
        service=service, base_version=current, proposed=fields, submitted_by=user
    )


def _decide(revision: m.Revision, editor: User, status: str) -> m.Service:
    service = _lock(revision.service)
    revision.refresh_from_db()
    if revision.status != m.RevisionStatus.PENDING:
        raise ConflictError("This change has already been decided.")
    revision.status = status
    revision.decided_by = editor
    revision.decided_at = timezone.now()
    return service


@transaction.atomic
def revision_approve(*, editor: User, revision: m.Revision, today: dt.date) -> m.ListingVersion:
    """Make the change live, as a new version. An approved change counts as a check of
    the listing: its assured_date (review date) starts again from today."""
    service = _decide(revision, editor, m.RevisionStatus.APPROVED)
    if revision.base_version != _latest_number(service):
        raise ConflictError(
            "The listing has changed since this change was made, so approving it would undo "
            "that. Reject it and ask the provider to make their change again."
        )
    listing_apply(service, revision.proposed)
    service.assured_date = today
    service.save(update_fields=["assured_date", "last_modified"])
    version = version_record(
        service,
        source=m.VersionSource.APPROVED,
        submitted_by=revision.submitted_by,
        submitted_at=revision.submitted_at,
        approved_by=editor,
    )
    revision.approved_version = version.number
    revision.save()
    return version


@transaction.atomic
def revision_reject(*, editor: User, revision: m.Revision, reason: str) -> m.Revision:
    _decide(revision, editor, m.RevisionStatus.REJECTED)
    revision.rejection_reason = reason
    revision.save()
    return revision


@transaction.atomic
def listing_create(
    *, editor: User, organization: m.Organization, fields: Fields, today: dt.date
) -> m.Service:
    """An editor's new listing goes live at once, as version 1."""
    service = m.Service(organization=organization, assured_date=today)
    listing_apply(service, fields)
    version_record(service, source=m.VersionSource.CREATED, submitted_by=editor, approved_by=editor)
    return service


@transaction.atomic
def listing_confirm(*, user: User, service: m.Service, today: dt.date) -> m.ListingVersion:
    """ "Still correct": the listing is checked today (assured_date), nothing else changes."""
    service = _lock(service)
    baseline_ensure(service)
    service.assured_date = today
    service.save(update_fields=["assured_date", "last_modified"])
    return version_record(
        service,
        source=m.VersionSource.CONFIRMED,
        submitted_by=user,
        approved_by=user,
        note="Confirmed still correct",
    )
