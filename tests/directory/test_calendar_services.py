"""Cancelling and reinstating sessions and activities."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from opensend.directory.calendar import services
from opensend.directory.calendar.models import ActivityCancellation, SessionCancellation
from tests.directory.calendar_world import build_activities

pytestmark = pytest.mark.django_db
SATURDAY = dt.date(2026, 11, 28)


@pytest.fixture
def activities(today):
    return build_activities()


def test_cancelling_a_session_records_it_and_moves_last_modified_on(activities):
    swim = activities.swimming
    before = swim.last_modified
    with time_machine.travel(dt.datetime(2026, 11, 22, 12, tzinfo=dt.UTC)):
        services.session_cancel(schedule=swim, date=SATURDAY, reason="  Pool closed ")
    swim.refresh_from_db()
    assert swim.last_modified > before
    cancellation = SessionCancellation.objects.get(schedule=swim)
    assert (cancellation.date, cancellation.reason) == (SATURDAY, "Pool closed")


def test_cancelling_twice_updates_the_reason(activities):
    services.session_cancel(schedule=activities.swimming, date=SATURDAY, reason="Pool closed")
    services.session_cancel(schedule=activities.swimming, date=SATURDAY, reason="Gala")
    assert list(SessionCancellation.objects.values_list("reason", flat=True)) == ["Gala"]


def test_a_date_without_a_session_cannot_be_cancelled(activities):
    with pytest.raises(ValidationError, match="no session of this activity on 27 November"):
        services.session_cancel(schedule=activities.swimming, date=dt.date(2026, 11, 27), reason="")
    assert not SessionCancellation.objects.exists()


def test_reinstating_a_session(activities):
    services.session_cancel(schedule=activities.swimming, date=SATURDAY, reason="Pool closed")
    services.session_reinstate(schedule=activities.swimming, date=SATURDAY)
    assert not SessionCancellation.objects.exists()


def test_cancelling_and_reinstating_an_activity(activities):
    services.activity_cancel(schedule=activities.youth_club, reason="Leader away")
    assert ActivityCancellation.objects.get().reason == "Leader away"
    services.activity_reinstate(schedule=activities.youth_club)
    assert not ActivityCancellation.objects.exists()


def test_opening_hours_cannot_be_cancelled_as_an_activity(activities):
    with pytest.raises(ValidationError, match="Opening hours"):
        services.activity_cancel(schedule=activities.opening_hours, reason="")
