"""Reading requests: always through the children the user may see (people/rules.py), so
a request about a child of another area is a 404, with the refusal audited."""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.dataprotection.models import ErasureRequest, RightsRequest, SubjectAccessRequest
from opensend.people.models import Child, FamilyMember, User
from opensend.people.rules import visible_children


def requests_visible[R: RightsRequest](model: type[R], user: User, today: dt.date) -> QuerySet[R]:
    return model.objects.filter(child__in=visible_children(user, today)).select_related(
        "child", "family_member"
    )


def open_requests[R: RightsRequest](model: type[R], user: User, today: dt.date) -> list[R]:
    """Requests not yet answered, the soonest due first."""
    unanswered = {SubjectAccessRequest: "completed_on", ErasureRequest: "decided_on"}[model]
    found = requests_visible(model, user, today).filter(**{f"{unanswered}__isnull": True})
    return list(found.order_by("due_on", "pk"))


def answered_requests[R: RightsRequest](
    model: type[R], user: User, today: dt.date, *, limit: int = 20
) -> list[R]:
    answered = {SubjectAccessRequest: "completed_on", ErasureRequest: "decided_on"}[model]
    found = requests_visible(model, user, today).filter(**{f"{answered}__isnull": False})
    return list(found.order_by(f"-{answered}", "-pk")[:limit])


def request_get[R: RightsRequest](
    model: type[R], *, user: User, request_id: int, today: dt.date, why: str,
    request: object = None,
) -> R:
    """One request the user may see, audited as a read; 404 (audited) otherwise."""
    found = requests_visible(model, user, today).filter(pk=request_id).first()
    if found is None:
        audit(actor=user, action=AuditAction.DENIED, why=why, request=request,
              detail={model.__name__: request_id})
        raise Http404
    audit(actor=user, action=AuditAction.READ, obj=found, child_id=found.child_id, why=why,
          request=request)
    return found


def family_of(child: Child) -> list[FamilyMember]:
    """The people recorded as the child's family: who a request may be about. `child`
    comes from casework.selectors.child_get (the user may see it, audited)."""
    return list(FamilyMember.objects.filter(child=child).order_by("name", "pk"))
