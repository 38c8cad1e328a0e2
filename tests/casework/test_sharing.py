"""Sharing outside the case (issue 11, item 6; ADR 0030): the caseworker consults a
setting on a draft plan (CFA 2014 s39(2), s40) only with the family's consent to share
with it or a Reg 17 ground (SEND Regulations 2014 reg 17(1)); the setting's SENCO sees
the draft and the chosen advice, nothing else of the case, answers within 15 days, and
loses access at their next request once the consent is withdrawn."""

import datetime as dt

import pytest
from django.urls import reverse
from procrastinate import testing
from procrastinate.contrib.django import app

from opensend.casework.issued_files import stored_bytes
from opensend.casework.models import AdviceFile, Case, IssuedDocument, SettingConsultation
from opensend.casework.services.sharing import (
    ConsentMissing,
    SharingRefused,
    setting_consult,
)
from opensend.core.models import AuditAction, AuditEvent, Notification, Upload
from opensend.core.uploads import uploads_scan_again
from opensend.people.models import AdviceService
from opensend.people.services import consent_record
from opensend.statutory.disclosure import ConsentScope, Decision, GivenBy, Reg17Ground
from tests import factories as f
from tests.casework.test_views_actions import error_summary
from tests.clamd import EICAR, clamd_standin
from tests.core.test_uploads_scan import run_scan
from tests.factories import TODAY
from tests.pages import check_page, text_of

SHARE = ConsentScope.SHARE_OUTSIDE_CASE.value


@pytest.fixture
def drafted(today, tom, cara, paula, area) -> Case:
    """Tom's draft plan is with the family; the EP's advice came back with a report."""
    with f.issued_files_stood_in():
        case = f.case_with_draft_plan(
            child=tom, caseworker=cara, advice_from=[(AdviceService.PSYCHOLOGY, area.ep_service)]
        )
    f.advice_file_add(case.advice_requests.get(), name="EP report.pdf", direction="received")
    return case


def share_consent(case, actor, organisation, decision=Decision.GIVEN, **extra):
    fields = {"given_by": GivenBy.PARENT.value} if decision in (
        Decision.GIVEN, Decision.WITHDRAWN) else {"ground": Reg17Ground.CHILD_INTERESTS.value}
    return consent_record(actor=actor, child=case.child, scope=SHARE, decision=decision,
                          decided_on=TODAY, today=TODAY, organisation=organisation,
                          **fields, **extra)


@pytest.fixture
def consulted(drafted, cara, area, sian) -> SettingConsultation:
    """Riverside (Sian's school, with no other link to Tom) consulted, with Paula's
    consent, and sent the EP's report."""
    share_consent(drafted, cara, area.riverside)
    return setting_consult(actor=cara, case=drafted, organisation=area.riverside,
                           advice_files=AdviceFile.objects.filter(advice_request__case=drafted),
                           today=TODAY)


def consultation_url(consultation, name="consultation", *args):
    return reverse(f"casework:{name}", args=[consultation.pk, *args])


# --- the caseworker consults ----------------------------------------------------------------


def test_without_consent_the_consult_is_refused_saying_what_is_missing_and_where(
    drafted, cara, area, staff_client
):
    url = reverse("casework:consult_setting", args=[drafted.pk])
    response = staff_client(cara).post(url, {"organisation": area.riverside.pk})

    assert response.status_code == 200
    assert ("There is no consent to share Tom's draft plan with Riverside Academy. Record a "
            "parent's consent") in error_summary(response)
    consent_link = f"{reverse('casework:consent', args=[drafted.pk])}?setting={area.riverside.pk}"
    assert consent_link in response.content.decode()
    assert not SettingConsultation.objects.exists()
    # The consent page, from that link, offers the setting (not on the case yet).
    page = check_page(staff_client(cara).get(consent_link))
    assert "Riverside Academy" in text_of(page.find(".//main"))


