"""Reads for family accounts and the family's pages (issue 11, item 1). Each takes a case
from case_get (already scoped to the user and audited) or the signed-in user."""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from opensend.casework.issued_documents import IssuedDocument
from opensend.casework.models import Case
from opensend.people.models import Child, FamilyInvitation, FamilyMember, User
from opensend.statutory.family_rights import RightsHolder, rights_holder
from opensend.statutory.school_year import young_person_from


@dataclass(frozen=True)
class FamilyAccounts:
    """What the caseworker's case page says about the family's accounts."""

    young_person_since: dt.date | None  # set once the rights are the young person's
    young_person_has_account: bool
    invited_young_person_on: dt.date | None
    members: list["MemberAccount"]


@dataclass(frozen=True)
class MemberAccount:
    pk: int
    name: str
    has_account: bool
    invited_on: dt.date | None


def _open_invitations(child: Child) -> list[FamilyInvitation]:
    return list(
        FamilyInvitation.objects.filter(
            child=child, accepted_at__isnull=True, expires_at__gt=timezone.now()
        ).order_by("created_at")
    )


def family_accounts(case: Case, today: dt.date) -> FamilyAccounts:
    child = case.child
    invitations = _open_invitations(child)
    invited = {i.family_member_id: timezone.localdate(i.created_at) for i in invitations}
    members = FamilyMember.objects.filter(child=child, holds_parental_responsibility=True)
    is_young_person = rights_holder(child.date_of_birth, today) == RightsHolder.YOUNG_PERSON
    return FamilyAccounts(
        young_person_since=young_person_from(child.date_of_birth) if is_young_person else None,
        young_person_has_account=child.young_person_user_id is not None,
        invited_young_person_on=invited.get(None),
        members=[
            MemberAccount(pk=m.pk, name=m.name, has_account=m.user_id is not None,
                          invited_on=invited.get(m.pk))
            for m in members.order_by("name", "pk")
        ],
    )


def invitable_member(case: Case, member_id: int) -> FamilyMember:
    """A person with parental responsibility for the case's child, or 404."""
    member = FamilyMember.objects.filter(
        pk=member_id, child=case.child_id, holds_parental_responsibility=True
    ).first()
    if member is None:
        raise Http404
    return member


def case_documents(case: Case) -> list[IssuedDocument]:
    """Every document sent to the family on the case, newest first, without its bytes
    (`case` from case_get: the family may see it). Only issued documents are here, so a
    young person's drafts reach no one they did not consent to (Reg 17)."""
    documents = IssuedDocument.objects.filter(case=case).defer("pdf", "docx")
    return list(documents.order_by("-issued_on", "-pk"))


def own_record_of(user: User) -> Child | None:
    return Child.objects.filter(young_person_user=user).first()
