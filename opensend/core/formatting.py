"""Dates and times as GOV.UK writes them, for templates (the Jinja2 filters of the same
names, opensend/config/jinja2.py) and for documents and messages built in Python.

GOV.UK style: https://www.gov.uk/guidance/style-guide/a-to-z#dates and #times.
"""

from datetime import date, datetime

from django.utils import timezone


def govuk_date(value: date | None) -> str:
    """3 March 2026 (GOV.UK style: no leading zero, full month)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def govuk_time(value: datetime) -> str:
    """9am, 2:15pm, midday, midnight (GOV.UK style)."""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def govuk_datetime(value: datetime | None) -> str:
    """3 March 2026 at 2:15pm, in the local time zone."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{govuk_date(value)} at {govuk_time(value)}"
