"""Invitations to make a family account (issue 11, item 1; docs/family-accounts.md).

The caseworker invites a person with parental responsibility, or the young person, from
the case. The emailed link carries a random token; only its SHA-256 is stored. It works
once and for 14 days (statutory.family_rights). Accepting it creates the account (or
links an existing family account) and sets FamilyMember.user or Child.young_person_user.
"""

import hashlib
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.notifications import Message, notification_create
from opensend.people.models import Child, FamilyInvitation, FamilyMember, User, UserKind
from opensend.statutory.family_rights import invitation_expires, invitation_usable

INVITATION_EVENT = "You are invited to make an account to follow the EHC needs assessment and plan"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_kind(invitation: FamilyInvitation) -> UserKind:
    return UserKind.PARENT if invitation.family_member_id else UserKind.YOUNG_PERSON


def invitation_send(
    *, child: Child, family_member: FamilyMember | None, email: str, invited_by: User,
    request: object = None,
) -> FamilyInvitation:
    """Record an invitation and email its link (through the one notification service)."""
    token = secrets.token_urlsafe(32)
    invitation = FamilyInvitation.objects.create(
        child=child,
        family_member=family_member,
        email=email.strip().lower(),
        token_hash=token_hash(token),
        expires_at=invitation_expires(timezone.now()),
        invited_by=invited_by,
    )
    notification_create(
        key=f"family-invitation:{invitation.pk}",
        recipients=[invitation.email],
        message=Message(
            child_first_name=child.preferred_name or child.legal_forename,
            event=INVITATION_EVENT,
            link=reverse("family:invitation", args=[token]),
            next_step="Choose a password within 14 days",
            next_step_due=timezone.localdate(invitation.expires_at),
        ),
        single_use_link=True,
    )
    audit(actor=invited_by, action=AuditAction.CREATE, obj=invitation, child_id=child.pk,
          why="family account invitation sent", request=request)
    return invitation


def invitation_open(token: str) -> FamilyInvitation | None:
    """The invitation this token opens, while it is unused and unexpired."""
    invitation = (
        FamilyInvitation.objects.select_related("child", "family_member")
        .filter(token_hash=token_hash(token)).first()
    )
    if invitation is None or not _usable(invitation):
        return None
    return invitation


def _usable(invitation: FamilyInvitation) -> bool:
    return invitation_usable(
        expires_at=invitation.expires_at, accepted_at=invitation.accepted_at, now=timezone.now()
    )


def invitation_account(invitation: FamilyInvitation) -> User | None:
    """The account already using the invited address, if any."""
    return User.objects.filter(email__iexact=invitation.email).first()


def invitation_accept(*, token: str, password: str | None, request: object = None) -> User | None:
    """Use the invitation once: create the account with `password` (or link the family
    account that has the address) and link it to the child. None when the token is
    unknown, used or expired, or the address belongs to another kind of account."""
    with transaction.atomic():
        invitation = (
            FamilyInvitation.objects.select_for_update(of=("self",))
            .select_related("child", "family_member").filter(token_hash=token_hash(token)).first()
        )
        if invitation is None or not _usable(invitation):
            return None
        user = _account_for(invitation, password)
        if user is None or not _link(invitation, user):
            return None
        invitation.accepted_at = timezone.now()
        invitation.user = user
        invitation.save(update_fields=["accepted_at", "user"])
        audit(actor=user, action=AuditAction.CHANGE, obj=invitation,
              child_id=invitation.child_id, why="family account invitation accepted",
              request=request)
        return user


def _account_for(invitation: FamilyInvitation, password: str | None) -> User | None:
    kind = invitation_kind(invitation)
    user = invitation_account(invitation)
    if user is None:
        if not password:
            return None
        name = invitation.family_member.name if invitation.family_member else (
            invitation.child.full_name)
        return User.objects.create_user(invitation.email, password, full_name=name, kind=kind)
    return user if user.kind == kind and user.is_active else None


def _link(invitation: FamilyInvitation, user: User) -> bool:
    member = invitation.family_member
    if member is not None:
        member.user = user
        member.save(update_fields=["user"])
        return True
    child = invitation.child
    if Child.objects.filter(young_person_user=user).exclude(pk=child.pk).exists():
        return False  # one young person, one own record
    child.young_person_user = user
    child.save(update_fields=["young_person_user"])
    return True
