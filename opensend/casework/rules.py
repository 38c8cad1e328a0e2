"""Who may do what in casework: each permission named once (ADR 0016).

Views check these names (core.permissions.permission_required), the case page asks them
which buttons to show, the navigation which links to list, and the route matrix test
(tests/core/test_routes.py) which roles may use each route. Which cases a user sees is
decided by relationships (people/rules.py visible_children); object-level permissions
below ask it about the case.
"""

from dataclasses import dataclass

from opensend.casework.models import Case
from opensend.casework.selectors import cases_visible
from opensend.core.permissions import rule
from opensend.core.today import today
from opensend.people.models import Role, User, UserKind
from opensend.people.rules import advice_addressed_q, is_family, is_staff, is_staff_with
from opensend.people.selectors import disclosure_basis_for, is_young_person
from opensend.statutory.disclosure import Basis, ConsentScope

# EHC coordinators and SEN managers record the statutory steps (SEND Regulations 2014,
# Part 2: requests, assessment, advice, plans; Reg 18-21 reviews; Reg 29-31 ceasing).
CASEWORK_STAFF = (Role.CASEWORKER, Role.SEN_MANAGER)


def _sees_case(user: User, case: Case) -> bool:
    return cases_visible(user, today()).filter(pk=case.pk).exists()


@rule("casework.view_queue")
def view_queue(user: User) -> bool:
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("casework.search_children")
def search_children(user: User) -> bool:
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("casework.view_team_caseload")
def view_team_caseload(user: User) -> bool:
    """The whole team's caseload and work queue (with whose case each step is)."""
    return is_staff_with(user, Role.SEN_MANAGER)


@rule("casework.view_my_cases")
def view_my_cases(user: User) -> bool:
    """ "My cases": an EHC coordinator's allocated cases, and the cases other staff see
    through a relationship (the school, the panel); for an adviser, the advice they have
    been asked for, each linking to the advice request, never to the case (ADR 0035)."""
    return is_staff_with(user, Role.CASEWORKER, Role.SENCO, Role.ADVICE_GIVER, Role.PANEL_MEMBER)


@rule("casework.view_outstanding_advice")
def view_outstanding_advice(user: User) -> bool:
    """Advice requests waiting on the user's organisation (Reg 8: 6 weeks)."""
    return is_staff_with(user, Role.ADVICE_GIVER)


@rule("casework.view_case")
def view_case(user: User, case: Case | None = None) -> bool:
    """Staff, on a case whose child they may see (people/rules.py)."""
    return is_staff(user) and (case is None or _sees_case(user, case))


@rule("casework.record_request")
def record_request(user: User) -> bool:
    """Record a new request for an EHC needs assessment (Reg 3)."""
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("casework.change_case")
def change_case(user: User) -> bool:
    """Record a step on a case: panel decision, advice, exceptions, plans, reviews,
    ceasing, mediation and tribunal."""
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("casework.correct_event")
def correct_event(user: User) -> bool:
    """Withdraw or correct an event recorded in error (a new, user-attributed event with
    its reason; the original stays in the history)."""
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("casework.change_child_record")
def change_child_record(user: User) -> bool:
    """Change a child's details (identifiers, ethnicity, sex, needs) and the people with
    parental responsibility: the SEN team that keeps the record the SEN2 return is made
    from (issue 9)."""
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("casework.allocate_case")
def allocate_case(user: User) -> bool:
    """Choose the case's EHC coordinator."""
    return is_staff_with(user, Role.SEN_MANAGER)


@rule("casework.download_plan")
def download_plan(user: User, case: Case | None = None) -> bool:
    """A plan, or a decision letter sent, as PDF or Word: staff, or the family, on a case
    they may see (families: issued versions only, Reg 17; the selector decides)."""
    return (is_staff(user) or is_family(user)) and (case is None or _sees_case(user, case))


@rule("casework.view_family_plans")
def view_family_plans(user: User) -> bool:
    """A parent or carer, or a young person, sees where their plan stands."""
    return is_family(user)


