"""Expanding ORUK schedules into dated sessions: the pure module, table by table."""

import datetime as dt

import pytest
from dateutil import rrule as dateutil_rrule
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.directory.calendar.occurrences import (
    Rule,
    RuleError,
    first_date,
    occurrence_dates,
    parse_byday,
    rrule_parts,
)

D = dt.date
NOV, DEC = (2026, 11), (2026, 12)


def days(*pairs: tuple[tuple[int, int], int]) -> list[dt.date]:
    return [D(*month, day) for month, day in pairs]


CASES = [
    # (what, rule, window start, window end, expected dates)
    (
        "opening hours (no dtstart) are not events",
        Rule(None, "WEEKLY", byday="MO"),
        D(2026, 11, 1),
        D(2026, 11, 30),
        [],
    ),
    (
        "a one-off event inside the window",
        Rule(D(2026, 11, 28)),
        D(2026, 11, 23),
        D(2026, 11, 29),
        [D(2026, 11, 28)],
    ),
    (
        "a one-off event outside the window",
        Rule(D(2026, 12, 5)),
        D(2026, 11, 23),
        D(2026, 11, 29),
        [],
    ),
    (
        "a one-off event before valid_from",
        Rule(D(2026, 11, 28), valid_from=D(2026, 12, 1)),
        D(2026, 11, 1),
        D(2026, 12, 31),
        [],
    ),
    (
        "weekly on Saturdays",
        Rule(D(2026, 11, 7), "WEEKLY", byday="SA"),
        D(2026, 11, 16),
        D(2026, 11, 30),
        days((NOV, 21), (NOV, 28)),
    ),
    (
        "weekly on two days",
        Rule(D(2026, 11, 2), "WEEKLY", byday="MO,WE"),
        D(2026, 11, 23),
        D(2026, 11, 29),
        days((NOV, 23), (NOV, 25)),
    ),
    (
        "fortnightly keeps its weeks",
        Rule(D(2026, 11, 7), "WEEKLY", interval=2, byday="SA"),
        D(2026, 11, 8),
        D(2026, 12, 31),
        days((NOV, 21), (DEC, 5), (DEC, 19)),
    ),
    (
        "weekly with no byday repeats dtstart's weekday",
        Rule(D(2026, 11, 3), "WEEKLY"),
        D(2026, 11, 10),
        D(2026, 11, 24),
        days((NOV, 10), (NOV, 17), (NOV, 24)),
    ),
    (
        "the first Saturday of the month",
        Rule(D(2026, 9, 1), "MONTHLY", byday="1SA"),
        D(2026, 11, 1),
        D(2027, 1, 31),
        [D(2026, 11, 7), D(2026, 12, 5), D(2027, 1, 2)],
    ),
    (
        "the last Friday of the month",
        Rule(D(2026, 9, 1), "MONTHLY", byday="-1FR"),
        D(2026, 11, 1),
        D(2026, 12, 31),
        days((NOV, 27), (DEC, 25)),
    ),
    (
        "the 15th of every month",
        Rule(D(2026, 9, 1), "MONTHLY", bymonthday="15"),
        D(2026, 10, 1),
        D(2026, 12, 31),
        [D(2026, 10, 15), D(2026, 11, 15), D(2026, 12, 15)],
    ),
    (
        "every other month on the 1st",
        Rule(D(2026, 9, 1), "MONTHLY", interval=2, bymonthday="1"),
        D(2026, 9, 1),
        D(2027, 1, 31),
        [D(2026, 9, 1), D(2026, 11, 1), D(2027, 1, 1)],
    ),
    (
        "until is the last day",
        Rule(D(2026, 11, 7), "WEEKLY", byday="SA", until=D(2026, 11, 21)),
        D(2026, 11, 1),
        D(2026, 12, 31),
        days((NOV, 7), (NOV, 14), (NOV, 21)),
    ),
    (
        "valid_to ends it earlier than until",
        Rule(D(2026, 11, 7), "WEEKLY", byday="SA", until=D(2026, 12, 31), valid_to=D(2026, 11, 15)),
        D(2026, 11, 1),
        D(2026, 12, 31),
        days((NOV, 7), (NOV, 14)),
    ),
    (
        "valid_from starts it later than dtstart",
        Rule(D(2026, 11, 7), "WEEKLY", byday="SA", valid_from=D(2026, 11, 20)),
        D(2026, 11, 1),
        D(2026, 11, 30),
        days((NOV, 21), (NOV, 28)),
    ),
    (
        "a holiday club Monday to Friday",
        Rule(D(2026, 12, 21), "WEEKLY", byday="MO,TU,WE,TH,FR", until=D(2026, 12, 24)),
        D(2026, 12, 1),
        D(2026, 12, 31),
        days((DEC, 21), (DEC, 22), (DEC, 23), (DEC, 24)),
    ),
    (
        "lower-case byday with spaces",
        Rule(D(2026, 11, 2), "WEEKLY", byday="mo, fr"),
        D(2026, 11, 23),
        D(2026, 11, 29),
        days((NOV, 23), (NOV, 27)),
    ),
    (
        "a window that ends before it starts",
        Rule(D(2026, 11, 7), "WEEKLY", byday="SA"),
        D(2026, 11, 30),
        D(2026, 11, 1),
        [],
    ),
]


