"""The core jobs, for Procrastinate's autodiscovery (it imports each app's tasks.py)."""

from opensend.core.jobs import notification_digests, notification_send

__all__ = ["notification_digests", "notification_send"]
