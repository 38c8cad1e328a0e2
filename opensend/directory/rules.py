"""Who may do what in the Local Offer's staff pages: each permission named once (ADR 0016).

The public Local Offer needs no permission. Providers edit their own organisation's
listings (editorial/models.py ProviderLink says which); directory editors edit every
listing and decide on every change (ADR 0014), triage feedback (ADR 0015) and import.
"""

from opensend.core.permissions import rule
from opensend.people.models import Role, User
from opensend.people.rules import is_staff_with


@rule("directory.edit_listing")
def edit_listing(user: User) -> bool:
    """Edit listings: a provider their organisation's, an editor all (the selectors)."""
    return is_staff_with(user, Role.PROVIDER, Role.DIRECTORY_EDITOR)


@rule("directory.edit_any_listing")
def edit_any_listing(user: User) -> bool:
    """Every listing of every organisation, with the editors' links on the pages."""
    return is_staff_with(user, Role.DIRECTORY_EDITOR)


@rule("directory.create_listing")
def create_listing(user: User) -> bool:
    return is_staff_with(user, Role.DIRECTORY_EDITOR)


@rule("directory.approve_revision")
def approve_revision(user: User) -> bool:
    """Approve or reject a change to a listing before it is published."""
    return is_staff_with(user, Role.DIRECTORY_EDITOR)


@rule("directory.review_stale_listings")
def review_stale_listings(user: User) -> bool:
    return is_staff_with(user, Role.DIRECTORY_EDITOR)


@rule("directory.import_listings")
def import_listings(user: User) -> bool:
    """Import listings from an ORUK feed or a CSV file (page and command)."""
    return is_staff_with(user, Role.DIRECTORY_EDITOR)


@rule("directory.triage_feedback")
def triage_feedback(user: User) -> bool:
    return is_staff_with(user, Role.DIRECTORY_EDITOR)


@rule("directory.view_searches_not_found")
def view_searches_not_found(user: User) -> bool:
    """The searches that found nothing, to improve the Local Offer."""
    return is_staff_with(user, Role.DIRECTORY_EDITOR)
