"""Demo accounts: staff with their memberships and authenticators, and family accounts.

Every account has the one demo password (hashed once: hashing is slow by design). Staff
get a confirmed TOTP device whose key is derived from the seed and their email, so that
`manage.py demo_code EMAIL` and the browser tests can compute the current code.
"""

import hashlib
import hmac
import math
import random

from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.nonprod.generator import names
from opensend.nonprod.generator.area import BATCH, Area, Persona
from opensend.nonprod.generator.mix import one_of
from opensend.people.models import AdviceService, Membership, Organisation, Role, User, UserKind


def totp_key(seed: int, email: str) -> str:
    """The demo TOTP secret (hex, 20 bytes): derived from the seed and the email, so
    `manage.py demo_code` and browser tests can compute the current code."""
    return hmac.new(
        f"opensend-demo-{seed}".encode(), email.lower().encode(), hashlib.sha1
    ).hexdigest()


class AccountBuilder:
    """Builds users in memory; save_staff() and the batches of children save them."""

    def __init__(self, rng: random.Random, *, children: int, seed: int, password: str) -> None:
        self.rng = rng
        self.children = children
        self.seed = seed
        self.password_hash = make_password(password)
        self.used_emails: set[str] = set()
        self.users: list[User] = []
        self.memberships: list[tuple[User, Organisation, str, str]] = []

    # -- users ----------------------------------------------------------------------------

    def email_for(self, name: str, *, domain: str = names.EMAIL_DOMAIN) -> str:
        local = names.email_local(name)
        email = f"{local}@{domain}"
        number = 1
        while email in self.used_emails:
            number += 1
            email = f"{local}{number}@{domain}"
        self.used_emails.add(email)
        return email

    def user(self, kind: str, *, name: str = "", email: str = "") -> User:
        name = name or names.adult_name(self.rng)
        if email:
            self.used_emails.add(email)
        user = User(
            email=email or self.email_for(name),
            full_name=name,
            kind=kind,
            password=self.password_hash,
        )
        self.users.append(user)
        return user

    def staff(self, org: Organisation, role: str, *, email: str = "", service: str = "") -> User:
        user = self.user(UserKind.STAFF, email=email)
        self.memberships.append((user, org, role, service))
        return user

    def staff_members(self, area: Area) -> None:
        la = area.la
        cases = self.children
        caseworkers = max(2, math.ceil(cases / 200))
        persona = area.personas
        for index in range(caseworkers):
            email = f"caseworker@{names.EMAIL_DOMAIN}" if index == 0 else ""
            user = self.staff(la, Role.CASEWORKER, email=email)
            area.caseworkers.append(user)
            # Part-time and full-time coordinators: caseloads from about 50 to 250.
            area.caseworker_weights.append(
                1.0 if index == 0 else one_of(self.rng, (0.3, 0.6, 0.8, 1.0, 1.0, 1.0, 1.2))
            )
        persona["caseworker"] = Persona(
            "EHC coordinator (caseworker)",
            area.caseworkers[0],
            "queue with overdue, due this week, waiting on advice",
        )
        for index in range(max(2, caseworkers // 8)):
            email = f"sen.manager@{names.EMAIL_DOMAIN}" if index == 0 else ""
            area.managers.append(self.staff(la, Role.SEN_MANAGER, email=email))
        persona["sen_manager"] = Persona("SEN manager", area.managers[0], "the whole area")
        panel = [
            ("education", "panel"),
            ("health", ""),
            ("social_care", ""),
            ("psychology", ""),
            ("forum", ""),
        ]
        for agency, handle in panel:
            email = f"{handle}@{names.EMAIL_DOMAIN}" if handle else ""
            member = self.staff(la, Role.PANEL_MEMBER, email=email)
            area.panel.append((agency, member.full_name))
            if handle:
                persona["panel_member"] = Persona("Panel member", member)
        self._advice_givers(area)
        for role, handle, label in (
            (Role.ANALYST, "analyst", "Analyst"),
            (Role.DIRECTORY_EDITOR, "directory", "Directory editor"),
            (Role.ADMINISTRATOR, "admin", "Administrator"),
            # Local Offer editorial (issue 4): a provider's account; an editor links it to
            # the directory organisations it may edit (ProviderLink).
            (Role.PROVIDER, "provider", "Local Offer provider"),
        ):
            user = self.staff(la, role, email=f"{handle}@{names.EMAIL_DOMAIN}")
            persona[role] = Persona(label, user)

    def _advice_givers(self, area: Area) -> None:
        givers = (
            (area.nhs_trust, AdviceService.HEALTH, "health.adviser", 3, "Advice giver (health)"),
            (
                area.social_care,
                AdviceService.SOCIAL_CARE,
                "social.worker",
                2,
                "Advice giver (social care)",
            ),
            (
                area.ep_service,
                AdviceService.PSYCHOLOGY,
                "ep",
                3,
                "Advice giver (educational psychologist)",
            ),
        )
        for org, service, handle, count, label in givers:
            for index in range(count):
                email = f"{handle}@{names.EMAIL_DOMAIN}" if index == 0 else ""
                user = self.staff(org, Role.ADVICE_GIVER, email=email, service=service)
                if index == 0:
                    area.personas[f"advice_{service}"] = Persona(label, user)
        dco = self.staff(area.icb, Role.ADVICE_GIVER, service=AdviceService.HEALTH,
                         email=f"dco@{names.EMAIL_DOMAIN}")
        area.panel[1] = ("health", dco.full_name)  # the designated clinical officer sits on panel
        # issue 11 item 2: the DCO also oversees the area's health advice, and a social
        # care lead its social care advice (opensend/advice, /advice/oversight/).
        self.memberships.append((dco, area.icb, Role.DCO, ""))
        area.personas["dco"] = Persona(
            "Designated Clinical Officer", dco, "health advice timeliness")
        lead = self.staff(area.social_care, Role.SOCIAL_CARE_LEAD,
                          email=f"social.care.lead@{names.EMAIL_DOMAIN}")
        area.personas["social_care_lead"] = Persona(
            "Social care lead", lead, "social care advice timeliness")

    def sencos(self, area: Area, demo_school: Organisation) -> None:
        schools = [demo_school] + [
            s
            for s in area.schools() + area.special
            if s is not demo_school and self.rng.random() < 0.35
        ]
        for index, school in enumerate(schools):
            email = f"senco@{names.EMAIL_DOMAIN}" if index == 0 else ""
            user = self.staff(school, Role.SENCO, email=email)
            if index == 0:
                area.personas["senco"] = Persona(f"SENCO at {school.name}", user)
        area.senco_schools = schools

    def save_staff(self, area: Area) -> None:
        User.objects.bulk_create(self.users, batch_size=BATCH)
        Membership.objects.bulk_create(
            [
                Membership(user=user, organisation=org, role=role, advice_service=service)
                for user, org, role, service in self.memberships
            ],
            batch_size=BATCH,
        )
        TOTPDevice.objects.bulk_create(
            [
                TOTPDevice(
                    user=user,
                    name="Demo authenticator",
                    confirmed=True,
                    key=totp_key(self.seed, user.email),
                )
                for user in self.users
                if user.kind == UserKind.STAFF
            ],
            batch_size=BATCH,
        )
        self.users = []
        self.memberships = []
