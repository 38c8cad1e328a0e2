"""Retention (issue 13 item 4; security.md goal 11): per record type, from settings; the
daily job deletes or anonymises exactly what is due, honours legal holds, is idempotent
and logs what it did."""

import datetime as dt
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from procrastinate.contrib.django import app

from opensend.casework.models import AdviceFile, Case, CaseEvent, IssuedDocument, PlanVersion
from opensend.core import tasks
from opensend.core.models import (
    AuditAction,
    AuditEvent,
    FormSubmission,
    LegalHold,
    RetentionRun,
    Upload,
)
from opensend.core.retention import RECORD_TYPES, Period, parse_period, retention_run
from opensend.core.uploads import stored_path
from opensend.directory.feedback.models import Feedback
from opensend.directory.public.models import ZeroResultSearch
from opensend.people.models import Child, FamilyMember
from tests import factories as f
from tests.directory.feedback_factories import FeedbackFactory, at

TODAY = dt.date(2026, 11, 22)
DAY = dt.timedelta(days=1)


def test_periods_are_iso_8601_and_count_back_by_the_calendar():
    assert parse_period("P31Y") == Period(years=31)
    assert parse_period("p1y6m") == Period(years=1, months=6)
    assert Period(years=2).before(dt.date(2028, 2, 29)) == dt.date(2026, 2, 28)
    assert Period(months=3).before(dt.date(2026, 5, 31)) == dt.date(2026, 2, 28)
    assert Period(days=90).before(TODAY) == TODAY - 90 * DAY
    for bad in ("2 years", "P", "31Y", ""):
        with pytest.raises(ImproperlyConfigured):
            parse_period(bad)


def test_every_record_type_has_a_period_in_settings(settings):
    assert set(RECORD_TYPES) == set(settings.RETENTION_PERIODS)
    assert settings.RETENTION_PERIODS["ehc_record"] == "P31Y"
    assert settings.RETENTION_PERIODS["local_offer_feedback_text"] == "P2Y"
    assert settings.RETENTION_PERIODS["local_offer_zero_result_search"] == "P1Y"


def test_the_worker_runs_it_daily():
    schedules = {name: p.cron for (name, _), p in app.periodic_registry.periodic_tasks.items()}
    assert schedules["opensend.core.tasks.daily_retention"] == "0 4 * * *"


# --- the whole EHC record ------------------------------------------------------------------


def test_an_ehc_record_goes_whole_on_the_31st_birthday_unless_held(world, settings):
    yasmin, tom, lily = world.yasmin.child, world.tom.child, world.lily.child
    files = [stored_path(u.stored_name) for u in Upload.objects.all()]
    assert files and all(path.exists() for path in files)
    assert IssuedDocument.objects.filter(case__child_id=tom.pk).exists()  # as sent (issue 9)
    born = dict(Child.objects.values_list("pk", "date_of_birth"))
    day_before = dt.date(yasmin.date_of_birth.year + 31, 4, 1)  # born 2 April 2006
    older = {pk for pk, dob in born.items() if dob < yasmin.date_of_birth}  # Zac

    assert retention_run(day_before).done["ehc_record"] == len(older)
    assert Child.objects.filter(pk=yasmin.pk).exists()

    LegalHold.objects.create(
        record_type="ehc_record", object_id=str(lily.pk), reason="tribunal appeal", placed_on=TODAY
    )
    # Tom's 31st birthday: Tom and Yasmin (older) are due; Lily (older) is held.
    on = dt.date(tom.date_of_birth.year + 31, tom.date_of_birth.month, tom.date_of_birth.day)
    younger = {pk for pk, dob in born.items() if dob > tom.date_of_birth}  # Ben
    report = retention_run(on)
    assert report.done["ehc_record"] == 2 and report.held["ehc_record"] == 1
    assert set(Child.objects.values_list("pk", flat=True)) == {lily.pk} | younger
    assert not Case.objects.filter(child_id__in=[tom.pk, yasmin.pk]).exists()
    assert not CaseEvent.objects.filter(case__child_id__in=[tom.pk, yasmin.pk]).exists()
    assert not FamilyMember.objects.filter(child_id=tom.pk).exists()
    assert not PlanVersion.objects.filter(plan__case__child_id=tom.pk).exists()
    assert not IssuedDocument.objects.filter(case__child_id=tom.pk).exists()
    # Tom's advice files went with him (rows and bytes); Lily's stayed.
    kept = AdviceFile.objects.values_list("upload__stored_name", flat=True)
    assert all(stored_path(name).exists() for name in kept)
    assert Upload.objects.count() == len(kept) < len(files)
    audit = AuditEvent.objects.filter(
        action=AuditAction.RETENTION, detail__record_type="ehc_record"
    ).latest("pk")
    assert sorted(audit.detail["ids"]) == sorted([str(tom.pk), str(yasmin.pk)])
    assert RetentionRun.objects.filter(today=on).get().done["ehc_record"] == 2
    # Released: due at the next run.
    LegalHold.objects.update(released_on=on)
    assert retention_run(on).done["ehc_record"] == 1


def test_a_dry_run_changes_nothing_and_the_command_says_what_it_would_do(db, capsys):
    FeedbackFactory(received_at=at(TODAY - 800 * DAY), reply_email="a@example.net")
    call_command("retention_run", "--dry-run", "--today", TODAY.isoformat())
    out = capsys.readouterr().out
    assert "Local Offer feedback text and reply addresses: 1 would be anonymised" in out
    assert Feedback.objects.get().reply_email == "a@example.net"
    assert not RetentionRun.objects.exists()
    call_command("retention_run", "--today", TODAY.isoformat())
    assert "1 were anonymised" in capsys.readouterr().out
    assert Feedback.objects.get().text == ""


