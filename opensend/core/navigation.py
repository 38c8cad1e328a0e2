"""The service navigation links a user sees, by the kind of user and their roles.

Each item is what GOV.UK's service navigation component takes: {"href", "text",
"active"}. Sign out also has "method": "post", because signing out changes state and
must be a form (a plain link would let any other site sign the user out).
A link whose URL name does not exist yet is left out.
"""

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

STAFF = "staff"
PARENT = "parent"
YOUNG_PERSON = "young_person"

# (URL name, link text, roles that see it) for staff users, in the order shown.
_STAFF_LINKS = [
    ("casework:queue", "Work queue", {"caseworker", "sen_manager"}),
    ("casework:search", "Find a child", {"caseworker", "sen_manager"}),
    ("casework:team", "Team caseload", {"sen_manager"}),
    ("casework:my_cases", "Cases", {"advice_giver", "senco", "panel_member"}),
    # Local Offer feedback (task: feedback)
    ("feedback:queue", "Local Offer feedback", {"directory_editor"}),
    # sen2 (issue 3, items 6-7)
    ("returns:index", "Returns", {"sen_manager"}),
    # measures dashboard (issue 3, dashboard task)
    ("measures:dashboard", "Measures", {"sen_manager", "analyst"}),
    # Local Offer editorial (issue 4)
    ("editorial:listings", "Local Offer listings", {"provider", "directory_editor"}),
    ("editorial:queue", "Approvals", {"directory_editor"}),
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
            (name, text)
            for name, text, roles in _STAFF_LINKS
            if any(user.has_role(role) for role in roles)
        ]
    elif user.kind == PARENT:
        links.append(("family:home", "Your EHC plans"))
    elif user.kind == YOUNG_PERSON:
        links.append(("family:home", "Your EHC plan"))
    links.append(("core:sign_out", "Sign out"))
    return links


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
