"""Reads for advice givers and those who oversee advice, always scoped to the user and
audited as reads of the children's records (security.md goal 9)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from opensend.advice.models import AdviceSubmission
from opensend.advice.rules import OVERSIGHT_SERVICES, addressed_to_q
from opensend.casework.models import AdviceRequest
from opensend.casework.presenters.records import AdviceFileLink, advice_file_links
from opensend.contributions.about_me import latest_about_me
from opensend.core.audit import audit, audit_list
from opensend.core.models import AuditAction
from opensend.people.models import Child, ChildNeed, Enrolment, OrganisationKind, User

OPEN, SUBMITTED = "open", "submitted"


def _queue(user: User, status: str) -> QuerySet[AdviceRequest]:
    addressed = AdviceRequest.objects.filter(addressed_to_q(user))
    if status == OPEN:
        return addressed.filter(received_on__isnull=True)
    if status == SUBMITTED:
        return addressed.filter(received_on__isnull=False)
    return addressed


def advice_queue_count(*, user: User, status: str) -> int:
    return _queue(user, status).count()


def advice_queue(
    *, user: User, status: str, limit: int, offset: int, request: object = None
) -> list[AdviceRequest]:
    """The advice requests addressed to the user's organisation, soonest due first."""
    rows = list(
        _queue(user, status)
        .select_related("case__child", "organisation")
        .prefetch_related("submissions")
        .order_by("due_on", "pk")[offset : offset + limit]
    )
    audit_list(actor=user, child_ids=[a.case.child_id for a in rows],
               why="advice requested of my organisation", request=request)
    return rows


def advice_request_for_adviser(
    *, user: User, advice_id: int, why: str, request: object = None
) -> AdviceRequest:
    """One advice request addressed to the user's organisation; 404 (audited) otherwise."""
    advice = (
        AdviceRequest.objects.filter(addressed_to_q(user), pk=advice_id)
        .select_related("case__child", "case__caseworker", "organisation")
        .first()
    )
    if advice is None:
        audit(actor=user, action=AuditAction.DENIED, why=why, request=request,
              detail={"advice_request": advice_id})
        raise Http404
    audit(actor=user, action=AuditAction.READ, obj=advice, child_id=advice.case.child_id,
          why=why, request=request)
    return advice


@dataclass(frozen=True)
class WhatTheAdviceNeeds:
    """Only what the advice needs (issue 11, item 2): the child's identity, setting and
    recorded needs, the request with the files sent, the family's views. Not the case's
    history, other advice, or anyone else's data."""

    child: Child
    settings: list[str]
    needs: list[ChildNeed]
    files: list[AdviceFileLink]  # sent with the request, then the adviser's own
    family_views: list[tuple[str, str]]
    all_about_me: list[tuple[str, str]]
    submissions: list[AdviceSubmission]


def _settings_today(child: Child, today: dt.date) -> list[str]:
    return list(
        Enrolment.objects.filter(child=child, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .values_list("setting__name", flat=True)
    )


def _family_views(advice: AdviceRequest) -> list[tuple[str, str]]:
    """What the family said when they asked for the assessment themselves (Reg 3; their
    request in opensend.contributions), as (heading, their words)."""
    ehc_request = getattr(advice.case, "request", None)
    family = getattr(ehc_request, "family_request", None) if ehc_request else None
    if family is None:
        return []
    said = [("Why they asked for an assessment", family.reasons),
            ("The child's needs as the family sees them", family.needs)]
    return [(heading, words) for heading, words in said if words]


ABOUT_ME_HEADINGS = (
    ("views", "Their views"),
    ("interests", "Their interests"),
    ("aspirations", "Their hopes for the future"),
    ("important", "What is important to them"),
    ("support", "How best to support them"),
)


def all_about_me_for(child: Child) -> list[tuple[str, str]]:
    """The child's or young person's own "All about me" (Section A; the family's living
    profile in opensend.contributions), latest version, as (heading, their words). The
    pictures and recordings stay with the family's profile."""
    latest = latest_about_me(child)
    if latest is None:
        return []
    said = [(heading, getattr(latest, field)) for field, heading in ABOUT_ME_HEADINGS]
    return [(heading, words) for heading, words in said if words]


def what_the_advice_needs(*, advice: AdviceRequest, today: dt.date) -> WhatTheAdviceNeeds:
    child = advice.case.child
    return WhatTheAdviceNeeds(
        child=child,
        settings=_settings_today(child, today),
        needs=list(ChildNeed.objects.filter(child=child).order_by("rank")),
        files=advice_file_links(advice),
        family_views=_family_views(advice),
        all_about_me=all_about_me_for(child),
        submissions=list(advice.submissions.order_by("-version")),
    )


def oversight_services(user: User) -> list[str]:
    roles = user.memberships.filter(role__in=OVERSIGHT_SERVICES).values_list("role", flat=True)
    return sorted({OVERSIGHT_SERVICES[role] for role in roles})


def _areas(user: User) -> list[int]:
    """The local authority areas of the user's oversight roles."""
    areas = set()
    memberships = user.memberships.filter(role__in=OVERSIGHT_SERVICES).select_related(
        "organisation"
    )
    for membership in memberships:
        organisation = membership.organisation
        is_area = organisation.kind == OrganisationKind.LOCAL_AUTHORITY
        areas.add(organisation.pk if is_area else organisation.local_authority_id)
    return [area for area in areas if area is not None]


def advice_oversight(
    *, user: User, service: str, request: object = None
) -> list[AdviceRequest]:
    """Every `service` advice request of the user's area, soonest due first: only the
    child's first name and the dates, never the advice itself."""
    if service not in oversight_services(user):
        raise Http404
    rows = list(
        AdviceRequest.objects.filter(service=service, case__local_authority_id__in=_areas(user))
        .select_related("case__child", "organisation")
        .order_by("due_on", "pk")
    )
    audit_list(actor=user, child_ids=[a.case.child_id for a in rows],
               why=f"{service} advice oversight", request=request)
    return rows
