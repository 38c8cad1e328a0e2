"""Timescales as councils write them in action plans, read into a start-end range.

Pure Python (no Django): the import preview, the action form and the board pack ask the
same question the same way. A phrase is read only when it has one meaning; anything else
raises `TimescaleUnreadable` with the reason, so a person fixes it: never a guess.

Conventions (docs/strategy-import.md says the same to users):
- "Jan 19", "Jan 2019", "January 2019": the whole month; a two-digit year is 20yy.
- Seasons are SCHOOL TERMS, as SEND plans follow the school year: "Autumn 2025" is
  1 September - 31 December 2025, "Spring 2026" 1 January - 31 March 2026 (the term ends
  at Easter), "Summer 2026" 1 April - 31 July 2026. "Winter" is refused: it straddles two
  years.
- "2024/25", "2024-25" and "2024/2025" are the ACADEMIC year, 1 September 2024 -
  31 August 2025 (the year schools, the SEN2 return and EHC reviews run on).
  "Financial year 2024/25" or "FY 2024/25" is 1 April 2024 - 31 March 2025.
- "2024-2026" (two four-digit years) is 1 January 2024 - 31 December 2026; "2025" the
  calendar year.
- "Q3 2025" is a calendar quarter (July - September 2025). A quarter of a split year
  ("Q3 2025/26") is refused: it could be a financial or an academic quarter.
- "by end of March 2026", "by March 2026", "end of March 2026": no start, the end of that
  month (or day, or term).
- "2025-03-31" (ISO) and "31/03/2025" (day first, the UK order): that day.
- "Ongoing": no start, no end, ongoing.
- Horizons relative to the strategy's start: "survive: years 1-2" is from the start to
  the day before its second anniversary; "year 3" the strategy's third year. Without the
  strategy's start date a horizon cannot be read.
- "X to Y" or "X - Y" (with spaces): from the start of X to the end of Y.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta


class TimescaleUnreadable(ValueError):
    """A timescale that has no single meaning; the message says why, for the person."""


@dataclass(frozen=True)
class Timescale:
    text: str
    start: date | None
    end: date | None
    ongoing: bool = False


MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

# School terms (see the module docstring): first month, last month.
TERMS = {"autumn": (9, 12), "spring": (1, 3), "summer": (4, 7)}
QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}

_YEAR = r"(\d{4}|\d{2})"
_MONTH = r"([a-z]+)\.?"


def _year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(text: str, year: int, first: int, last: int) -> Timescale:
    return Timescale(text, date(year, first, 1), _month_end(year, last))


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year with none: the next day
        return date(start.year + years, 3, 1)


def _month_number(word: str, text: str) -> int:
    if word not in MONTHS:
        raise TimescaleUnreadable(f"“{text}”: “{word}” is not a month")
    return MONTHS[word]


def _month_year(text: str, words: str) -> Timescale | None:
    match = re.fullmatch(rf"{_MONTH}\s*,?\s*{_YEAR}", words)
    if not match or match.group(1) in TERMS or match.group(1) in ("q", "fy", "year", "years"):
        return None
    month = _month_number(match.group(1), text)
    return _months(text, _year(match.group(2)), month, month)


def _term(text: str, words: str) -> Timescale | None:
    match = re.fullmatch(rf"(autumn|spring|summer|winter)(?: term)?\s+{_YEAR}", words)
    if not match:
        return None
    if match.group(1) == "winter":
        raise TimescaleUnreadable(
            f"“{text}”: winter straddles two years; write the months or a school term"
        )
    first, last = TERMS[match.group(1)]
    return _months(text, _year(match.group(2)), first, last)


def _split_year(text: str, words: str) -> Timescale | None:
    match = re.fullmatch(
        r"(financial year|fy|academic year)?\s*(\d{4})\s*([/-])\s*(\d{2}|\d{4})"
        r"(\s+financial year|\s+academic year)?",
        words,
    )
    if not match:
        return None
    first, second = int(match.group(2)), _year(match.group(4))
    label = (match.group(1) or match.group(5) or "").strip()
    if match.group(3) == "-" and len(match.group(4)) == 4 and not label:
        return _calendar_years(text, first, second)  # "2024-2026"
    if second != first + 1:
        raise TimescaleUnreadable(f"“{text}”: {second} does not follow {first}")
    if label in ("financial year", "fy"):
        return Timescale(text, date(first, 4, 1), date(second, 3, 31))
    return Timescale(text, date(first, 9, 1), date(second, 8, 31))


def _calendar_years(text: str, first: int, last: int) -> Timescale:
    if last < first:
        raise TimescaleUnreadable(f"“{text}”: the years run backwards")
    return Timescale(text, date(first, 1, 1), date(last, 12, 31))


def _quarter(text: str, words: str) -> Timescale | None:
    split = re.fullmatch(r"q([1-4])\s+\d{4}\s*[/-]\s*\d{2,4}", words)
    if split:
        raise TimescaleUnreadable(
            f"“{text}”: a quarter of a split year may be financial or academic; write the months"
        )
    match = re.fullmatch(rf"q([1-4])\s+{_YEAR}|{_YEAR}\s+q([1-4])", words)
    if not match:
        return None
    quarter = int(match.group(1) or match.group(4))
    first, last = QUARTERS[quarter]
    return _months(text, _year(match.group(2) or match.group(3)), first, last)


def _day(text: str, words: str) -> Timescale | None:
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", words)
    uk = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", words)
    named = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}", words)
    try:
        if iso:
            day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        elif uk:
            day = date(_year(uk.group(3)), int(uk.group(2)), int(uk.group(1)))
        elif named:
            month = _month_number(named.group(2), text)
            day = date(_year(named.group(3)), month, int(named.group(1)))
        else:
            return None
    except ValueError:
        raise TimescaleUnreadable(f"“{text}”: there is no such day") from None
    return Timescale(text, day, day)


def _year_only(text: str, words: str) -> Timescale | None:
    match = re.fullmatch(r"(\d{4})", words)
    return _calendar_years(text, int(match.group(1)), int(match.group(1))) if match else None


def _horizon(text: str, words: str, strategy_start: date | None) -> Timescale | None:
    match = re.fullmatch(r"(?:[a-z ]+:\s*)?years?\s+(\d{1,2})(?:\s*(?:-|to|–)\s*(\d{1,2}))?", words)
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if strategy_start is None:
        raise TimescaleUnreadable(f"“{text}”: a horizon needs the strategy's start date")
    if first < 1 or last < first:
        raise TimescaleUnreadable(f"“{text}”: the years must count up from year 1")
    start = _anniversary(strategy_start, first - 1)
    return Timescale(text, start, _anniversary(strategy_start, last) - timedelta(days=1))


_BY = re.compile(r"(?:by|before)\s+(?:the\s+)?(?:end\s+(?:of\s+)?)?(.+)|end\s+(?:of\s+)?(.+)")
_RANGE = re.compile(r"(.+?)\s+(?:-|–|to|until)\s+(.+)")


def _single(text: str, words: str, strategy_start: date | None) -> Timescale | None:
    for reader in (_day, _quarter, _term, _split_year, _year_only, _month_year):
        found = reader(text, words)
        if found:
            return found
    return _horizon(text, words, strategy_start)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("’", "'")).strip(" .")


def timescale_read(text: str, *, strategy_start: date | None = None) -> Timescale:
    """The range a timescale phrase means, or TimescaleUnreadable saying why not."""
    words = _normalise(text or "")
    if not words:
        raise TimescaleUnreadable("There is no timescale")
    if words in ("ongoing", "on-going", "on going", "continuous"):
        return Timescale(text, None, None, ongoing=True)
    found = _single(text, words, strategy_start) or _by(text, words, strategy_start)
    found = found or _range(text, words, strategy_start)
    if found is None:
        raise TimescaleUnreadable(f"“{text}” is not a timescale OpenSEND can read")
    return found


def _by(text: str, words: str, strategy_start: date | None) -> Timescale | None:
    match = _BY.fullmatch(words)
    if not match:
        return None
    inner = _single(text, match.group(1) or match.group(2), strategy_start)
    return Timescale(text, None, inner.end) if inner else None


def _range(text: str, words: str, strategy_start: date | None) -> Timescale | None:
    match = _RANGE.fullmatch(words)
    if not match:
        return None
    first = _single(text, match.group(1), strategy_start)
    last = _single(text, match.group(2), strategy_start)
    if not first or not last or first.start is None or last.end is None:
        return None
    if last.end < first.start:
        raise TimescaleUnreadable(f"“{text}”: it ends before it starts")
    return Timescale(text, first.start, last.end)
