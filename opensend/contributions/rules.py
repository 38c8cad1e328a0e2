"""Who may contribute what (ADR 0016). Which child or case a family member reaches is
decided by people/rules.py visible_children, through the selectors here: a parent only
for a child they hold parental responsibility for (and, once the child is a young
person, only while the young person's consent stands); a young person for their own
record."""

from opensend.casework.rules import CASEWORK_STAFF
from opensend.core.permissions import rule
from opensend.people.models import User
from opensend.people.rules import is_family, is_staff_with


@rule("contributions.request_assessment")
def request_assessment(user: User) -> bool:
    """A parent or young person asks for an EHC needs assessment (CFA 2014 s36(1))."""
    return is_family(user)


@rule("contributions.comment_on_draft")
def comment_on_draft(user: User) -> bool:
    """Comment on a draft plan, ask for a meeting, name a preferred school or college
    (Reg 13(1), CFA 2014 s38(2)(b)); the selector decides which case."""
    return is_family(user)


@rule("contributions.download_request_file")
def download_request_file(user: User) -> bool:
    """A file the family sent with their request: the family, or casework staff, on a
    case they may see (the selector decides and audits)."""
    return is_family(user) or is_staff_with(user, *CASEWORK_STAFF)


@rule("contributions.edit_all_about_me")
def edit_all_about_me(user: User) -> bool:
    """The family writes the child's or young person's "All about me" (Section A); the
    selector decides which child."""
    return is_family(user)


@rule("contributions.use_all_about_me")
def use_all_about_me(user: User) -> bool:
    """Casework staff copy "All about me" into the plan's Section A, on a case they may
    see (casework's action_case decides)."""
    return is_staff_with(user, *CASEWORK_STAFF)


@rule("contributions.download_all_about_me_file")
def download_all_about_me_file(user: User) -> bool:
    """A picture or recording in "All about me": the family, or casework staff who may
    see the child (the selector decides and audits)."""
    return is_family(user) or is_staff_with(user, *CASEWORK_STAFF)
