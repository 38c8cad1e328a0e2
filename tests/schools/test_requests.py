"""A school's request for an assessment with the graduated approach (CFA s36(1); Reg 3;
CoP 6.44-6.56): made through casework's request service, so it is on the clock."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.casework.models import Case, CaseStep, Stage
from opensend.core.notifications.models import Notification
from opensend.schools.models import SchoolRequest
from opensend.schools.requests import Cycle, cycles_evidence, school_request_make
from opensend.schools.services import ReviewRefused
from tests.schools.helpers import PDF

DAY = dt.timedelta(days=1)
CYCLE = Cycle(started_on=dt.date(2026, 1, 5), reviewed_on=dt.date(2026, 3, 27),
              assessed="Speech and language screen: delayed expressive language",
              planned="Use 3-word phrases in class", provision="Talk Boost, 3 x 20 min a week",
              cost=450, outcomes="Some progress; still well below age expectations")


def test_the_cycles_are_written_into_the_evidence_the_caseworker_reads():
    text = cycles_evidence([CYCLE, CYCLE])
    assert text.startswith("Cycle 1: 5 January 2026 to 27 March 2026\nAssess: Speech")
    assert "Do: Talk Boost, 3 x 20 min a week (cost £450)" in text
    assert "\n\nCycle 2:" in text


def _date(name: str, day: dt.date) -> dict[str, str]:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month),
            f"{name}-year": str(day.year)}


def test_sue_requests_an_assessment_and_it_lands_on_the_clock(
    staff_client, tom, sue, sam, today
):
    form = reverse("schools:request_new")
    client = staff_client(sue)
    assert "Tom Baker" in client.get(form).content.decode()
    cycle = {f"cycle1_{part}": getattr(CYCLE, part)
             for part in ("assessed", "planned", "provision", "cost", "outcomes")}
    posted = client.post(form, {
        "pupil": tom.pk, **cycle, **_date("cycle1_started_on", CYCLE.started_on),
        **_date("cycle1_reviewed_on", CYCLE.reviewed_on), "child_views": "I like Lego",
        "family_views": "He is frustrated at school",
        "files": SimpleUploadedFile("Support plan.pdf", PDF)})
    assert posted.status_code == 302
    case = Case.objects.get(child=tom)
    request = case.request
    assert (case.stage, case.caseworker, request.source, request.received_on) == (
        Stage.REQUESTED, None, "2", today)
    assert request.requesting_setting.name == "Hillside First School"
    assert SchoolRequest.objects.get(case=case).cycles.get().cost == 450
    assert SchoolRequest.objects.get(case=case).files.count() == 1
    step = CaseStep.objects.get(case=case, step="decision_to_assess")  # Reg 5(1): 6 weeks
    assert step.due == today + 42 * DAY
    # Unallocated in their queue: the SEN managers are told once, as for a family's request.
    told = Notification.objects.filter(key__startswith="school-request:")
    assert list(told.values_list("recipient", flat=True)) == [sam.email.lower()]
    page = staff_client(sam).get(reverse("casework:case", args=[case.pk])).content.decode()
    assert "The graduated approach" in page and "Talk Boost, 3 x 20 min a week" in page
    with pytest.raises(ReviewRefused, match="already has an open request"):
        school_request_make(actor=sue, child=tom, setting=request.requesting_setting,
                            cycles=[CYCLE], child_views="", family_views="", files=[],
                            today=today)


def test_a_half_filled_second_cycle_is_refused(staff_client, tom, sue):
    page = staff_client(sue).post(reverse("schools:request_new"),
                                  {"pupil": tom.pk, "cycle2_assessed": "Reading"})
    assert page.status_code == 200
    assert "Complete every part of the second cycle" in page.content.decode()
