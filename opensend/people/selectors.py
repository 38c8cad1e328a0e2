"""Reads in people that other apps need: the consent and Reg 17 grounds on a record.

Callers have already checked that the user may see the child (people/rules.py): these
answer "on what basis may this be disclosed", not "may this user see the child".
"""

import datetime as dt
from collections.abc import Iterable

from opensend.people.models import Child, Consent
from opensend.statutory.disclosure import Basis, ConsentScope, DisclosureDecision, disclosure_basis
from opensend.statutory.school_year import young_person_from


def is_young_person(child: Child, today: dt.date) -> bool:
    """From the day after the end of compulsory school age (CFA 2014 s83(2))."""
    return young_person_from(child.date_of_birth) <= today


def consent_decisions(child: Child) -> list[DisclosureDecision]:
    """Every decision recorded on the child, read afresh: a withdrawal recorded a moment
    ago applies to this request (nothing is cached between requests)."""
    return [row.as_decision() for row in Consent.objects.filter(child=child).order_by("pk")]


def disclosure_basis_for(
    *, child: Child, scope: ConsentScope, organisation_ids: Iterable[int], today: dt.date
) -> Basis:
    """The first basis (consent or Reg 17 ground) that lets any of the organisations
    receive `scope` of the child's record; an empty Basis when none does."""
    decisions = consent_decisions(child)
    young_person = is_young_person(child, today)
    for organisation_id in organisation_ids:
        basis = disclosure_basis(
            decisions, scope=scope, organisation_id=organisation_id, is_young_person=young_person
        )
        if basis.allowed:
            return basis
    return Basis()


def consent_history(child: Child) -> list[Consent]:
    """The decisions on the child's record, newest first, for the consent page."""
    return list(
        Consent.objects.filter(child=child)
        .select_related("organisation", "family_member", "recorded_by")
        .order_by("-recorded_at", "-pk")
    )
