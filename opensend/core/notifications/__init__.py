"""The one notification service (issue 11, item 4; docs/notifications.md)."""

from opensend.core.notifications.service import (
    Message,
    digest_deliver,
    digest_recipients,
    notification_create,
    notification_deliver,
    preference_of,
    preference_set,
)

__all__ = [
    "Message",
    "digest_deliver",
    "digest_recipients",
    "notification_create",
    "notification_deliver",
    "preference_of",
    "preference_set",
]
