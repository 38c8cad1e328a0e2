"""Dates and times in GOV.UK style (opensend/core/formatting.py)."""

from datetime import UTC, date, datetime, time

from django.test import override_settings

from opensend.core.formatting import govuk_date, govuk_datetime, govuk_time


@override_settings(TIME_ZONE="Europe/London")
def test_dates_and_times_use_govuk_style_in_local_time():
    assert govuk_date(date(2026, 3, 3)) == "3 March 2026"
    assert govuk_date(None) == ""
    assert govuk_datetime(None) == ""
    assert govuk_datetime(datetime(2026, 7, 1, 13, 15, tzinfo=UTC)) == "1 July 2026 at 2:15pm"
    assert govuk_datetime(datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) == "5 January 2026 at 9am"
    assert govuk_datetime(datetime(2026, 1, 5, 12, 0, tzinfo=UTC)) == "5 January 2026 at midday"
    assert govuk_datetime(datetime(2026, 1, 5, 0, 0, tzinfo=UTC)) == "5 January 2026 at midnight"
    # 23:30 UTC on 31 May is 00:30 on 1 June in London.
    assert govuk_date(datetime(2026, 5, 31, 23, 30, tzinfo=UTC)) == "1 June 2026"


def test_times_of_day_on_their_own():
    assert govuk_time(time(10, 0)) == "10am"
    assert govuk_time(time(17, 5)) == "5:05pm"
