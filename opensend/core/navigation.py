"""The service navigation links a user sees, by the kind of user and their permissions.

Each item is what GOV.UK's service navigation component takes: {"href", "text",
"active"}. Sign out also has "method": "post", because signing out changes state and
must be a form (a plain link would let any other site sign the user out).
A link whose URL name does not exist yet is left out.
"""

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from opensend.core.permissions import has_perm

STAFF = "staff"
PARENT = "parent"
YOUNG_PERSON = "young_person"

# (URL name, link text, the permission that shows it: each app's rules.py), in order.
_STAFF_LINKS = [
    ("casework:queue", "Work queue", "casework.view_queue"),
    ("casework:search", "Find a child", "casework.search_children"),
    ("casework:team", "Team caseload", "casework.view_team_caseload"),
    ("casework:my_cases", "My cases", "casework.view_my_cases"),
    # Local Offer feedback (task: feedback)
    ("feedback:queue", "Local Offer feedback", "directory.triage_feedback"),
    # sen2 (issue 3, items 6-7)
    ("returns:index", "Returns", "measures.view_returns"),
    # measures dashboard (issue 3, dashboard task)
    ("measures:dashboard", "Measures", "measures.view_dashboard"),
    # the partnership's strategy and action plans (issue 12)
    ("strategy:strategies", "Strategy", "strategy.view_strategy"),
    # Local Offer editorial (issue 4)
    ("editorial:listings", "Local Offer listings", "directory.edit_listing"),
    ("editorial:queue", "Approvals", "directory.approve_revision"),
    # subject access and erasure requests (issue 13 item 3)
    ("dataprotection:requests", "Data protection", "dataprotection.handle_requests"),
]


def safe_reverse(name: str) -> str | None:
    """The URL for a route name, or None while that route does not exist."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _links(user: Any) -> list[tuple[str, str]]:
    if not user.is_authenticated:
        return [("core:sign_in", "Sign in")]
    links: list[tuple[str, str]] = []
    if user.kind == STAFF:
        links += [
            (name, text) for name, text, permission in _STAFF_LINKS if has_perm(user, permission)
        ]
    elif user.kind == PARENT:
        links.append(("family:home", "Your EHC plans"))
    elif user.kind == YOUNG_PERSON:
        links.append(("family:home", "Your EHC plan"))
    links.append(("core:sign_out", "Sign out"))
    return links


def landing_url(user: Any) -> str:
    """Where a user lands after signing in: the first place their navigation offers (a
    caseworker's work queue, a SENCO's cases, a parent's plans), else the start page."""
    for name, _ in _links(user):
        href = safe_reverse(name)
        if href is not None and name != "core:sign_out":
            return href
    return reverse("core:home")


def nav_items(request: HttpRequest) -> list[dict[str, Any]]:
    items = []
    for name, text in _links(request.user):
        href = safe_reverse(name)
        if href is None:
            continue
        item: dict[str, Any] = {"href": href, "text": text, "active": False}
        if name == "core:sign_out":
            item["method"] = "post"
        items.append(item)
    _mark_active(items, request.path)
    return items


def _mark_active(items: list[dict[str, Any]], path: str) -> None:
    """Only the link whose address is the longest start of the path is active, so
    /cases/search/ marks "Find a child", not also "Work queue" (/cases/)."""
    matching = [i for i in items if "method" not in i and path.startswith(i["href"])]
    if matching:
        max(matching, key=lambda i: len(i["href"]))["active"] = True
