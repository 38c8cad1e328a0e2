"""Who may do what with advice as the adviser gives it (ADR 0016; issue 11, item 2).

An advice request is the business of the organisation it was addressed to: its advice
givers for that kind of advice (a membership with no advice_service gives any kind).
Nobody else sees the adviser's page of a request, not even another adviser of the same
case. Oversight of timeliness is for the DCO (health) and the social care lead.
"""

from django.db.models import Q

from opensend.casework.models import AdviceRequest
from opensend.core.permissions import rule
from opensend.people.models import AdviceService, Role, User
from opensend.people.rules import advice_addressed_q, is_staff_with

# Which kind of advice each oversight role sees (CoP 3.45-3.51).
OVERSIGHT_SERVICES: dict[str, str] = {
    Role.DCO: AdviceService.HEALTH,
    Role.SOCIAL_CARE_LEAD: AdviceService.SOCIAL_CARE,
}


def addressed_to_q(user: User, prefix: str = "") -> Q:
    """The advice requests addressed to `user` as an advice giver: people/rules.py
    decides (the one permission source, ADR 0035)."""
    return advice_addressed_q(user, prefix)


@rule("advice.view_queue")
def view_queue(user: User) -> bool:
    return is_staff_with(user, Role.ADVICE_GIVER)


@rule("advice.give_advice")
def give_advice(user: User, advice: AdviceRequest | None = None) -> bool:
    """Read what the advice needs and submit the advice: the advice givers of the
    organisation the request was addressed to, while the request exists."""
    if not is_staff_with(user, Role.ADVICE_GIVER):
        return False
    if advice is None:
        return True
    return AdviceRequest.objects.filter(addressed_to_q(user), pk=advice.pk).exists()


@rule("advice.view_oversight")
def view_oversight(user: User) -> bool:
    """The timeliness of the area's health (DCO) or social care advice."""
    return is_staff_with(user, *OVERSIGHT_SERVICES)
