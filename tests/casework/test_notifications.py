"""Who is told what when a case changes, and the daily reminders (issue 11, item 4):
casework/notifications.py and casework/reminders.py through the one service in core."""

import datetime as dt

import pytest
from procrastinate import testing
from procrastinate.contrib.django import app

from opensend.casework import tasks
from opensend.casework.models import CaseEvent, CaseStep, EventKind
from opensend.casework.notifications import case_event_notify
from opensend.casework.reminders import reminders_send
from opensend.casework.services.corrections import case_event_withdraw
from opensend.core.formatting import govuk_date
from opensend.core.models import Notification
from opensend.people.models import AdviceService
from tests import factories as f
from tests.factories import TODAY, WEEK

DAY = dt.timedelta(days=1)


def told(key_start: str = "") -> dict[str, Notification]:
    return {n.recipient: n for n in Notification.objects.filter(key__startswith=key_start)}


def event_of(case, kind) -> CaseEvent:
    return CaseEvent.objects.filter(case=case, kind=kind).latest("id")


def every_field(notification: Notification) -> str:
    return " ".join(str(value) for value in vars(notification).values())


@pytest.fixture
def requested(tom, cara, paula, sue, area):
    return f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 2 * WEEK)


def test_a_request_tells_the_family_and_school_but_not_who_recorded_it(
    requested, cara, paula, sue
):
    event = event_of(requested, EventKind.REQUEST_RECEIVED)

    assert case_event_notify(event_id=event.pk, today=TODAY) == 2

    notes = told(f"case-event:{event.pk}")
    assert set(notes) == {paula.email, sue.email}  # Cara recorded it herself
    due = CaseStep.objects.get(case=requested, step="decision_to_assess").due
    for note in notes.values():
        assert (note.child_first_name, note.event) == (
            "Tom", "The council received a request for an EHC needs assessment")
        assert (note.next_step, note.next_step_due) == ("Decide whether to assess", due)
    assert notes[paula.email].link == f"/family/cases/{requested.pk}/"
    assert notes[sue.email].link == f"/cases/{requested.pk}/"


def test_never_health_details_or_a_surname(requested):
    event = event_of(requested, EventKind.REQUEST_RECEIVED)
    case_event_notify(event_id=event.pk, today=TODAY)

    for note in Notification.objects.all():
        text = every_field(note)
        for private in ("Baker", "Thomas", "utis", "ASD", "speech", "2018"):
            assert private not in text


def test_each_event_tells_each_person_once(requested):
    event = event_of(requested, EventKind.REQUEST_RECEIVED)
    case_event_notify(event_id=event.pk, today=TODAY)

    assert case_event_notify(event_id=event.pk, today=TODAY) == 0  # a retried job
    assert Notification.objects.count() == 2


def test_an_event_withdrawn_before_the_job_ran_tells_no_one(requested, sam):
    f.panel_decide(requested, agreed=True, met_on=TODAY - WEEK, actor=sam)
    event = event_of(requested, EventKind.DECISION_TO_ASSESS)
    case_event_withdraw(actor=sam, case=requested, event=event, reason="Wrong case",
                        today=TODAY, expected_version=None)

    assert case_event_notify(event_id=event.pk, today=TODAY) == 0
    assert not Notification.objects.exists()


def test_an_event_is_queued_for_notifying_when_it_commits(
    tom, cara, paula, django_capture_on_commit_callbacks
):
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector), django_capture_on_commit_callbacks(execute=True):
        case = f.case_with_request(child=tom, caseworker=cara)

    event = event_of(case, EventKind.REQUEST_RECEIVED)
    assert [(job["task_name"], job["args"]) for job in connector.jobs.values()] == [
        ("opensend.casework.tasks.case_event_notify_job", {"event_id": event.pk})
    ]
    assert tasks.case_event_notify_job(event_id=event.pk) == 1  # Paula
    assert tasks.case_event_notify_job.retry_strategy.max_attempts == 6


def test_a_decision_not_to_assess_says_so_and_gives_the_next_step(requested, paula, sam):
    f.panel_decide(requested, agreed=False, met_on=TODAY - WEEK, actor=sam)
    event = event_of(requested, EventKind.DECISION_TO_ASSESS)

    case_event_notify(event_id=event.pk, today=TODAY)

    note = told(f"case-event:{event.pk}")[paula.email]
    assert note.event == "The council decided not to carry out an EHC needs assessment"
    assert note.next_step and note.next_step_due is not None
    assert set(told(f"case-event:{event.pk}")) >= {paula.email}


def test_advice_requested_tells_the_advisers_of_that_service_only(
    tom, cara, paula, aled, hari, area
):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 10 * WEEK)
    advice = f.advice_ask(case, organisation=area.health, requested_on=TODAY - WEEK)
    event = event_of(case, EventKind.ADVICE_REQUESTED)

    case_event_notify(event_id=event.pk, today=TODAY)

    [note] = Notification.objects.filter(key=f"case-event:{event.pk}")
    assert note.recipient == aled.email  # not Hari (another trust), not the family
    assert (note.next_step, note.next_step_due) == ("Send your advice", advice.due_on)
    assert note.link == f"/advice/{advice.pk}/"  # the adviser's page of the request


