"""When a request under the data subject's rights must be answered.

Pure Python, no Django. UK GDPR Art. 12(3): the controller answers a request under
Articles 15 to 22 (here: access, Art. 15, and erasure, Art. 17) "without undue delay and
in any event within one month of receipt of the request", a period that "may be extended
by two further months where necessary, taking into account the complexity and number of
the requests"; the person must be told of the extension, with the reasons, within the
first month.

How the ICO counts the month (guidance "Right of access", "How long do we have to
comply?"):

* from the day the request is received (whether or not a working day) to the
  corresponding calendar date in the next month: received 3 September -> 3 October;
* when the next month has no corresponding date, the last day of that month:
  received 31 January -> 28 (or 29) February;
* when the date falls on a weekend or a bank holiday, the next working day;
* when the controller needs proof of identity, the time starts when it is received.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opensend.statutory.dates import add_calendar_months
from opensend.statutory.working_days import next_working_day

__all__ = [
    "EXTENDED_MONTHS",
    "RESPONSE_MONTHS",
    "ResponseDue",
    "extension_allowed",
    "response_due",
]

RESPONSE_MONTHS = 1  # Art. 12(3)
EXTENDED_MONTHS = RESPONSE_MONTHS + 2  # "two further months"


@dataclass(frozen=True)
class ResponseDue:
    clock_starts: date  # the day the request (or the proof of identity) was received
    due: date
    extended: bool


def clock_start(received_on: date, identity_confirmed_on: date | None) -> date:
    """The later of the request's receipt and the proof of identity's."""
    if identity_confirmed_on is None or identity_confirmed_on < received_on:
        return received_on
    return identity_confirmed_on


def response_due(
    *, received_on: date, identity_confirmed_on: date | None = None, extended: bool = False
) -> ResponseDue:
    """The last day to answer: one calendar month from the clock's start (three when
    extended), moved to the next working day when it is not one."""
    start = clock_start(received_on, identity_confirmed_on)
    months = EXTENDED_MONTHS if extended else RESPONSE_MONTHS
    return ResponseDue(
        clock_starts=start,
        due=next_working_day(add_calendar_months(start, months)),
        extended=extended,
    )


def extension_allowed(
    *, received_on: date, identity_confirmed_on: date | None, on: date
) -> bool:
    """Art. 12(3): the person is told of an extension within the first month."""
    first_month = response_due(
        received_on=received_on, identity_confirmed_on=identity_confirmed_on
    )
    return on <= first_month.due
