"""Who may do what with the partnership's plans: each permission named once (ADR 0016,
ADR 0031).

- SEN managers write the plans (the partnership lead's work sits with them today; no new
  role: a board member who is not an SEN manager reads, and the board's decisions are
  recorded by the lead).
- The partnership's staff read them: the council's SEN team (managers, caseworkers,
  panel members, analysts) and partners' staff (SENCOs, advice givers in health, care and
  educational psychology), of the local authority or of an organisation in its area.
  Local Offer editors and providers, and administrators, do not: it is not their work.
- An action's owner (Action.owner_user) posts progress updates on their own action.
- A plan's public page (strategy/publication, ADR 0034) needs no permission: anyone may
  read an adopted plan a lead has published; everything else of a plan is staff-only.
Which strategies a user sees at all is decided by strategy/selectors.py (their area's).
"""

from opensend.core.permissions import rule
from opensend.people.models import Role, User
from opensend.people.rules import is_staff, is_staff_with
from opensend.strategy.models import Action

READERS = (
    Role.SEN_MANAGER,
    Role.CASEWORKER,
    Role.PANEL_MEMBER,
    Role.ANALYST,
    Role.SENCO,
    Role.ADVICE_GIVER,
)


@rule("strategy.view_strategy")
def view_strategy(user: User) -> bool:
    """The list of plans, a plan on one page, its actions and success measures."""
    return is_staff_with(user, *READERS)


@rule("strategy.edit_strategy")
def edit_strategy(user: User) -> bool:
    """Create and change plans, priorities, actions, milestones and success measures."""
    return is_staff_with(user, Role.SEN_MANAGER)


@rule("strategy.publish_strategy")
def publish_strategy(user: User) -> bool:
    """Publish an adopted plan on the public site, after confirming its co-production
    evidence, and take it down again: the plan's leads (ADR 0034)."""
    return edit_strategy(user)


@rule("strategy.report_progress")
def report_progress(user: User, action: Action | None = None) -> bool:
    """Post a progress update: the plan's editors on any action, an owner on their own.
    Without an action: may this user post updates at all (editors, or owners of some)."""
    if edit_strategy(user):
        return True
    if action is None:
        return is_staff(user) and user.strategy_actions.exists()
    return is_staff(user) and action.owner_user_id == user.pk
