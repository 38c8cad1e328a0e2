"""Who may do what in measures: each permission named once (ADR 0016).

Analysts see aggregates only, never a child's record (ADR 0007); the cases behind a
number and the statutory returns are for SEN managers.
"""

from opensend.core.permissions import rule
from opensend.people.models import Role, User
from opensend.people.rules import is_staff_with


@rule("measures.view_dashboard")
def view_dashboard(user: User) -> bool:
    """The local authority's dashboard, indicator pages, downloads and board reports."""
    return is_staff_with(user, Role.SEN_MANAGER, Role.ANALYST)


@rule("measures.view_drilldown")
def view_drilldown(user: User) -> bool:
    """The page listing the cases behind a number, and the links to it."""
    return is_staff_with(user, Role.SEN_MANAGER)


@rule("measures.list_cases_behind")
def list_cases_behind(user: User, local_authority_id: int | None = None) -> bool:
    """The drill-down engine's own check: casework staff of that local authority (each
    then sees only the cases of children they may see, people/rules.py)."""
    if not user.is_active:
        return False
    memberships = user.memberships.filter(role__in=(Role.SEN_MANAGER, Role.CASEWORKER))
    if local_authority_id is not None:
        memberships = memberships.filter(organisation_id=local_authority_id)
    return memberships.exists()


@rule("measures.view_returns")
def view_returns(user: User) -> bool:
    """The SEN2 return and the inspection lists 1 and 2."""
    return is_staff_with(user, Role.SEN_MANAGER)