def test_the_daily_job_logs_what_it_did(db, caplog):
    ZeroResultSearch.objects.create(day=TODAY - 400 * DAY, terms="a name")
    timestamp = int(dt.datetime(2026, 11, 22, 4, tzinfo=dt.UTC).timestamp())
    with caplog.at_level(logging.INFO, logger="opensend.core"):
        result = tasks.daily_retention(timestamp=timestamp)
    assert result["done"]["local_offer_zero_result_search"] == 1
    assert "local_offer_zero_result_search: delete 1" in caplog.text


def test_a_period_can_be_changed_in_settings(db, settings):
    settings.RETENTION_PERIODS = {**settings.RETENTION_PERIODS, "local_offer_feedback_text": "P3Y"}
    FeedbackFactory(received_at=at(TODAY - 800 * DAY))
    assert retention_run(TODAY).done["local_offer_feedback_text"] == 0


def test_update_emails_go_two_years_after_they_were_written_unless_held(db):
    from opensend.core.notifications.models import Notification

    def email(days_ago: int, key: str) -> Notification:
        notification = Notification.objects.create(
            key=key, recipient="parent@example.net", child_first_name="Tom",
            event="The council decided to assess", link="/family/")
        Notification.objects.filter(pk=notification.pk).update(
            created_at=at(TODAY - days_ago * DAY))
        return notification

    due = email(731, "case-event:1")  # 22 Nov 2024: two years ago to the day
    held = email(900, "case-event:2")
    kept = email(729, "case-event:3")
    LegalHold.objects.create(record_type="notification", object_id=str(held.pk),
                             reason="Tribunal appeal", placed_on=TODAY - 30 * DAY)
    assert retention_run(TODAY).done["notification"] == 1
    left = set(Notification.objects.values_list("pk", flat=True))
    assert due.pk not in left and {held.pk, kept.pk} <= left


# --- property: exactly what is due, idempotent ---------------------------------------------

# Days after each record type's cutoff (0: due today; 1: due tomorrow), near the boundary
# more often than not.
offsets = st.one_of(st.integers(-3, 3), st.integers(-4000, 4000))
BIRTH_CUTOFF = dt.date(TODAY.year - 31, TODAY.month, TODAY.day)
FEEDBACK_CUTOFF = dt.date(TODAY.year - 2, TODAY.month, TODAY.day)
SEARCH_CUTOFF = dt.date(TODAY.year - 1, TODAY.month, TODAY.day)


def _snapshot() -> dict[str, object]:
    return {
        "children": sorted(Child.objects.values_list("pk", "date_of_birth")),
        "feedback": sorted(Feedback.objects.values_list("pk", "text", "reply_email")),
        "searches": sorted(ZeroResultSearch.objects.values_list("pk", "day")),
        "tokens": sorted(FormSubmission.objects.values_list("pk", flat=True)),
    }


def _make(area, births, received, searched, held):
    children = [
        f.ChildFactory(local_authority=area.northshire, date_of_birth=BIRTH_CUTOFF + n * DAY)
        for n in births
    ]
    feedback = [
        FeedbackFactory(received_at=at(FEEDBACK_CUTOFF + n * DAY), reply_email="x@example.net")
        for n in received
    ]
    for n, search in enumerate(searched):
        ZeroResultSearch.objects.create(day=SEARCH_CUTOFF + search * DAY, terms=f"words {n}")
    for index in held:
        if index < len(children):
            LegalHold.objects.create(
                record_type="ehc_record",
                object_id=str(children[index].pk),
                reason="claim",
                placed_on=TODAY,
            )
        if index < len(feedback):
            LegalHold.objects.create(
                record_type="local_offer_feedback_text",
                object_id=str(feedback[index].pk),
                reason="complaint",
                placed_on=TODAY,
            )


def _not_due(snapshot: dict[str, list]) -> dict[str, list]:
    """The records whose period has not ended by TODAY, as they were."""
    return {
        "children": [c for c in snapshot["children"] if c[1] > BIRTH_CUTOFF],
        "feedback": [
            row
            for row in snapshot["feedback"]
            if Feedback.objects.get(pk=row[0]).received_at.date() > FEEDBACK_CUTOFF
        ],
        "searches": [s for s in snapshot["searches"] if s[1] > SEARCH_CUTOFF],
    }


@pytest.mark.django_db
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    births=st.lists(offsets, max_size=6),
    received=st.lists(offsets, max_size=6),
    searched=st.lists(offsets, max_size=6),
    held=st.sets(st.integers(0, 5), max_size=3),
)
def test_running_twice_equals_running_once_and_nothing_not_due_is_touched(
    area, births, received, searched, held
):
    with transaction.atomic():
        _make(area, births, received, searched, held)
        before = _snapshot()
        untouched = _not_due(before)
        retention_run(TODAY)
        once = _snapshot()
        second = retention_run(TODAY)
        assert _snapshot() == once
        assert all(count == 0 for count in second.done.values())
        for kind, rows in untouched.items():
            assert set(rows) <= set(once[kind]), kind  # not yet due: unchanged
        # Everything due is gone or anonymised, except what a legal hold keeps.
        holds = set(LegalHold.objects.values_list("object_id", flat=True))
        assert all(dob > BIRTH_CUTOFF or str(pk) in holds for pk, dob in once["children"])
        assert all(day > SEARCH_CUTOFF for _, day in once["searches"])
        for pk, text, email in once["feedback"]:
            due = Feedback.objects.get(pk=pk).received_at.date() <= FEEDBACK_CUTOFF
            if due and str(pk) not in holds:
                assert (text, email) == ("", "")
            elif str(pk) in holds or not due:
                assert text and email == "x@example.net"
        transaction.set_rollback(True)
