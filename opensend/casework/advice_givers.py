"""Who may give each kind of advice for an EHC needs assessment (Reg 6(1)).

The request form lists, for each kind of advice, only the organisations that can give
it (a school for educational advice, never for medical advice), and the service refuses
any other pairing, so a form posted by hand cannot record one either.
"""

from django.db.models import Q, QuerySet

from opensend.casework.models import Case
from opensend.people.models import AdviceService, Organisation, OrganisationKind

_K = OrganisationKind
# Reg 6(1)(b) educational advice (a head teacher, principal or the setting), (c) medical
# advice (health care professionals), (d) psychological advice (an educational
# psychologist), (e) social care advice (the LA's social care functions), and (f) advice
# from anyone else the LA thinks appropriate: "other" may come from any organisation.
ADVICE_GIVERS: dict[str, tuple[str, ...]] = {
    AdviceService.EDUCATION: (_K.SCHOOL, _K.EARLY_YEARS, _K.COLLEGE, _K.LOCAL_AUTHORITY),
    AdviceService.HEALTH: (_K.NHS_TRUST, _K.ICB),
    AdviceService.SOCIAL_CARE: (_K.SOCIAL_CARE, _K.LOCAL_AUTHORITY),
    AdviceService.PSYCHOLOGY: (_K.EP_SERVICE, _K.LOCAL_AUTHORITY),
    AdviceService.OTHER: tuple(k.value for k in OrganisationKind if k != _K.PARENT_CARER_FORUM),
}


def can_give(organisation: Organisation, service: str) -> bool:
    return organisation.kind in ADVICE_GIVERS.get(service, ())


def advice_givers(case: Case, service: str) -> QuerySet[Organisation]:
    """Organisations in the case's local authority area that can give `service` advice."""
    area = case.local_authority_id
    return Organisation.objects.filter(
        Q(pk=area) | Q(local_authority_id=area), kind__in=ADVICE_GIVERS[service]
    ).order_by("name")