@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_occurrence_dates(rule, start, end, expected):
    assert occurrence_dates(rule, start, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SA", [dateutil_rrule.SA]),
        ("1SA", [dateutil_rrule.SA(1)]),
        ("+2MO", [dateutil_rrule.MO(2)]),
        ("-1FR", [dateutil_rrule.FR(-1)]),
        ("MO,WE", [dateutil_rrule.MO, dateutil_rrule.WE]),
        ("", []),
    ],
)
def test_byday_is_read_like_rfc_5545(text, expected):
    assert parse_byday(text) == expected


@pytest.mark.parametrize(
    "rule",
    [
        Rule(D(2026, 11, 1), "WEEKLY", byday="XX"),
        Rule(D(2026, 11, 1), "WEEKLY", byday="6SA"),
        Rule(D(2026, 11, 1), "MONTHLY", bymonthday="32"),
        Rule(D(2026, 11, 1), "MONTHLY", bymonthday="first"),
        Rule(D(2026, 11, 1), "YEARLY"),
    ],
)
def test_a_rule_we_cannot_read_is_an_error_not_a_guess(rule):
    with pytest.raises(RuleError):
        occurrence_dates(rule, D(2026, 11, 1), D(2026, 12, 31))


def test_first_date_is_a_real_session_on_or_after_valid_from():
    rule = Rule(D(2026, 11, 2), "WEEKLY", byday="SA", valid_from=D(2026, 11, 10))
    assert first_date(rule) == D(2026, 11, 14)
    assert first_date(Rule(None, "WEEKLY")) is None
    assert first_date(Rule(D(2026, 11, 7), valid_to=D(2026, 11, 1))) is None


def test_rrule_parts_fold_valid_to_into_until():
    rule = Rule(
        D(2026, 11, 7),
        "WEEKLY",
        interval=2,
        byday="SA,1SU",
        until=D(2027, 3, 1),
        valid_to=D(2027, 2, 1),
    )
    assert rrule_parts(rule) == {
        "FREQ": "WEEKLY",
        "INTERVAL": 2,
        "BYDAY": ["SA", "1SU"],
        "UNTIL": D(2027, 2, 1),
    }


WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@st.composite
def rules(draw):
    dtstart = draw(st.dates(D(2026, 1, 1), D(2027, 12, 31)))
    freq = draw(st.sampled_from(["WEEKLY", "MONTHLY"]))
    interval = draw(st.integers(1, 3))
    if freq == "WEEKLY":
        byday = ",".join(draw(st.lists(st.sampled_from(WEEKDAY_CODES), max_size=3, unique=True)))
        bymonthday = ""
    else:
        byday = draw(st.sampled_from(["", "1SA", "-1FR", "2TU"]))
        bymonthday = "" if byday else draw(st.sampled_from(["1", "15", "28"]))
    valid_from = draw(st.none() | st.dates(D(2026, 1, 1), D(2028, 6, 30)))
    until = draw(st.none() | st.dates(D(2026, 1, 1), D(2028, 12, 31)))
    return Rule(dtstart, freq, interval, byday, bymonthday, until, valid_from)


@settings(deadline=None, max_examples=300)  # no timing limit: CPUs are shared
@given(rules())
def test_publishing_from_the_first_date_gives_the_same_sessions(rule):
    """The feed writes DTSTART = first_date: a calendar app expanding that RRULE must
    find exactly the sessions the calendar page shows."""
    start, end = D(2026, 1, 1), D(2028, 12, 31)
    expected = occurrence_dates(rule, start, end)
    first = first_date(rule)
    assert (first is None) == (not expected)
    if first is None:
        return
    republished = Rule(
        first,
        rule.freq,
        rule.interval,
        rule.byday,
        rule.bymonthday,
        rule.until,
        None,
        rule.valid_to,
    )
    assert occurrence_dates(republished, start, end) == expected
