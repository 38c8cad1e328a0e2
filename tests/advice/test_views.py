"""Advice givers act in the case (issue 11, item 2): the queue, only what the advice
needs, structured advice meeting the clock's step on the day it is sent, the caseworker
pulling it into the plan, and oversight of timeliness."""

import datetime as dt

import pytest
from django.urls import reverse

from opensend.advice.models import AdviceSubmission
from opensend.casework.models import CaseStep, PlanVersion
from opensend.core.models import AuditAction, AuditEvent
from opensend.core.notifications.models import Notification
from opensend.people.models import AdviceService, Role
from tests import factories as f

pytestmark = pytest.mark.django_db

WEEK = dt.timedelta(weeks=1)


@pytest.fixture
def asked(area, cara, today):
    """Health and EP advice asked of Northshire's services exactly 6 weeks ago: due today."""
    case = f.case_with_request(child=f.ChildFactory(legal_forename="Mia", legal_surname="Quill",
                                                 local_authority=area.northshire),
                               caseworker=cara, received_on=today - 12 * WEEK, today=today)
    case = f.panel_decide(case, met_on=today - 7 * WEEK, today=today)
    health = f.advice_ask(case, organisation=area.health, requested_on=today - 6 * WEEK,
                          today=today)
    f.advice_ask(case, organisation=area.ep_service, service=AdviceService.PSYCHOLOGY,
                 requested_on=today - 6 * WEEK, today=today)
    f.advice_file_add(health, name="Questions for health.pdf")
    return health


ADVICE = {
    "answer": "advice",
    "need_1": "Needs help with feeding and swallowing at lunchtime",
    "outcome_1": "Eats lunch safely with friends",
    "outcome_1_by": "end of Year 2",
    "provision_1": "Speech and language therapy for eating and drinking",
    "provision_1_how_much": "30 minutes",
    "provision_1_how_often": "every week",
    "provision_1_delivered_by": "a speech and language therapist",
}


def _give(client, advice, **data):
    return client.post(reverse("advice:give", args=[advice.pk]), data)


def _step(advice):
    return CaseStep.objects.get(case=advice.case, step="advice:health")


def test_the_queue_lists_requests_to_the_organisation_soonest_first(asked, aled, hari,
                                                                   client_for):
    page = client_for(aled).get(reverse("advice:queue")).content.decode()
    assert "Mia" in page and "Quill" not in page  # first name only
    assert "Due today" in page and "Health advice" in page
    assert "Educational psychology" not in page  # asked of another organisation
    assert "No advice is waiting" in client_for(hari).get(reverse("advice:queue")).content.decode()


def test_the_request_page_shows_only_what_the_advice_needs_and_is_audited(asked, aled,
                                                                         client_for):
    response = client_for(aled).get(reverse("advice:request", args=[asked.pk]))
    page = response.content.decode()
    assert "Mia Quill" in page and "Questions for health.pdf" in page
    assert "Educational psychology" not in page  # not the other advice, not the history
    assert AuditEvent.objects.filter(actor=aled, action=AuditAction.READ,
                                     child_id=asked.case.child_id).exists()


def test_an_adviser_not_asked_gets_404_and_the_refusal_is_audited(asked, hari, cara,
                                                                  client_for):
    for user in (hari, cara):  # cara may see the case, but this is the adviser's page
        response = client_for(user).get(reverse("advice:request", args=[asked.pk]))
        assert response.status_code == 404
        assert AuditEvent.objects.filter(actor=user, action=AuditAction.DENIED).exists()


def test_advice_sent_meets_the_step_that_day_and_tells_the_caseworker(asked, aled, cara,
                                                                      client_for, today):
    assert _step(asked).done is None
    response = _give(client_for(aled), asked, **ADVICE)
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.received_on == today and _step(asked).done == today
    assert _step(asked).status == "met"
    sent = AdviceSubmission.objects.get(advice_request=asked)
    assert sent.version == 1 and sent.provision[0]["section"] == "G"
    told = Notification.objects.get(key=f"advice-submission:{sent.pk}")
    assert told.recipient == cara.email and told.child_first_name == "Mia"
    assert "swallowing" not in told.event  # never health details


