"""Issue 13, finding 5: staff of other organisations downloaded the unissued draft of a
19-year-old who had given no consent. A young person's unissued documents now go to
staff outside the authority's SEN team only with the young person's consent or a
recorded Reg 17 ground for their organisation (SEND Regulations 2014 reg 17(1); CFA 2014
s80); a refusal is audited and says what is missing; a withdrawal applies at the next
request."""

import datetime as dt

import pytest
from django.urls import reverse

from opensend.casework.models import Case, PanelQuestion, VersionKind
from opensend.casework.services.plans import plan_version_save
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import AdviceService, Consent, Role
from opensend.people.services import ConsentRefused, consent_record
from opensend.statutory.disclosure import ConsentScope, Decision, GivenBy, Reg17Ground
from tests import factories as f
from tests.factories import TODAY, WEEK

UNISSUED = ConsentScope.UNISSUED_DOCUMENTS.value


@pytest.fixture
def yasmin_case(yasmin_record, cara, area) -> Case:
    """Yasmin (20): assessed with advice from health (the NHS trust) and from Riverside
    (another school's SENCO asked for advice); an unissued working draft (version 1)."""
    case = f.case_assessing(
        child=yasmin_record, caseworker=cara, received_on=TODAY - 14 * WEEK,
        advice_from=[(AdviceService.HEALTH, area.health),
                     (AdviceService.EDUCATION, area.riverside)],
        advice_received=True,
    )
    case = f.panel_decide(case, question=PanelQuestion.ISSUE, met_on=TODAY - 3 * WEEK,
                          today=TODAY)
    plan_version_save(actor=cara, case=case, kind=VersionKind.DRAFT,
                      sections=f.plan_sections(area.college), today=TODAY,
                      expected_version=Case.objects.get(pk=case.pk).version)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def outsiders(area, sian) -> dict[str, object]:
    """Staff of other organisations who see Yasmin's case through a relationship (the
    health adviser does not: ADR 0035, test_the_health_adviser_does_not_see_the_case)."""
    college_senco = f.staff_user(Role.SENCO, area.college)
    return {"another school's SENCO": sian, "college SENCO": college_senco}


def _pdf(case: Case) -> str:
    return reverse("casework:plan_pdf", kwargs={"case_id": case.pk, "number": 1})


def _give(case: Case, actor, organisation=None, decision=Decision.GIVEN, **extra) -> Consent:
    fields = {"given_by": GivenBy.YOUNG_PERSON.value} if decision in (
        Decision.GIVEN, Decision.WITHDRAWN) else {}
    return consent_record(actor=actor, child=case.child, scope=UNISSUED, decision=decision,
                          decided_on=TODAY, today=TODAY, organisation=organisation,
                          **fields, **extra)


def test_staff_outside_the_sen_team_are_refused_without_consent(
    yasmin_case, outsiders, staff_client
):
    for role, user in outsiders.items():
        response = staff_client(user).get(_pdf(yasmin_case))
        assert response.status_code == 403, role
        text = response.content.decode()
        assert "You cannot open this draft yet" in text
        assert "Consent and Reg 17 grounds" in text  # where to record it
        assert "Cara Clarke" in text  # who records it
        denied = AuditEvent.objects.filter(actor=user, action=AuditAction.DENIED).get()
        assert denied.detail["missing"] == "consent or Reg 17 ground"
        assert denied.child_id == yasmin_case.child_id
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_the_authoritys_sen_team_writes_the_draft_and_opens_it(yasmin_case, cara, sam,
                                                                staff_client):
    for user in (cara, sam):
        response = staff_client(user).get(_pdf(yasmin_case))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
    download = AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, actor=cara).get()
    assert download.detail["basis"] == "authority's SEN team"


def test_consent_for_one_organisation_opens_it_for_that_organisation_only(
    yasmin_case, outsiders, cara, area, staff_client
):
    _give(yasmin_case, cara, organisation=area.riverside)
    riverside = staff_client(outsiders["another school's SENCO"])
    assert riverside.get(_pdf(yasmin_case)).status_code == 200
    assert staff_client(outsiders["college SENCO"]).get(_pdf(yasmin_case)).status_code == 403
    download = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert download.detail["basis"] == "consent"


def test_a_withdrawal_applies_at_the_next_request(yasmin_case, sian, cara, area,
                                                  staff_client):
    client = staff_client(sian)
    _give(yasmin_case, cara)  # every organisation on the case
    assert client.get(_pdf(yasmin_case)).status_code == 200
    _give(yasmin_case, cara, organisation=area.riverside, decision=Decision.WITHDRAWN)
    assert client.get(_pdf(yasmin_case)).status_code == 403


