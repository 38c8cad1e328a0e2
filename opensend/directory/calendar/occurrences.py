"""Dated occurrences of an ORUK schedule: pure Python, no Django.

An ORUK 3.0 (HSDS 3.0) `schedule` carries the parts of an RFC 5545 recurrence rule
(dtstart, freq, interval, byday, bymonthday, until) plus its own validity window
(valid_from, valid_to). A schedule with a `dtstart` and no `freq` is a one-off dated
event; with a `freq` it is a series of sessions. Schedules without a `dtstart` are
opening hours, not events: they have no occurrences (see ADR 0013).

`occurrence_dates` expands a rule with python-dateutil's rrule; `series_bounds` gives
the first date and the last permitted date, which the iCalendar feed writes as DTSTART
and UNTIL so that a calendar app expands the same dates as this module.
"""

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import rrule

FREQUENCIES = {"DAILY": rrule.DAILY, "WEEKLY": rrule.WEEKLY, "MONTHLY": rrule.MONTHLY}
WEEKDAYS = {
    "MO": rrule.MO,
    "TU": rrule.TU,
    "WE": rrule.WE,
    "TH": rrule.TH,
    "FR": rrule.FR,
    "SA": rrule.SA,
    "SU": rrule.SU,
}
# "SA", "1SA" (the first Saturday), "-1FR" (the last Friday), "+2MO".
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


class RuleError(ValueError):
    """The schedule's recurrence parts cannot be read."""


@dataclass(frozen=True)
class Rule:
    """The recurrence parts of one ORUK schedule."""

    dtstart: dt.date | None
    freq: str = ""
    interval: int | None = None
    byday: str = ""
    bymonthday: str = ""
    until: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @property
    def is_event(self) -> bool:
        """Dated (a one-off event or a series of sessions), not opening hours."""
        return self.dtstart is not None

    @property
    def recurs(self) -> bool:
        return bool(self.freq)


def parse_byday(text: str) -> list[rrule.weekday]:
    """ "MO,WE" -> [MO, WE]; "1SA" -> [SA(+1)]; "-1FR" -> [FR(-1)]."""
    days = []
    for part in filter(None, (piece.strip().upper() for piece in text.split(","))):
        match = _BYDAY.match(part)
        if not match:
            raise RuleError(f"Not a day of the week: {part!r}")
        ordinal, day = match.groups()
        weekday = WEEKDAYS[day]
        if ordinal:
            number = int(ordinal)
            if number == 0 or abs(number) > 5:
                raise RuleError(f"Not a week of the month: {part!r}")
            weekday = weekday(number)
        days.append(weekday)
    return days


def parse_bymonthday(text: str) -> list[int]:
    """ "1,15" -> [1, 15]; "-1" is the last day of the month."""
    days = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        try:
            day = int(part)
        except ValueError:
            raise RuleError(f"Not a day of the month: {part!r}") from None
        if day == 0 or abs(day) > 31:
            raise RuleError(f"Not a day of the month: {part!r}")
        days.append(day)
    return days


def last_permitted(rule: Rule) -> dt.date | None:
    """The last date a session may fall on: the earlier of `until` and `valid_to`."""
    limits = [day for day in (rule.until, rule.valid_to) if day is not None]
    return min(limits) if limits else None


def _rrule(rule: Rule, start: dt.date) -> rrule.rrule:
    if rule.freq not in FREQUENCIES:
        raise RuleError(f"Not a frequency we can expand: {rule.freq!r}")
    end = last_permitted(rule)
    return rrule.rrule(
        FREQUENCIES[rule.freq],
        dtstart=dt.datetime.combine(start, dt.time()),
        interval=rule.interval or 1,
        byweekday=parse_byday(rule.byday) or None,
        bymonthday=parse_bymonthday(rule.bymonthday) or None,
        until=dt.datetime.combine(end, dt.time()) if end else None,
        cache=False,
    )


def _permitted(rule: Rule, day: dt.date) -> bool:
    if rule.valid_from and day < rule.valid_from:
        return False
    end = last_permitted(rule)
    return not (end and day > end)


def occurrence_dates(rule: Rule, start: dt.date, end: dt.date) -> list[dt.date]:
    """The dates the schedule runs on from `start` to `end` (both included)."""
    if not rule.is_event or end < start:
        return []
    assert rule.dtstart is not None
    if not rule.recurs:
        day = rule.dtstart
        return [day] if start <= day <= end and _permitted(rule, day) else []
    low = max(start, rule.valid_from or start)
    found = _rrule(rule, rule.dtstart).between(
        dt.datetime.combine(low, dt.time()), dt.datetime.combine(end, dt.time()), inc=True
    )
    return [moment.date() for moment in found]


def first_date(rule: Rule) -> dt.date | None:
    """The first date the schedule actually runs on (None: never)."""
    if not rule.is_event:
        return None
    assert rule.dtstart is not None
    if not rule.recurs:
        return rule.dtstart if _permitted(rule, rule.dtstart) else None
    low = dt.datetime.combine(max(rule.dtstart, rule.valid_from or rule.dtstart), dt.time())
    moment = _rrule(rule, rule.dtstart).after(low, inc=True)
    return moment.date() if moment else None


def rrule_parts(rule: Rule) -> dict[str, object]:
    """The RRULE to publish (iCalendar `vRecur` parts), with UNTIL folded from valid_to.

    Publish it with DTSTART = `first_date(rule)`: starting from a real occurrence keeps
    the interval's phase (every other week stays on the same weeks), and RFC 5545
    counts DTSTART as an occurrence, so it must be one.
    """
    parts: dict[str, object] = {"FREQ": rule.freq}
    if rule.interval and rule.interval > 1:
        parts["INTERVAL"] = rule.interval
    if rule.byday:
        parts["BYDAY"] = [part.strip().upper() for part in rule.byday.split(",") if part.strip()]
    if rule.bymonthday:
        parts["BYMONTHDAY"] = parse_bymonthday(rule.bymonthday)
    end = last_permitted(rule)
    if end:
        parts["UNTIL"] = end
    return parts