def test_with_consent_the_setting_is_sent_the_draft_due_in_15_days_and_its_senco_told(
    drafted, cara, area, sian, staff_client, django_capture_on_commit_callbacks
):
    share_consent(drafted, cara, area.riverside)
    advice_file = AdviceFile.objects.get(advice_request__case=drafted)
    url = reverse("casework:consult_setting", args=[drafted.pk])

    response = staff_client(cara).post(
        url, {"organisation": area.riverside.pk, "advice_files": [advice_file.pk]})

    assert response.status_code == 302
    made = SettingConsultation.objects.get()
    assert (made.organisation, made.consulted_on, made.due_on) == (
        area.riverside, TODAY, TODAY + dt.timedelta(days=14))
    assert made.draft == IssuedDocument.objects.get(case=drafted, kind="draft_plan")
    assert list(made.advice_files.all()) == [advice_file]
    [told] = Notification.objects.filter(key=f"consultation:{made.pk}")
    assert (told.recipient, told.child_first_name, told.next_step_due) == (
        sian.email, "Tom", made.due_on)
    assert told.link == consultation_url(made)
    page = check_page(staff_client(cara).get(url))
    assert "Riverside Academy" in text_of(page.find(".//table"))


@pytest.mark.parametrize(
    ("why", "setup", "refusal"),
    [
        ("not a school or college", lambda case, area: area.health,
         "Choose a school or college to consult."),
        ("already consulted on this draft", "twice",
         "Riverside Academy was already consulted on this draft."),
        ("no draft out", "final", "no draft plan is out"),
    ],
)
def test_the_service_refuses_what_it_may_not_send(drafted, cara, area, why, setup, refusal):
    organisation = area.riverside
    share_consent(drafted, cara, None)  # consent for every recipient
    if callable(setup):
        organisation = setup(drafted, area)
    elif setup == "twice":
        setting_consult(actor=cara, case=drafted, organisation=organisation, advice_files=[],
                        today=TODAY)
    else:
        Case.objects.filter(pk=drafted.pk).update(stage="plan")
        drafted.refresh_from_db()
    with pytest.raises(SharingRefused, match=refusal):
        setting_consult(actor=cara, case=drafted, organisation=organisation, advice_files=[],
                        today=TODAY)


def test_a_reg_17_ground_is_a_basis_and_consent_for_another_setting_is_not(
    drafted, cara, area
):
    share_consent(drafted, cara, area.oakfield)
    with pytest.raises(ConsentMissing):
        setting_consult(actor=cara, case=drafted, organisation=area.riverside, advice_files=[],
                        today=TODAY)
    share_consent(drafted, cara, area.riverside, decision=Decision.GROUND)
    assert setting_consult(actor=cara, case=drafted, organisation=area.riverside,
                           advice_files=[], today=TODAY).pk


# --- the setting's SENCO ---------------------------------------------------------------------