def test_a_reg_17_ground_opens_it_without_consent(yasmin_case, sian, cara, area,
                                                 staff_client):
    _give(yasmin_case, cara, organisation=area.riverside, decision=Decision.GROUND,
          ground=Reg17Ground.APPEAL.value)
    assert staff_client(sian).get(_pdf(yasmin_case)).status_code == 200
    download = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert "reg 17(1)(b)" in download.detail["basis"]
    _give(yasmin_case, cara, organisation=area.riverside, decision=Decision.GROUND_ENDED,
          ground=Reg17Ground.APPEAL.value)
    assert staff_client(sian).get(_pdf(yasmin_case)).status_code == 403


def test_a_parents_consent_does_not_count_for_a_young_person(yasmin_case, cara):
    with pytest.raises(ConsentRefused, match="the young person or their representative"):
        consent_record(
            actor=cara, child=yasmin_case.child, scope=UNISSUED, decision=Decision.GIVEN,
            given_by=GivenBy.PARENT.value, decided_on=TODAY, today=TODAY)
    assert not Consent.objects.exists()


def test_issued_versions_are_not_affected(yasmin_case, sian, cara, staff_client):
    version = yasmin_case.plan.versions.get(number=1)
    version.issued_on = TODAY - dt.timedelta(days=1)
    version.save(update_fields=["issued_on"])
    assert staff_client(sian).get(_pdf(yasmin_case)).status_code == 200


def test_the_health_adviser_does_not_see_the_case(yasmin_case, aled, cara, staff_client):
    """Asked for health advice, Aled reaches Yasmin only through his advice request
    (ADR 0035): the case and its drafts are not found, whatever the consent says."""
    _give(yasmin_case, cara)  # every organisation on the case
    client = staff_client(aled)
    assert client.get(_pdf(yasmin_case)).status_code == 404
    assert client.get(reverse("casework:case", args=[yasmin_case.pk])).status_code == 404
    advice = yasmin_case.advice_requests.get(service=AdviceService.HEALTH)
    assert client.get(reverse("advice:request", args=[advice.pk])).status_code == 200


def test_the_case_page_offers_no_link_to_a_draft_it_would_refuse(yasmin_case, sian, cara,
                                                                  staff_client):
    page = staff_client(sian).get(reverse("casework:case", args=[yasmin_case.pk]))
    text = page.content.decode()
    assert _pdf(yasmin_case) not in text
    assert "consent or a Reg 17 ground for your organisation" in text
    assert reverse("casework:consent", args=[yasmin_case.pk]) not in text
    own = staff_client(cara).get(reverse("casework:case", args=[yasmin_case.pk])).content.decode()
    assert _pdf(yasmin_case) in own
    assert reverse("casework:consent", args=[yasmin_case.pk]) in own


def test_a_childs_drafts_are_not_held_back(tom, cara, sue, area, staff_client):
    """The check covers young persons, as the finding does (CFA 2014 s80); a child's
    drafts stay as they were until parents' consent is recorded (ADR 0023)."""
    case = f.case_assessing(child=tom, caseworker=cara)
    plan_version_save(actor=cara, case=case, kind=VersionKind.DRAFT,
                      sections=f.plan_sections(area.hillside), today=TODAY,
                      expected_version=Case.objects.get(pk=case.pk).version)
    assert staff_client(sue).get(_pdf(case)).status_code == 200


def test_recording_consent_on_the_case(yasmin_case, cara, area, sian, staff_client):
    client = staff_client(cara)
    url = reverse("casework:consent", args=[yasmin_case.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "decision": "given", "scope": UNISSUED, "organisation": str(area.riverside.pk),
        "given_by": "young_person", "decided_on-day": "20", "decided_on-month": "11",
        "decided_on-year": "2026", "note": "Yasmin agreed at the review meeting",
    })
    assert response.status_code == 302
    row = Consent.objects.get()
    assert (row.organisation, row.given_by, row.recorded_by) == (
        area.riverside, "young_person", cara)
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE, object_type="Consent").exists()
    assert staff_client(sian).get(_pdf(yasmin_case)).status_code == 200
    history = client.get(url).content.decode()
    assert "Yasmin agreed at the review meeting" in history


def test_the_consent_form_says_what_is_missing(yasmin_case, cara, staff_client):
    url = reverse("casework:consent", args=[yasmin_case.pk])
    client = staff_client(cara)
    text = client.post(url, {"decision": "ground", "scope": UNISSUED,
                             "organisation": "all"}).content.decode()
    assert "Select the Reg 17 ground" in text
    text = client.post(url, {"decision": "given", "scope": UNISSUED, "organisation": "all",
                             "given_by": "parent", "decided_on-day": "20",
                             "decided_on-month": "11",
                             "decided_on-year": "2026"}).content.decode()
    assert "consent is given or withdrawn by the young person or their representative" in text
    assert not Consent.objects.exists()


def test_consent_rows_are_append_only(yasmin_case, cara):
    from django.db import IntegrityError, InternalError, ProgrammingError, transaction

    row = _give(yasmin_case, cara)
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        Consent.objects.filter(pk=row.pk).update(decision=Decision.WITHDRAWN.value)
