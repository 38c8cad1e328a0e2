"""The words of a notification: the child's first name, what changed, what happens next
and by when, and a link. Nothing else: a shared inbox or a lock screen may show them,
so no health details, no surname, no needs (issue 11, item 4)."""

from collections.abc import Sequence

from django.conf import settings

from opensend.core.formatting import govuk_date
from opensend.core.notifications.models import Notification

FOOTER = (
    "Sign in to see the details. This email has no personal details in it on purpose.\n"
    "Please do not reply to this email: contact the SEND team instead.\n"
)


def absolute(link: str) -> str:
    return link if link.startswith(("http://", "https://")) else settings.SITE_URL + link


def next_step_text(notification: Notification) -> str:
    if not notification.next_step:
        return ""
    if notification.next_step_due is None:
        return notification.next_step
    return f"{notification.next_step} by {govuk_date(notification.next_step_due)}"


def subject(notification: Notification) -> str:
    if not notification.child_first_name:  # about the person's account, not a child
        return notification.event
    return f"{notification.child_first_name}: {notification.event}"


def body(notification: Notification) -> str:
    about = f" for {notification.child_first_name}" if notification.child_first_name else ""
    lines = [f"{notification.event}{about}.", ""]
    step = next_step_text(notification)
    if step:
        lines += [f"What happens next: {step}.", ""]
    lines += [absolute(notification.link), "", FOOTER]
    return "\n".join(lines)


def personalisation(notification: Notification) -> dict[str, str]:
    """The fields of the GOV.UK Notify template (settings.NOTIFY_TEMPLATE_ID)."""
    return {
        "child_first_name": notification.child_first_name,
        "event": notification.event,
        "next_step": next_step_text(notification) or "Nothing for you to do now",
        "link": absolute(notification.link),
    }


def digest_line(notification: Notification) -> str:
    step = next_step_text(notification)
    then = f" Next: {step}." if step else ""
    link = absolute(notification.link)
    return f"{notification.child_first_name}: {notification.event}.{then} {link}"


def digest_subject(count: int) -> str:
    return f"OpenSEND: {count} change{'s' if count != 1 else ''} today"


def digest_body(notifications: Sequence[Notification]) -> str:
    items = "\n\n".join(f"- {digest_line(n)}" for n in notifications)
    return f"What changed today in the cases you are part of:\n\n{items}\n\n{FOOTER}"
