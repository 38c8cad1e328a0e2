"""Who may do what in casework: each permission named once (ADR 0016).

Views check these names (core.permissions.permission_required), the case page asks them
which buttons to show, the navigation which links to list, and the route matrix test
(tests/core/test_routes.py) which roles may use each route. Which cases a user sees is
decided by relationships (people/rules.py visible_children); object-level permissions
below ask it about the case.
"""

from opensend.casework.models import Case
from opensend.casework.selectors import cases_visible
from opensend.core.permissions import rule
from opensend.core.today import today
from opensend.people.models import Role, User
from opensend.people.rules import is_family, is_staff, is_staff_with

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
    """Staff who see cases through a relationship: the school, advice, the panel."""
    return is_staff_with(user, Role.SENCO, Role.ADVICE_GIVER, Role.PANEL_MEMBER)


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


@rule("casework.allocate_case")
def allocate_case(user: User) -> bool:
    """Choose the case's EHC coordinator."""
    return is_staff_with(user, Role.SEN_MANAGER)


@rule("casework.download_plan")
def download_plan(user: User, case: Case | None = None) -> bool:
    """A plan as PDF or Word: staff, or the family, on a case they may see (families:
    issued versions only, Reg 17; the selector decides)."""
    return (is_staff(user) or is_family(user)) and (case is None or _sees_case(user, case))


@rule("casework.view_family_plans")
def view_family_plans(user: User) -> bool:
    """A parent or carer, or a young person, sees where their plan stands."""
    return is_family(user)