def test_a_resubmission_is_a_new_version_and_the_day_met_stays(asked, aled, client_for, today):
    client = client_for(aled)
    _give(client, asked, **ADVICE)
    _give(client, asked, **{**ADVICE, "need_1": "Changed after a clinic visit"})
    versions = AdviceSubmission.objects.filter(advice_request=asked).order_by("version")
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].needs[0]["description"].startswith("Needs help")  # kept as sent
    asked.refresh_from_db()
    assert asked.received_on == today


def test_need_to_see_the_child_first_keeps_the_clock_running(asked, aled, cara, client_for):
    response = _give(client_for(aled), asked, answer="see_child_first",
                     reasons="Clinic appointment on 2 December")
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.received_on is None and _step(asked).done is None
    assert Notification.objects.filter(recipient=cara.email,
                                       event__contains="see the child").exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Choose your answer"),
        ({"answer": "no_advice"}, "Enter your reasons"),
        ({"answer": "advice"}, "Enter at least one need, outcome or provision"),
        ({"answer": "advice", "provision_1": "Therapy"}, "Enter how often for provision 1"),
    ],
)
def test_the_form_says_what_is_missing(asked, aled, client_for, data, error):
    response = _give(client_for(aled), asked, **data)
    assert response.status_code == 200 and error in response.content.decode()
    assert not AdviceSubmission.objects.exists()


def test_the_caseworker_pulls_the_structured_advice_section_by_section(asked, aled, cara,
                                                                       client_for):
    _give(client_for(aled), asked, **ADVICE)
    client = client_for(cara)
    assert client.get(reverse("casework:advice_pull", args=[asked.pk]))["Location"] == reverse(
        "advice:plan_pull", args=[asked.pk])
    url = reverse("advice:plan_pull", args=[asked.pk])
    version = asked.case.__class__.objects.get(pk=asked.case_id).version
    response = client.post(url, {"sections": ["C", "E", "G"], "version": version})
    assert response.status_code == 302
    sections = PlanVersion.objects.get(plan__case=asked.case_id).sections
    assert "feeding and swallowing" in sections["C"]
    assert sections["E"] == [{"outcome": "Eats lunch safely with friends", "by": "end of Year 2"}]
    assert "30 minutes, every week (by a speech and language therapist)" in sections["G"]
    again = client.post(url, {"sections": ["C"], "version": version + 1})
    assert "already in the sections chosen" in again.content.decode()


@pytest.mark.parametrize(
    ("role", "sees", "hidden"),
    [(Role.DCO, "Health advice", "Educational psychology"),
     (Role.SOCIAL_CARE_LEAD, "Social care advice", "Mia")],
)
def test_oversight_lists_the_areas_requests_of_its_kind(asked, area, client_for, role, sees,
                                                        hidden):
    officer = f.staff_user(role, area.northshire)
    page = client_for(officer).get(reverse("advice:oversight")).content.decode()
    assert sees in page and hidden not in page


def test_oversight_counts_timeliness(asked, area, aled, client_for, today):
    _give(client_for(aled), asked, **ADVICE)  # on the due day: on time
    dco = f.staff_user(Role.DCO, area.health)  # an NHS trust of the area
    page = client_for(dco).get(reverse("advice:oversight")).content.decode()

    assert "100% (1 of 1 due)" in page and "On time" in page
    assert "swallowing" not in page  # no health details, only the list


def test_oversight_is_not_for_advisers(aled, client_for):
    assert client_for(aled).get(reverse("advice:oversight")).status_code == 404


def test_the_request_page_shows_the_familys_own_words(asked, aled, client_for):
    """What the family sent with their own request, and the child's All about me
    (opensend.contributions), reach the adviser: the views the advice must take in."""
    from tests.contributions.factories import about_me_file, family_request_file

    family_request_file(asked.case)  # reasons "Not coping at school", needs "Reading..."
    about_me_file(asked.case.child)  # interests "Trains"

    page = client_for(aled).get(reverse("advice:request", args=[asked.pk])).content.decode()

    assert "Not coping at school" in page and "Reading and writing" in page
    assert "All about me, in their own words" in page and "Trains" in page
    assert "have not been recorded yet" not in page
