"""Working days for the feedback answer target: Monday to Friday, less the bank holidays
of England and Wales.

The bank holidays are those published on GOV.UK (https://www.gov.uk/bank-holidays) for
2025 to 2027. Outside those years only weekends are skipped: extend the list each year
(a test fails once today passes its last year).
"""

import datetime as dt

ANSWER_TARGET_WORKING_DAYS = 20

ENGLAND_AND_WALES_BANK_HOLIDAYS = frozenset(
    dt.date.fromisoformat(day)
    for day in (
        # 2025
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
        "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        # 2026 (Boxing Day is a Saturday: the substitute day is Monday 28 December)
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
        "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        # 2027 (Christmas Day and Boxing Day fall at a weekend: substitutes 27 and 28 December)
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
        "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    )
)  # fmt: skip
LAST_YEAR_LISTED = max(day.year for day in ENGLAND_AND_WALES_BANK_HOLIDAYS)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in ENGLAND_AND_WALES_BANK_HOLIDAYS


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The date `days` working days after `day` (day itself is not counted)."""
    while days > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day
