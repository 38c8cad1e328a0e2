"""How the dashboard says a number: by its unit, against a comparator, over time.

Pure functions over Decimals and the registry's polarity, so they are tested on their own.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from opensend.statutory.indicators import Indicator

NO_VALUE = "No data"
SUFFIX = {"percent": "%", "weeks": " weeks", "count": "", "ratio": ""}
# Differences smaller than this are "the same as" (half the precision shown).
SAME = {"percent": Decimal("0.05"), "weeks": Decimal("0.05"), "ratio": Decimal("0.05")}


def rounded(value: Decimal, places: int = 1) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_value(indicator: Indicator, value: Decimal | None) -> str:
    """45.9%, 23.4 weeks, 1,204, 31.5 (cases per coordinator)."""
    if value is None:
        return NO_VALUE
    if indicator.unit == "count":
        return f"{int(value):,}"
    return f"{rounded(value)}{SUFFIX[indicator.unit]}"


def difference_unit(indicator: Indicator, amount: Decimal) -> str:
    size = abs(amount)
    if indicator.unit == "percent":
        return f"{rounded(size)} percentage point" + ("" if size == 1 else "s")
    if indicator.unit == "weeks":
        return f"{rounded(size)} week" + ("" if size == 1 else "s")
    if indicator.unit == "count":
        return f"{int(size):,}"
    return f"{rounded(size)}"


def _same(indicator: Indicator, difference: Decimal) -> bool:
    return abs(difference) < SAME.get(indicator.unit, Decimal("0.5"))


def comparison(
    indicator: Indicator, ours: Decimal | None, theirs: Decimal | None, name: str
) -> str:
    """ "better than England", "higher than the North East" (neutral), "the same as ..."."""
    if ours is None or theirs is None:
        return ""
    difference = ours - theirs
    if _same(indicator, difference):
        return f"the same as {name}"
    if indicator.polarity == "neutral":
        return f"{'higher' if difference > 0 else 'lower'} than {name}"
    higher_good = indicator.polarity == "higher_is_better"
    return f"{'better' if (difference > 0) == higher_good else 'worse'} than {name}"


def trend(indicator: Indicator, first: Decimal | None, last: Decimal | None, since: dt.date) -> str:
    """ "up 3.1 percentage points since December 2025 (better)"."""
    if first is None or last is None:
        return ""
    month = since.strftime("%B %Y")
    difference = last - first
    if _same(indicator, difference):
        return f"no change since {month}"
    direction = "up" if difference > 0 else "down"
    words = f"{direction} {difference_unit(indicator, difference)} since {month}"
    if indicator.polarity == "neutral":
        return words
    better = (difference > 0) == (indicator.polarity == "higher_is_better")
    return f"{words} ({'better' if better else 'worse'})"


POLARITY_WORDS = {
    "higher_is_better": "Higher is better",
    "lower_is_better": "Lower is better",
    "neutral": "Neither higher nor lower is better in itself",
}