def test_the_senco_sees_the_consultation_and_downloads_the_draft_as_sent(
    consulted, sian, staff_client
):
    client = staff_client(sian)
    listing = check_page(client.get(reverse("casework:consultations")))
    assert "Tom Baker" in text_of(listing.find(".//main"))

    page = check_page(client.get(consultation_url(consulted)))
    main = text_of(page.find(".//main"))
    assert "Can your setting meet Tom Baker's needs?" in main
    assert "EP report.pdf" in main

    response = client.get(consultation_url(consulted, "consultation_draft"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == stored_bytes(consulted.draft, "pdf")
    shared = consulted.advice_files.get()
    response = client.get(consultation_url(consulted, "consultation_file", shared.pk))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    downloads = AuditEvent.objects.filter(actor=sian, action=AuditAction.DOWNLOAD)
    assert sorted(downloads.values_list("why", flat=True)) == [
        "download a draft plan shared for consultation",
        "download advice shared for consultation",
    ]


def test_the_senco_reaches_nothing_else_of_the_case(consulted, sian, drafted, staff_client):
    """The consultation is the only way a document leaves the case (security.md goal 12)."""
    client = staff_client(sian)
    case, document = drafted, consulted.draft
    other_file = f.advice_file_add(case.advice_requests.get(), name="not shared.pdf",
                                   direction="received")
    for url in (
        reverse("casework:case", args=[case.pk]),
        reverse("casework:plan_pdf", args=[case.pk, 1]),
        reverse("casework:issued_document_pdf", args=[case.pk, document.pk]),
        reverse("casework:advice_file", args=[consulted.advice_files.get().pk]),
        reverse("casework:advice_file", args=[other_file.pk]),
        consultation_url(consulted, "consultation_file", other_file.pk),
    ):
        assert client.get(url).status_code == 404, url


def test_the_senco_answers_once_and_the_caseworker_sees_it_and_is_told(
    consulted, sian, cara, staff_client
):
    url = consultation_url(consulted)
    assert "Enter your reasons" in error_summary(
        staff_client(sian).post(url, {"answer": "cannot_meet"}))

    response = staff_client(sian).post(
        url, {"answer": "cannot_meet", "reasons": "Our autism base has no place until April."})

    assert response.status_code == 302
    consulted.refresh_from_db()
    assert (consulted.answer, consulted.answered_on, consulted.answered_by) == (
        "cannot_meet", TODAY, sian)
    [told] = Notification.objects.filter(key=f"consultation-answer:{consulted.pk}")
    assert told.recipient == cara.email
    assert told.event == "Riverside Academy says it cannot meet the needs in the draft plan"
    page = check_page(staff_client(cara).get(
        reverse("casework:consult_setting", args=[consulted.case_id])))
    assert "Our autism base has no place until April." in text_of(page.find(".//table"))
    again = check_page(staff_client(sian).get(url))
    assert "Send your answer" not in text_of(again.find(".//main"))


def test_a_withdrawal_applies_at_the_setting_s_next_request(consulted, sian, cara, staff_client):
    client = staff_client(sian)
    urls = [consultation_url(consulted), consultation_url(consulted, "consultation_draft"),
            consultation_url(consulted, "consultation_file", consulted.advice_files.get().pk)]
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]

    share_consent(consulted.case, cara, consulted.organisation, decision=Decision.WITHDRAWN)

    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    assert "Tom Baker" not in client.get(reverse("casework:consultations")).content.decode()
    refusals = AuditEvent.objects.filter(actor=sian, action=AuditAction.DENIED)
    assert refusals.count() == 3
    assert all("missing: consent or Reg 17 ground" in r.why for r in refusals)
    page = check_page(staff_client(cara).get(
        reverse("casework:consult_setting", args=[consulted.case_id])))
    assert "Consent withdrawn: no access" in text_of(page.find(".//table"))


def test_a_parent_s_consent_expires_when_the_child_becomes_a_young_person(
    consulted, sian, staff_client
):
    """CFA 2014 s80: from the end of compulsory school age the young person decides; the
    consent their parent gave no longer counts, so the setting loses access."""
    child = consulted.case.child
    child.date_of_birth = dt.date(2008, 3, 10)  # a young person since summer 2024
    child.save(update_fields=["date_of_birth"])

    assert staff_client(sian).get(consultation_url(consulted)).status_code == 404


# --- a file the virus scan flags is never served -------------------------------------------


def test_a_shared_file_clamd_flags_later_is_never_served_on_any_route(
    drafted, cara, sian, area, staff_client, settings
):
    """A report stored while scanning was off is shared; scanning is switched on and the
    stored files scanned again (uploads_scan_again); clamd flags it: from then on no route
    serves it, to the setting or to the caseworker who uploaded it."""
    flagged = f.advice_file_add(drafted.advice_requests.get(), name="report.pdf",
                                content=b"%PDF-1.7\n" + EICAR, direction="received")
    share_consent(drafted, cara, area.riverside)
    consultation = setting_consult(actor=cara, case=drafted, organisation=area.riverside,
                                   advice_files=[flagged], today=TODAY)
    urls = [reverse("casework:advice_file", args=[flagged.pk]),
            consultation_url(consultation, "consultation_file", flagged.pk)]
    assert staff_client(sian).get(urls[1]).status_code == 200

    with clamd_standin() as (address, _scanned):
        settings.CLAMD_ADDRESS = address
        with app.replace_connector(testing.InMemoryConnector()):
            uploads_scan_again(failed=False, not_scanned=True)
        for upload_id in Upload.objects.filter(scan_status="pending").values_list("pk", flat=True):
            run_scan(upload_id)

    assert Upload.objects.get(pk=flagged.upload_id).scan_status == "infected"
    for user, url in [(cara, urls[0]), (sian, urls[1]), (cara, urls[1])]:
        response = staff_client(user).get(url)
        assert response.status_code == 404 and "Content-Disposition" not in response, url
    # Nor is it accepted for sharing with another setting.
    share_consent(drafted, cara, area.oakfield)
    again = setting_consult(actor=cara, case=drafted, organisation=area.oakfield,
                            advice_files=[flagged], today=TODAY)
    assert not again.advice_files.exists()
