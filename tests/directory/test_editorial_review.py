"""Review dates: reminders 30 and 7 days before, once each; stale listings after."""

import datetime as dt

import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from opensend.directory import models as m
from opensend.directory.editorial.reminders import reminders_send
from opensend.directory.editorial.review import review_date, stale_services
from opensend.directory.editorial.selectors import is_stale
from opensend.directory.editorial.tasks import local_offer_review_reminders
from tests.directory import editorial as setup
from tests.directory.editorial import Editorial
from tests.directory.factories import ServiceFactory
from tests.pages import check_page, text_of

DAY = dt.timedelta(days=1)

editorial = setup.editorial  # the fixture


def _due_on(service: m.Service, due: dt.date) -> None:
    service.assured_date = due.replace(year=due.year - 1)
    service.save()


def test_the_review_date_is_the_assured_date_plus_the_period(editorial: Editorial, today):
    editorial.own.assured_date = dt.date(2026, 3, 31)
    assert review_date(editorial.own) == dt.date(2027, 3, 31)
    with override_settings(LOCAL_OFFER_REVIEW_MONTHS=6):
        assert review_date(editorial.own) == dt.date(2026, 9, 30)


def test_reminders_go_once_at_30_and_7_days(editorial: Editorial, today):
    due = today + dt.timedelta(days=40)
    _due_on(editorial.own, due)
    sent_on = []
    day = today
    while day <= due + 2 * DAY:
        with time_machine.travel(dt.datetime.combine(day, dt.time(7)), tick=False):
            before = len(mail.outbox)
            reminders_send(day)
            reminders_send(day)  # a second run the same day (a retry) sends nothing
            sent_on += [(day, msg) for msg in mail.outbox[before:]]
        day += DAY
    assert [(d, msg.to) for d, msg in sent_on] == [
        (due - 30 * DAY, ["priya@playtogether.example"]),
        (due - 7 * DAY, ["priya@playtogether.example"]),
    ]
    assert "in 30 days" in sent_on[0][1].body and "in 7 days" in sent_on[1][1].body
    assert "Splash Club" in sent_on[0][1].subject
    assert str(editorial.own.pk) in sent_on[0][1].body
    assert list(
        m.ReviewReminder.objects.values_list("days_before", flat=True).order_by("-days_before")
    ) == [30, 7]


def test_a_missed_day_is_caught_up_and_a_late_start_sends_only_the_latest(
    editorial: Editorial, today
):
    _due_on(editorial.own, today + 20 * DAY)  # the 30-day day has passed: still sent once
    _due_on(editorial.other, today + 5 * DAY)  # inside 7 days: only the 7-day reminder
    report = reminders_send(today)
    assert report.sent == 2
    assert sorted(m.ReviewReminder.objects.values_list("service__name", "days_before")) == [
        ("Fin Kids", 7),
        ("Splash Club", 30),
    ]
    assert reminders_send(today + DAY).as_dict() == {
        "sent": 0,
        "already_sent": 2,
        "no_recipient": 0,
    }


def test_a_checked_listing_starts_the_reminders_again(editorial: Editorial, today):
    _due_on(editorial.own, today + 7 * DAY)
    reminders_send(today)
    _due_on(editorial.own, today + 5 * DAY)  # a new review date (say it was re-imported)
    assert reminders_send(today).sent == 1


def test_no_provider_falls_back_to_the_organisation_address_or_waits(editorial: Editorial, today):
    service = ServiceFactory(organization__email="hello@lonely.example")
    _due_on(service, today + 30 * DAY)
    silent = ServiceFactory()
    _due_on(silent, today + 30 * DAY)
    report = reminders_send(today)
    assert (report.sent, report.no_recipient) == (1, 1)
    assert mail.outbox[-1].to == ["hello@lonely.example"]
    assert not m.ReviewReminder.objects.filter(service=silent).exists()


def test_the_periodic_task_works_for_its_scheduled_day(editorial: Editorial, today):
    _due_on(editorial.own, today + 30 * DAY)
    timestamp = int(dt.datetime.combine(today, dt.time(7), tzinfo=dt.UTC).timestamp())
    assert local_offer_review_reminders(timestamp)["sent"] == 1


def test_stale_after_the_review_date(editorial: Editorial, staff_client, today):
    _due_on(editorial.own, today)
    assert not is_stale(editorial.own, today)
    assert is_stale(editorial.own, today + DAY)
    never = ServiceFactory(name="Never Checked", assured_date=None)
    assert is_stale(never, today)
    _due_on(editorial.other, today - DAY)
    assert list(stale_services(today)) == [editorial.other, never]
    page = check_page(staff_client(editorial.editor).get(reverse("editorial:stale")))
    text = text_of(page)
    assert "Fin Kids" in text and "Never Checked" in text and "Splash Club" not in text
    own = check_page(
        staff_client(editorial.provider).get(reverse("editorial:listing", args=[editorial.own.pk]))
    )
    assert "past its review date" not in text_of(own)
    other = check_page(
        staff_client(editorial.editor).get(reverse("editorial:listing", args=[editorial.other.pk]))
    )
    assert "past its review date" in text_of(other)
