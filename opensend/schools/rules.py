"""Who may do what in a school's pages: each permission named once (ADR 0016).

A SENCO acts only for the pupils on roll today at their own school or setting (the
school's side of Reg 20); which children they may see at all is people/rules.py.
"""

from opensend.casework.models import Case
from opensend.core.permissions import rule
from opensend.core.today import today
from opensend.people.models import Role, User
from opensend.people.rules import is_staff_with
from opensend.schools.selectors import pupils_on_roll_q


@rule("schools.view_pupils")
def view_pupils(user: User) -> bool:
    """The school's own pupils with an EHC plan or a request."""
    return is_staff_with(user, Role.SENCO)


@rule("schools.run_review")
def run_review(user: User, case: Case | None = None) -> bool:
    """Run the annual review of a pupil on the school's roll (Reg 20(1))."""
    if not is_staff_with(user, Role.SENCO):
        return False
    return case is None or pupils_on_roll_q(user, today()).filter(pk=case.child_id).exists()


@rule("schools.make_request")
def make_request(user: User) -> bool:
    """Ask the council for an EHC needs assessment of a pupil on the roll (CFA s36(1))."""
    return is_staff_with(user, Role.SENCO)