@rule("casework.download_advice_file")
def download_advice_file(user: User, case: Case | None = None) -> bool:
    """A file sent with an advice request or received with the advice (Reg 6-8): staff
    on a case they may see, as they see the advice summaries on the case page, and the
    advisers the case asked (their own request's files only: the selector narrows to the
    file, and audits each download; ADR 0035)."""
    return is_staff(user) and (case is None or _sees_case(user, case) or _asked(user, case))


def _asked(user: User, case: Case) -> bool:
    return case.advice_requests.filter(advice_addressed_q(user)).exists()


# --- consent and Reg 17 (issue 13, finding 5) ------------------------------------------

# The local authority's own SEN team writes the drafts (Reg 11-13): reading them is not a
# disclosure. Everyone else on the case is another organisation (a school, the NHS,
# social care, the EP service), to whom a young person's drafts are disclosed only with
# their consent or on a Reg 17(1) ground.
AUTHORITY_TEAM = (Role.CASEWORKER, Role.SEN_MANAGER, Role.PANEL_MEMBER)


@dataclass(frozen=True)
class UnissuedAccess:
    allowed: bool
    basis: Basis | None = None  # the consent or ground relied on, when there was one
    in_authority_team: bool = False


def _in_authority_team(user: User, case: Case) -> bool:
    return user.memberships.filter(
        organisation_id=case.local_authority_id, role__in=AUTHORITY_TEAM
    ).exists()


def unissued_documents_access(user: User, case: Case) -> UnissuedAccess:
    """Whether `user` (staff who may see the case) may open its unissued documents, and
    on what basis. Read afresh on every call, so a withdrawal applies at the next
    request (SEND Regulations 2014 reg 17(1); CFA 2014 s80)."""
    if _in_authority_team(user, case):
        return UnissuedAccess(allowed=True, in_authority_team=True)
    child = case.child
    if not is_young_person(child, today()):
        # The finding, and this check, concern young persons (CFA 2014 s80). For a child
        # the same rule would read the parent's consent, which is not recorded yet
        # (ADR 0023: the families issue records it first).
        return UnissuedAccess(allowed=True)
    organisations = user.memberships.values_list("organisation_id", flat=True)
    basis = disclosure_basis_for(
        child=child,
        scope=ConsentScope.UNISSUED_DOCUMENTS,
        organisation_ids=list(organisations),
        today=today(),
    )
    return UnissuedAccess(allowed=basis.allowed, basis=basis)


@rule("casework.see_unissued_documents")
def see_unissued_documents(user: User, case: Case | None = None) -> bool:
    """Drafts and working copies before issue: the authority's SEN team; other staff on
    the case only with the young person's consent or a recorded Reg 17 ground for their
    organisation."""
    if not is_staff(user):
        return False
    return case is None or (
        _sees_case(user, case) and unissued_documents_access(user, case).allowed
    )


@rule("casework.record_consent")
def record_consent(user: User, case: Case | None = None) -> bool:
    """Record a consent given or withdrawn, or a Reg 17 ground: the SEN team."""
    return is_staff_with(user, *CASEWORK_STAFF) and (case is None or _sees_case(user, case))


# --- sharing outside the case: consulting a setting (issue 11, item 6; ADR 0030) ------


@rule("casework.consult_setting")
def consult_setting(user: User, case: Case | None = None) -> bool:
    """Send the draft plan to a school or college before naming it (CFA 2014 s39(2)):
    the SEN team, on a case they may see. The service asks for the consent."""
    return is_staff_with(user, *CASEWORK_STAFF) and (case is None or _sees_case(user, case))


@rule("casework.answer_consultation")
def answer_consultation(user: User) -> bool:
    """A SENCO sees the consultations sent to their setting and answers them; which ones,
    and only while the family's consent stands, is casework/sharing_selectors.py's."""
    return is_staff_with(user, Role.SENCO)


# --- family accounts (issue 11, item 1) ---------------------------------------------------


@rule("casework.decide_parent_access")
def decide_parent_access(user: User) -> bool:
    """A young person decides which parent keeps seeing their own record (CFA s80, s83(2);
    Reg 17). The page is always about the signed-in young person's own record."""
    return user.kind == UserKind.YOUNG_PERSON
