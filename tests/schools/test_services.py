"""The annual review the school runs (Reg 20): invitations, views, circulation, the
meeting and the report reaching the council's clock (issue 11 item 3)."""

import datetime as dt

import pytest

from opensend.casework.models import AnnualReview, CaseEvent, CaseStep, EventKind
from opensend.casework.notifications import case_event_notify
from opensend.core.notifications.models import Notification
from opensend.schools import services
from opensend.schools.models import InviteeRole
from tests import factories as f
from tests.schools.helpers import review_started, views_received

DAY = dt.timedelta(days=1)


@pytest.fixture
def tom_case(today, tom, cara, paula, area):
    return f.case_with_final_plan(
        child=tom, caseworker=cara, today=today, named_setting=area.hillside
    )


def test_starting_invites_the_people_reg_20_2_names_and_tells_them(tom_case, sue, today):
    review = review_started(tom_case, sue, started_on=today, health="nurse@nhs.example")
    invited = {(i.role, i.email) for i in review.invitations.all()}
    assert invited == {
        (InviteeRole.FAMILY, "paula.baker@example.net"),
        (InviteeRole.SCHOOL, "senco@hillside.example"),
        (InviteeRole.LA_SEN, "cara.clarke@northshire.example"),
        (InviteeRole.HEALTH, "nurse@nhs.example"),
    }
    told = Notification.objects.filter(key__startswith=f"school-review:{review.pk}:")
    assert sorted(told.values_list("recipient", flat=True)) == [
        "cara.clarke@northshire.example",
        "nurse@nhs.example",
        "paula.baker@example.net",
    ]
    assert {n.child_first_name for n in told} == {"Tom"}
    assert {n.next_step_due for n in told} == {review.meeting_on}


def test_a_second_review_cannot_start_while_one_is_open(tom_case, sue, today):
    review_started(tom_case, sue, started_on=today)
    with pytest.raises(services.ReviewRefused, match="already started"):
        review_started(tom_case, sue, started_on=today)


@pytest.mark.parametrize(
    ("circulated_days_before", "reason", "refused"),
    [(14, "", False), (13, "", True), (13, "The EP's advice came late", False)],
)
def test_the_meeting_waits_two_weeks_after_circulation_unless_late_is_explained(
    tom_case, sue, today, circulated_days_before, reason, refused
):
    held = today - 5 * DAY
    review = review_started(tom_case, sue, started_on=held - 30 * DAY, meeting_in_days=30)
    views_received(review, sue, on=held - 20 * DAY)
    services.review_circulate(
        actor=sue, review=review, circulated_on=held - circulated_days_before * DAY
    )
    hold = lambda: services.review_meeting_hold(  # noqa: E731
        actor=sue,
        review=review,
        held_on=held,
        attended_by="Sue, Paula, Cara",
        views="Tom is happier",
        late_reason=reason,
        today=today,
    )
    if refused:
        with pytest.raises(services.ReviewRefused, match="less than 2 weeks"):
            hold()
        assert not AnnualReview.objects.filter(case=tom_case, meeting_on=held).exists()
    else:
        hold()
        review.refresh_from_db()
        assert review.annual_review.meeting_on == held
        assert review.late_circulation_reason == reason


@pytest.mark.parametrize(("held_days_ago", "days_late"), [(10, 0), (19, 5)])
def test_the_report_reaches_the_council_and_the_decision_is_due_4_weeks_after_the_meeting(
    tom_case, sue, cara, today, held_days_ago, days_late
):
    held = today - held_days_ago * DAY
    review = review_started(tom_case, sue, started_on=held - 30 * DAY, meeting_in_days=30)
    views_received(review, sue, on=held - 25 * DAY)
    services.review_circulate(actor=sue, review=review, circulated_on=held - 20 * DAY)
    services.review_meeting_hold(
        actor=sue,
        review=review,
        held_on=held,
        attended_by="Sue",
        views="Keep the plan",
        late_reason="",
        today=today,
    )
    timing = services.review_report_submit(
        actor=sue, review=review, report="Maintain.", today=today
    )
    assert (timing.due, timing.days_late) == (held + 14 * DAY, days_late)
    assert AnnualReview.objects.get(pk=review.annual_review_id).report_received_on == today
    steps = {s.step: s for s in CaseStep.objects.filter(case=tom_case, due__gt=held)}
    assert steps["review_report"].done == today
    assert (steps["review_decision"].due, steps["review_decision"].done) == (held + 28 * DAY, None)
    event = CaseEvent.objects.get(case=tom_case, kind=EventKind.REVIEW_REPORT_RECEIVED)
    assert case_event_notify(event_id=event.pk, today=today) == 1  # Cara, not Sue
    told = Notification.objects.get(key=f"case-event:{event.pk}")
    assert (told.recipient, told.next_step_due) == (cara.email, held + 28 * DAY)


def test_the_report_waits_for_the_meeting_and_goes_once(tom_case, sue, today):
    review = review_started(tom_case, sue, started_on=today - 30 * DAY)
    with pytest.raises(services.ReviewRefused, match="Record the meeting"):
        services.review_report_submit(actor=sue, review=review, report="x", today=today)
