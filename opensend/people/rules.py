"""Who may see which child: one permission model, derived from relationships.

`visible_children(user, today)` is the single source for every list and every single
record, so a list can never show a child whose page would refuse the same user.

- caseworker: the children of cases allocated to them;
- SEN manager: every child of their local authority;
- panel member: children of their local authority whose case awaits or has a panel decision;
- SENCO (a school or setting): children on its roll today, or whose plan names it, or
  whose case asked it for advice;
- advice giver: none through casework. An adviser reaches a child only through the
  advice requests addressed to them (`advice_addressed_q`), on the advice app's pages
  that show what the advice needs (ADR 0035; issue 11, item 2);
- parent or carer with parental responsibility: their child, and once the child is a
  young person (CFA s83(2)) only while the young person's consent stands (CFA s80, Reg 17);
- young person: their own record;
- analyst, directory editor, administrator: no child records (analysts see aggregates).
"""

import datetime as dt

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, QuerySet

from opensend.people.models import (
    Child,
    Enrolment,
    FamilyMember,
    Role,
    User,
    UserKind,
    YoungPersonConsent,
)
from opensend.statutory.school_year import young_person_from

# Each relationship is an EXISTS on the table that records it: no joins on Child, so no
# duplicates to remove, and PostgreSQL plans each as an indexed semi-join whatever its
# statistics say (nested IN subqueries were planned as nested loops on fresh tables).
_PANEL_STAGES = ("requested", "assessing", "drafting")


def _org_ids(user: User, *roles: Role) -> list[int]:
    return list(user.memberships.filter(role__in=roles).values_list("organisation_id", flat=True))


def _casework(model: str) -> type:
    # casework depends on people, not the other way round: look its models up lazily.
    return apps.get_model("casework", model)


def _has_case(**filters: object) -> Q:
    return Q(Exists(_casework("Case").objects.filter(child=OuterRef("pk"), **filters)))


def _asked_for_advice(organisations: list[int]) -> Q:
    advice = _casework("AdviceRequest").objects.filter(
        case__child=OuterRef("pk"), organisation_id__in=organisations
    )
    return Q(Exists(advice))


def _senco_q(settings: list[int], today: dt.date) -> Q:
    on_roll = Enrolment.objects.filter(
        child=OuterRef("pk"), setting_id__in=settings, start__lte=today
    ).filter(Q(end__isnull=True) | Q(end__gte=today))
    named = _casework("Plan").objects.filter(
        case__child=OuterRef("pk"), named_setting_id__in=settings
    )
    return Q(Exists(on_roll)) | Q(Exists(named)) | _asked_for_advice(settings)


def _staff_q(user: User, today: dt.date) -> Q:
    query = Q(pk__in=[])
    if user.has_role(Role.SEN_MANAGER):
        query |= Q(local_authority_id__in=_org_ids(user, Role.SEN_MANAGER))
    if user.has_role(Role.CASEWORKER):
        query |= _has_case(caseworker=user)
    if user.has_role(Role.PANEL_MEMBER):
        query |= Q(local_authority_id__in=_org_ids(user, Role.PANEL_MEMBER)) & _has_case(
            stage__in=_PANEL_STAGES
        )
    if user.has_role(Role.SENCO):
        query |= _senco_q(_org_ids(user, Role.SENCO), today)
    # No ADVICE_GIVER clause: an adviser sees the advice requests addressed to them
    # (advice_addressed_q), never the case (ADR 0035).
    return query


def advice_addressed_q(user: User, prefix: str = "") -> Q:
    """The advice requests (casework.AdviceRequest, or a model reaching one through
    `prefix`) addressed to `user` as an advice giver: their organisation's and, when
    their membership names one, only that kind of advice (Reg 6(1): the authority
    seeks each kind of advice from those who give it). All an adviser may see of a
    child is reached through these (ADR 0035)."""
    query = Q(pk__in=[])
    memberships = user.memberships.filter(role=Role.ADVICE_GIVER)
    for organisation_id, service in memberships.values_list("organisation_id", "advice_service"):
        mine = Q(**{f"{prefix}organisation_id": organisation_id})
        if service:
            mine &= Q(**{f"{prefix}service": service})
        query |= mine
    return query


def standing_consents(today: dt.date) -> QuerySet[YoungPersonConsent]:
    """The young people's consents that stand today (CFA s80, Reg 17)."""
    return YoungPersonConsent.objects.filter(given_on__lte=today).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today)
    )


def _parent_q(user: User, today: dt.date) -> Q:
    holds_pr = FamilyMember.objects.filter(
        child=OuterRef("pk"), user=user, holds_parental_responsibility=True
    )
    consent = standing_consents(today).filter(child=OuterRef("pk"), family_member__user=user)
    # A child becomes a young person on the day after the end of compulsory school age,
    # so everyone born on or before this date is a young person today.
    is_child = Q(date_of_birth__gt=_born_after_for_child(today))
    return Q(Exists(holds_pr)) & (is_child | Q(Exists(consent)))


def family_members_told(child: Child, today: dt.date) -> QuerySet[FamilyMember]:
    """The family recorded for `child` who are told about the case: everyone while they
    are a child; once a young person (CFA s83(2)), only those whose access the young
    person's consent keeps (the same rule as _parent_q: CFA s80, Reg 17)."""
    members = FamilyMember.objects.filter(child=child).select_related("user")
    if child.date_of_birth > _born_after_for_child(today):
        return members
    consent = standing_consents(today).filter(family_member=OuterRef("pk"))
    return members.filter(Exists(consent))


def _born_after_for_child(today: dt.date) -> dt.date:
    """The latest date of birth of someone who is a young person on `today`."""
    # young_person_from is monotonic in the date of birth; search the year boundary.
    latest = dt.date(today.year - 16, 8, 31)
    while young_person_from(latest) > today:
        latest = dt.date(latest.year - 1, 8, 31)
    return latest


def visible_children_q(user: User, today: dt.date) -> Q:
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.kind == UserKind.PARENT:
        return _parent_q(user, today)
    if user.kind == UserKind.YOUNG_PERSON:
        return Q(young_person_user=user)
    return _staff_q(user, today)


def visible_children(user: User, today: dt.date) -> QuerySet[Child]:
    """Every child `user` may see today (each once: the relationships are EXISTS tests)."""
    return Child.objects.filter(visible_children_q(user, today))


# Building blocks for the named permissions in each app's rules.py (ADR 0016). People
# names no permission of its own: accounts are managed in the Django admin.


def is_staff_with(user: User, *roles: Role) -> bool:
    """Staff holding one of `roles` in some organisation."""
    return user.kind == UserKind.STAFF and user.has_role(*roles)


def is_staff(user: User) -> bool:
    return user.kind == UserKind.STAFF


def is_family(user: User) -> bool:
    """A parent or carer, or a young person."""
    return user.kind in (UserKind.PARENT, UserKind.YOUNG_PERSON)
