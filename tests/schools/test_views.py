"""The SENCO's pages (issue 11 item 3): the pupil list, and an annual review run from it
to the report, with the council's decision coming back to the school's page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.casework.services.reviews import review_decision_record
from opensend.core.models import AuditAction, AuditEvent
from opensend.schools.models import SchoolReview
from tests import factories as f
from tests.schools.helpers import PDF

DAY = dt.timedelta(days=1)


@pytest.fixture
def tom_case(today, tom, cara, paula, area):
    return f.case_with_final_plan(
        child=tom, caseworker=cara, today=today, named_setting=area.hillside
    )


def _date(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def test_the_pupil_list_shows_the_schools_own_pupils_with_their_plan(
    staff_client, tom_case, sue, sian
):
    page = staff_client(sue).get(reverse("schools:pupils"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Thomas Baker" in text or "Tom Baker" in text
    assert reverse("schools:review_start", args=[tom_case.pk]) in text
    assert "/documents/" in text  # the issued final plan, as sent
    other = staff_client(sian).get(reverse("schools:pupils")).content.decode()
    assert "Baker" not in other
    refused = staff_client(sian).get(reverse("schools:review_start", args=[tom_case.pk]))
    assert refused.status_code == 404
    assert AuditEvent.objects.filter(actor=sian, action=AuditAction.DENIED).exists()


def test_sue_runs_the_review_and_sees_the_councils_decision_come_back(
    staff_client, tom_case, sue, cara, today
):
    client = staff_client(sue)
    started = client.post(
        reverse("schools:review_start", args=[tom_case.pk]), _date("meeting_on", today + 21 * DAY)
    )
    review = SchoolReview.objects.get(case=tom_case)
    assert started.status_code == 302 and started.url == reverse("schools:review", args=[review.pk])
    # For the rest, the review started five weeks ago (the dates must be in the past).
    SchoolReview.objects.filter(pk=review.pk).update(meeting_on=today - 6 * DAY)
    views = reverse("schools:review_views", args=[review.pk])
    sent = client.post(
        views,
        {
            "role": "family",
            "from_name": "Paula Baker",
            **_date("received_on", today - 30 * DAY),
            "files": SimpleUploadedFile("Tom's views.pdf", PDF),
        },
    )
    assert sent.status_code == 302
    client.post(
        reverse("schools:review_circulate", args=[review.pk]),
        _date("circulated_on", today - 18 * DAY),
    )
    meeting = reverse("schools:review_meeting", args=[review.pk])
    early = client.post(
        meeting, {**_date("held_on", today - 17 * DAY), "attended_by": "Sue", "views": "Happy"}
    )
    assert early.status_code == 200 and "less than 2 weeks" in early.content.decode()
    client.post(
        meeting,
        {
            **_date("held_on", today - 17 * DAY),
            "attended_by": "Sue, Paula",
            "views": "Happy",
            "late_reason": "Paula asked for an earlier date",
        },
    )
    client.post(reverse("schools:review_report", args=[review.pk]), {"report": "Maintain."})
    page = client.get(reverse("schools:review", args=[review.pk])).content.decode()
    assert "3 days late" in page  # due 14 days after the meeting, sent on day 17
    assert "Paula asked for an earlier date" in page
    assert "Wait for the council" in page
    review.refresh_from_db()
    review_decision_record(
        actor=cara,
        review=review.annual_review,
        decision_on=today,
        outcome="M",
        today=today,
        expected_version=None,
    )
    page = client.get(reverse("schools:review", args=[review.pk])).content.decode()
    assert "The council has decided" in page and "decided 22 November 2026" in page