def test_a_draft_plan_tells_the_family_when_their_comments_are_due(tom, cara, paula):
    case = f.case_with_draft_plan(child=tom, caseworker=cara,
                                  received_on=TODAY - 12 * WEEK - 3 * DAY)
    event = event_of(case, EventKind.DRAFT_PLAN_ISSUED)

    case_event_notify(event_id=event.pk, today=TODAY)

    note = told(f"case-event:{event.pk}")[paula.email]
    assert note.event == "The draft EHC plan was sent"
    assert note.next_step == "Family comments on the draft plan"
    closes = CaseStep.objects.get(case=case, step="draft_comments_close").due
    assert note.next_step_due == closes > TODAY  # at least 15 days (Reg 13(1))


def test_a_window_that_has_closed_is_not_the_next_step(tom, cara, paula):
    case = f.case_with_draft_plan(child=tom, caseworker=cara)  # draft 5 weeks ago
    event = event_of(case, EventKind.DRAFT_PLAN_ISSUED)

    case_event_notify(event_id=event.pk, today=TODAY)

    note = told(f"case-event:{event.pk}")[paula.email]
    final = CaseStep.objects.get(case=case, step="final_plan")
    assert (note.next_step, note.next_step_due) == ("Issue the final plan", final.due)


# --- the daily reminders ----------------------------------------------------------------


def run_reminders(first: dt.date, last: dt.date) -> None:
    day = first
    while day <= last:
        reminders_send(day)
        day += DAY


def test_an_adviser_is_reminded_at_4_and_5_weeks_and_on_the_due_day(tom, cara, aled, area):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)
    advice = f.advice_ask(case, organisation=area.health, requested_on=TODAY - WEEK)

    run_reminders(advice.requested_on, advice.due_on + WEEK)
    run_reminders(advice.requested_on, advice.due_on + WEEK)  # a second run sends nothing

    reminders = Notification.objects.filter(key__startswith=f"advice:{advice.pk}:reminder")
    assert [(n.key.rsplit(":", 1)[1], n.recipient) for n in reminders] == [
        ("week-4", aled.email), ("week-5", aled.email), ("due-day", aled.email)]
    assert {n.event for n in reminders} == {f"Your advice is due by {govuk_date(advice.due_on)}"}


def test_a_missed_day_is_caught_up_while_the_date_has_not_passed(tom, cara, aled, area):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)
    advice = f.advice_ask(case, organisation=area.health, requested_on=TODAY - WEEK)

    reminders_send(advice.requested_on + 30 * DAY)  # the job did not run on day 28
    reminders_send(advice.due_on + DAY)  # after the due day: overdue, chased by hand

    keys = Notification.objects.filter(key__startswith=f"advice:{advice.pk}:reminder")
    assert [n.key.rsplit(":", 1)[1] for n in keys] == ["week-4"]


def test_received_advice_is_not_reminded(tom, cara, aled, area):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 12 * WEEK,
                            advice_from=[(AdviceService.HEALTH, area.health)],
                            advice_received=True)
    [advice] = case.advice_requests.all()
    assert advice.received_on is not None

    run_reminders(advice.requested_on, advice.due_on)

    assert not Notification.objects.filter(key__startswith="advice:").exists()


def test_a_caseworker_is_reminded_a_week_and_a_day_before_a_statutory_date(requested, cara):
    due = CaseStep.objects.get(case=requested, step="decision_to_assess").due

    run_reminders(TODAY, due + DAY)

    notes = Notification.objects.filter(recipient=cara.email, key__contains="decision_to_assess")
    assert [(n.key.rsplit(":", 1)[1], n.event) for n in notes] == [
        ("7", "Reminder: decide whether to assess is due in 7 days"),
        ("1", "Reminder: decide whether to assess is due in 1 day"),
    ]
    assert {n.link for n in notes} == {f"/cases/{requested.pk}/"}


def test_a_family_is_reminded_when_the_comment_period_is_closing(tom, cara, paula):
    """Reg 13(1): at least 15 days to comment on the draft; reminded 5 days and 1 day
    before it closes."""
    case = f.case_with_draft_plan(child=tom, caseworker=cara,
                                  received_on=TODAY - 12 * WEEK - 3 * DAY)
    closes = CaseStep.objects.get(case=case, step="draft_comments_close").due

    run_reminders(TODAY, closes + DAY)

    notes = Notification.objects.filter(recipient=paula.email, key__startswith="step:")
    assert [(n.next_step, n.next_step_due, n.key.rsplit(":", 1)[1]) for n in notes] == [
        ("Family comments on the draft plan", closes, "5"),
        ("Family comments on the draft plan", closes, "1"),
    ]
    assert {n.link for n in notes} == {f"/family/cases/{case.pk}/"}
    assert not Notification.objects.filter(recipient=cara.email,
                                           key__contains="draft_comments_close").exists()


def test_a_school_is_reminded_before_the_review_report_is_due(tom, cara, sue, area):
    """Reg 20(7), (8): the report within 2 weeks of the review meeting."""
    case = f.case_with_final_plan(child=tom, caseworker=cara, named_setting=area.hillside)
    f.review_meeting(case, meeting_on=TODAY - DAY)
    due = CaseStep.objects.get(case=case, step="review_report", done__isnull=True).due

    run_reminders(TODAY, due)

    notes = Notification.objects.filter(recipient=sue.email, key__contains="review_report")
    assert [(n.key.rsplit(":", 1)[1], n.next_step_due) for n in notes] == [("7", due), ("1", due)]
