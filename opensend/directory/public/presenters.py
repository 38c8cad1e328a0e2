"""How the public pages word things: ages, distances, costs, needs, days, pages."""

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from opensend.directory import models as m
from opensend.directory.public import needs
from opensend.directory.public.forms import DAYS

DAY_NAMES = dict(DAYS)
DELIVERY_NAMES = {"in_person": "in person", "online": "online", "phone": "by phone"}


def ages(minimum: int | None, maximum: int | None) -> str:
    if minimum is None and maximum is None:
        return "Any age"
    if minimum is None:
        return f"Up to {maximum} years old"
    if maximum is None:
        return f"{minimum} years and over"
    return f"{minimum} to {maximum} years old"


def miles(distance: float | None) -> str:
    if distance is None:
        return ""
    if distance < 0.1:
        return "less than 0.1 miles"
    return f"{distance:.1f} miles" if round(distance, 1) != 1 else "1 mile"


def plain_needs(codes: Iterable[str]) -> list[str]:
    return [needs.plain_need(code) for code in codes]


def delivery(values: Iterable[str]) -> str:
    names = [DELIVERY_NAMES[value] for value in values if value in DELIVERY_NAMES]
    return ", ".join(names).capitalize()


def schedule_text(schedule: m.Schedule) -> str:
    days = [DAY_NAMES.get(part.strip()[-2:], part) for part in schedule.byday.split(",") if part]
    when = " and ".join(days) if days else ""
    if schedule.freq == m.Frequency.MONTHLY and when:
        when = f"Monthly on {when}"
    elif when:
        when = f"Every {when}"
    if schedule.opens_at and schedule.closes_at:
        when += f", {_time(schedule.opens_at)} to {_time(schedule.closes_at)}"
    return when or schedule.description


def _time(value: Any) -> str:
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def cost_text(service: m.Service) -> list[str]:
    lines = []
    for option in service.cost_options.all():
        if option.amount:
            label = f"{option.option}: " if option.option else ""
            lines.append(f"{label}£{option.amount:.2f}")
        elif option.amount_description or option.option:
            lines.append(option.amount_description or option.option)
    if service.fees:
        lines.append(service.fees)
    return lines or ["Free"]


def paragraphs(text: str) -> Markup:
    """Body text for an information page: escaped, then blank lines make paragraphs,
    "## " headings and "- " bulleted lists. No HTML from the text is ever kept."""
    blocks = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            blocks.append(f'<h2 class="govuk-heading-m">{escape(lines[0][3:])}</h2>')
            lines = lines[1:]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:])}</li>" for line in lines)
            blocks.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        elif lines:
            blocks.append(f'<p class="govuk-body">{escape(" ".join(lines))}</p>')
    return Markup("\n".join(blocks))  # noqa: S704 (every piece of text is escaped above)


def pagination(base: dict[str, Any], page: int, pages: int, path: str) -> dict[str, Any] | None:
    """Parameters for GOV.UK's pagination component, or None for a single page."""
    if pages <= 1:
        return None

    def href(number: int) -> str:
        return f"{path}?{urlencode({**base, 'page': number}, doseq=True)}"

    shown = sorted({1, pages, page - 1, page, page + 1} & set(range(1, pages + 1)))
    items: list[dict[str, Any]] = []
    for number in shown:
        if items and number - items[-1].get("number", number) > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == page})
    params: dict[str, Any] = {
        "items": [{k: str(v) if k == "number" else v for k, v in i.items()} for i in items]
    }
    if page > 1:
        params["previous"] = {"href": href(page - 1)}
    if page < pages:
        params["next"] = {"href": href(page + 1)}
    return params
