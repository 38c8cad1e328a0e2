"""Where notifications go: Django's email backend, or GOV.UK Notify
(settings.NOTIFICATIONS_BACKEND = "email" or "notify")."""

from collections.abc import Sequence
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from notifications_python_client.notifications import NotificationsAPIClient

from opensend.core.notifications import words
from opensend.core.notifications.models import Notification


class Backend(Protocol):
    name: str

    def send(self, notification: Notification) -> str: ...

    def send_digest(self, recipient: str, notifications: Sequence[Notification]) -> str: ...


class EmailBackend:
    """Django's mail backend (settings.MAILERS): SMTP in production."""

    name = "email"

    def send(self, notification: Notification) -> str:
        EmailMessage(
            words.subject(notification), words.body(notification), to=[notification.recipient]
        ).send()
        return ""

    def send_digest(self, recipient: str, notifications: Sequence[Notification]) -> str:
        message = EmailMessage(
            words.digest_subject(len(notifications)),
            words.digest_body(notifications),
            to=[recipient],
        )
        message.send()
        return ""


class NotifyBackend:
    """GOV.UK Notify through its official client; returns Notify's id for the message."""

    name = "notify"

    def __init__(self) -> None:
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL
        )

    def send(self, notification: Notification) -> str:
        response = self.client.send_email_notification(
            email_address=notification.recipient,
            template_id=settings.NOTIFY_TEMPLATE_ID,
            personalisation=words.personalisation(notification),
            reference=f"opensend-notification-{notification.pk}",
        )
        return str(response.get("id", ""))

    def send_digest(self, recipient: str, notifications: Sequence[Notification]) -> str:
        response = self.client.send_email_notification(
            email_address=recipient,
            template_id=settings.NOTIFY_DIGEST_TEMPLATE_ID,
            personalisation={"changes": [words.digest_line(n) for n in notifications]},
            reference=f"opensend-digest-{notifications[0].pk}",
        )
        return str(response.get("id", ""))


def backend() -> Backend:
    if settings.NOTIFICATIONS_BACKEND == "notify":
        return NotifyBackend()
    return EmailBackend()
