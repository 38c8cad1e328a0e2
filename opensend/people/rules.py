"""Who may see which child: one permission model, derived from relationships.

`visible_children(user, today)` is the single source for every list and every single
record, so a list can never show a child whose page would refuse the same user.

- caseworker: the children of cases allocated to them;
- SEN manager: every child of their local authority;
- panel member: children of their local authority whose case awaits or has a panel decision;
- SENCO (a school or setting): children on its roll today, or whose plan names it, or
  whose case asked it for advice;
- advice giver: children whose case asked their organisation for advice;
- parent or carer with parental responsibility: their child, and once the child is a
  young person (CFA s83(2)) only while the young person's consent stands (CFA s80, Reg 17);
- young person: their own record;
- analyst, directory editor, administrator: no child records (analysts see aggregates).
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from opensend.people.models import Child, Role, User, UserKind, YoungPersonConsent
from opensend.statutory.school_year import young_person_from


def _org_ids(user: User, *roles: str) -> list[int]:
    return list(user.memberships.filter(role__in=roles).values_list("organisation_id", flat=True))


def _staff_q(user: User, today: dt.date) -> Q:
    query = Q(pk__in=[])
    if user.has_role(Role.SEN_MANAGER):
        query |= Q(local_authority_id__in=_org_ids(user, Role.SEN_MANAGER))
    if user.has_role(Role.CASEWORKER):
        query |= Q(cases__caseworker=user)
    if user.has_role(Role.PANEL_MEMBER):
        query |= Q(
            local_authority_id__in=_org_ids(user, Role.PANEL_MEMBER),
            cases__stage__in=["requested", "assessing", "drafting"],
        )
    if user.has_role(Role.SENCO):
        settings = _org_ids(user, Role.SENCO)
        on_roll = Q(enrolments__setting_id__in=settings, enrolments__start__lte=today) & (
            Q(enrolments__end__isnull=True) | Q(enrolments__end__gte=today)
        )
        query |= on_roll | Q(cases__plan__named_setting_id__in=settings)
        query |= Q(cases__advice_requests__organisation_id__in=settings)
    if user.has_role(Role.ADVICE_GIVER):
        query |= Q(cases__advice_requests__organisation_id__in=_org_ids(user, Role.ADVICE_GIVER))
    return query


def _parent_q(user: User, today: dt.date) -> Q:
    consent = YoungPersonConsent.objects.filter(
        child=OuterRef("pk"),
        family_member__user=user,
        given_on__lte=today,
    ).filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today))
    # A child becomes a young person on the day after the end of compulsory school age,
    # so everyone born on or before this date is a young person today.
    child_if_born_after = _born_after_for_child(today)
    is_child = Q(date_of_birth__gt=child_if_born_after)
    return Q(family__user=user, family__holds_parental_responsibility=True) & (
        is_child | Q(Exists(consent))
    )


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
    """Every child `user` may see today. Distinct, because relationships can repeat."""
    return Child.objects.filter(
        pk__in=Child.objects.filter(visible_children_q(user, today)).values("pk")
    )


def can_edit_casework(user: User) -> bool:
    return user.is_authenticated and user.has_role(Role.CASEWORKER, Role.SEN_MANAGER)
