"""Core's named permissions (ADR 0016)."""

from typing import Any

from opensend.core.permissions import rule


@rule("core.choose_notifications")
def choose_notifications(user: Any, obj: object = None) -> bool:
    """Anyone signed in with an email address chooses how they are told (issue 11,
    item 4): immediately or in a daily digest."""
    return bool(getattr(user, "is_active", False) and getattr(user, "email", ""))
