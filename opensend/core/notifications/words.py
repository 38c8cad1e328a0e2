"""The words of a notification: the child's first name (or the subject of a message about
no child, ADR 0033), what changed, what happens next
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


def about(notification: Notification) -> str:
    """Whom or what it is about: the child's first name, or the subject of a message about
    no child ("Action 1.1", "Your account"); empty only for notifications stored before
    subjects (ADR 0033)."""
    return notification.child_first_name or notification.subject


def subject(notification: Notification) -> str:
    named = about(notification)
    return f"{named}: {notification.event}" if named else notification.event


def summary(notification: Notification) -> str:
    """The first line: "<event> for Tom." about a child, "Action 1.1: <event>." otherwise."""
    if notification.child_first_name:
        return f"{notification.event} for {notification.child_first_name}."
    return f"{subject(notification)}."


def body(notification: Notification) -> str:
    lines = [summary(notification), ""]
    step = next_step_text(notification)
    if step:
        lines += [f"What happens next: {step}.", ""]
    lines += [absolute(notification.link), "", FOOTER]
    return "\n".join(lines)


def personalisation(notification: Notification) -> dict[str, str]:
    """The fields of the GOV.UK Notify template (settings.NOTIFY_TEMPLATE_ID): its subject
    line is ((subject)) and its first line ((summary)), so a message about no child never
    shows an empty name (ADR 0033)."""
    return {
        "subject": subject(notification),
        "summary": summary(notification),
        "next_step": next_step_text(notification) or "Nothing for you to do now",
        "link": absolute(notification.link),
    }


def digest_line(notification: Notification) -> str:
    step = next_step_text(notification)
    then = f" Next: {step}." if step else ""
    link = absolute(notification.link)
    return f"{subject(notification)}.{then} {link}"


def digest_subject(count: int) -> str:
    return f"OpenSEND: {count} change{'s' if count != 1 else ''} today"


def digest_body(notifications: Sequence[Notification]) -> str:
    items = "\n\n".join(f"- {digest_line(n)}" for n in notifications)
    return f"What changed today in the cases you are part of:\n\n{items}\n\n{FOOTER}"
