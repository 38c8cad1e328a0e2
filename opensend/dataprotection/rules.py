"""Who may handle requests under the data subject's rights (ADR 0016).

The SEN manager answers for the local authority's SEND records: they see every child of
their area (people/rules.py), so they may log a request about any of those children or
their family, export what is held and record the answer. Which requests a user sees is
decided by the request's child (selectors.py), so another area's requests are a 404.
"""

from opensend.core.permissions import rule
from opensend.people.models import Role, User
from opensend.people.rules import is_staff_with


@rule("dataprotection.handle_requests")
def handle_requests(user: User) -> bool:
    """Log subject access (UK GDPR Art. 15) and erasure (Art. 17) requests, export what is
    held, and record the answers."""
    return is_staff_with(user, Role.SEN_MANAGER)
