"""Advice (issue 9, item 5): several advisers on one form, each list filtered by the kind
of advice, a message and files; the advice received with its files, shown on the case;
the download of each file (authorised, audited, as an attachment); chasing that says it
only records the chase; and pulling the advice into the plan.

Personas (tests/personas.py): Cara the caseworker of Tom's case, Colin another
caseworker, Aled the health advice giver, Paula Tom's mother.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from procrastinate import testing
from procrastinate.contrib.django import app

from opensend.casework.models import AdviceFile, AdviceRequest, Case, CaseEvent, EventKind
from opensend.core.models import AuditAction, AuditEvent, Notification, Upload
from opensend.people.models import AdviceService
from tests import factories as f
from tests.casework.test_views_actions import assert_saved, case_url, error_summary, on
from tests.clamd import EICAR, clamd_standin
from tests.core.test_uploads_scan import run_scan
from tests.factories import TODAY, WEEK
from tests.pages import check_page, elements_with_class, text_of

DAY = dt.timedelta(days=1)
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    """Every test runs on TODAY (22 November 2026)."""


@pytest.fixture
def assessing(cara, tom) -> Case:
    return f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)


@pytest.fixture
def advice(assessing, area) -> AdviceRequest:
    return f.advice_ask(
        assessing, organisation=area.health, service=AdviceService.HEALTH,
        requested_on=TODAY - 3 * WEEK,
    )


def pdf(name: str = "speech-report.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_several_advisers_asked_on_one_form_with_a_message_and_files(
    staff_client, cara, assessing, area
):
    url = reverse("casework:advice_request", args=[assessing.pk])
    page = check_page(staff_client(cara).get(url))
    health = page.find(".//select[@name='adviser_health']")
    assert {o.get("value") for o in health.iter("option")} == {"", str(area.health.pk)}
    data = {
        "version": assessing.version,
        "adviser_education": area.hillside.pk,
        "adviser_health": area.health.pk,
        "adviser_psychology": area.ep_service.pk,
        "message": "Please assess his speech and language.",
        "attachments": [pdf(), SimpleUploadedFile("drawing.png", PNG)],
        **on("requested_on", TODAY - DAY),
    }

    response = staff_client(cara).post(url, data)

    assert_saved(response, assessing, "Advice requested from Hillside First School, "
                 "Northshire Community Health NHS Trust, Northshire Educational Psychology")
    asked = list(AdviceRequest.objects.filter(case=assessing).order_by("pk"))
    assert [(a.service, a.due_on) for a in asked] == [
        (s, TODAY - DAY + 6 * WEEK) for s in ("education", "health", "psychology")
    ]
    assert {a.message for a in asked} == {"Please assess his speech and language."}
    assert Upload.objects.count() == 2  # stored once, sent to all three
    assert AdviceFile.objects.filter(direction="sent").count() == 6
    requested = CaseEvent.objects.filter(case=assessing, kind=EventKind.ADVICE_REQUESTED)
    assert sorted(e.data["source"] for e in requested) == ["education", "health", "psychology"]


def test_a_school_cannot_be_asked_for_health_advice(staff_client, cara, assessing, area):
    url = reverse("casework:advice_request", args=[assessing.pk])
    data = {"version": assessing.version, "adviser_health": area.hillside.pk,
            **on("requested_on", TODAY)}

    summary = error_summary(staff_client(cara).post(url, data))

    assert "Select a valid choice" in summary
    assert not AdviceRequest.objects.exists()


WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 54 + b"PE\x00\x00"
LINUX_EXE = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56


@pytest.mark.parametrize(("name", "content", "told"), [
    ("report.pdf", b"<script>alert(1)</script>", "report.pdf is not a real PDF"),
    ("report.pdf", WINDOWS_EXE, "report.pdf is not a real PDF"),  # a renamed .exe
    ("voice note.mp3", LINUX_EXE, "voice note.mp3 is not a real MP3 audio"),
    ("drawing.jpg", WINDOWS_EXE, "drawing.jpg is not a real JPEG image"),
    ("setup.exe", WINDOWS_EXE, "setup.exe must be a PDF, Word document, image"),
])
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_asked(
    staff_client, cara, assessing, area, name, content, told
):
    url = reverse("casework:advice_request", args=[assessing.pk])
    data = {
        "version": assessing.version,
        "adviser_health": area.health.pk,
        "attachments": [SimpleUploadedFile(name, content)],
        **on("requested_on", TODAY),
    }

    summary = error_summary(staff_client(cara).post(url, data))

    assert told in summary
    assert not AdviceRequest.objects.exists() and not Upload.objects.exists()


def test_a_file_over_the_limit_is_refused_with_the_limit(
    staff_client, cara, assessing, area, settings
):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    big = pdf("scan.pdf", PDF + b"0" * (1024 * 1024))
    url = reverse("casework:advice_request", args=[assessing.pk])
    data = {"version": assessing.version, "adviser_health": area.health.pk,
            "attachments": [big], **on("requested_on", TODAY)}

    summary = error_summary(staff_client(cara).post(url, data))

    assert "scan.pdf must be smaller than 1MB" in summary
    assert not Upload.objects.exists()


def test_advice_received_with_files_is_shown_on_the_case(staff_client, cara, advice):
    url = reverse("casework:advice_received", args=[advice.pk])
    check_page(staff_client(cara).get(url))
    response = staff_client(cara).post(url, {
        "version": advice.case.version,
        "summary": "Needs a sensory diet and daily speech therapy.",
        "files": [pdf("health-advice.pdf")],
        **on("received_on", TODAY - DAY),
    })

    assert_saved(response, advice.case, "Advice received recorded")
    page = check_page(staff_client(cara).get(case_url(advice.case)))
    cards = [text_of(c) for c in elements_with_class(page, "govuk-summary-card")]
    [card] = [c for c in cards if "Needs a sensory diet and daily speech therapy." in c]
    assert "health-advice.pdf" in card and "not scanned" in card
    link = page.find(".//a[@download]")
    assert link.get("href") == reverse("casework:advice_file", args=[advice.files.get().pk])
    assert reverse("casework:advice_pull", args=[advice.pk]) in {
        a.get("href") for a in page.iter("a")}


def test_advice_received_on_a_stale_page_is_a_conflict(staff_client, cara, advice):
    url = reverse("casework:advice_received", args=[advice.pk])
    stale = advice.case.version - 1
    summary = error_summary(staff_client(cara).post(
        url, {"version": stale, "summary": "Late.", **on("received_on", TODAY)}))
    assert "Someone else changed this case" in summary
    advice.refresh_from_db()
    assert advice.received_on is None


def test_advice_received_already_is_shown_not_recorded_again(staff_client, cara, advice):
    url = reverse("casework:advice_received", args=[advice.pk])
    staff_client(cara).post(url, {"version": advice.case.version, "summary": "First.",
                                  **on("received_on", TODAY)})
    page = check_page(staff_client(cara).get(url))
    assert page.find(".//main//form") is None
    advice.refresh_from_db()
    assert advice.summary == "First."


def _received_with_file(advice: AdviceRequest, actor) -> AdviceFile:
    from opensend.casework.services.advice import advice_receive

    advice_receive(actor=actor, advice=advice, received_on=TODAY - DAY,
                   summary="Speech and language: daily therapy.",
                   files=[pdf("health-advice.pdf")], today=TODAY, expected_version=None)
    return advice.files.get()


def test_the_file_downloads_as_an_attachment_and_is_audited(
    staff_client, cara, aled, advice
):
    stored = _received_with_file(advice, cara)

    for user in (cara, aled):  # the caseworker, and the adviser asked about Tom
        response = staff_client(user).get(reverse("casework:advice_file", args=[stored.pk]))
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="health-advice.pdf"'
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF
        assert AuditEvent.objects.filter(
            actor=user, action=AuditAction.DOWNLOAD, child_id=advice.case.child_id,
            object_type="Upload", object_id=str(stored.upload_id)).count() == 1


def test_the_file_is_refused_to_unrelated_users_and_families(
    staff_client, family_client, cara, colin, paula, hari, advice
):
    stored = _received_with_file(advice, cara)
    url = reverse("casework:advice_file", args=[stored.pk])
    for client in (staff_client(colin), staff_client(hari), family_client(paula)):
        response = client.get(url)
        assert response.status_code == 404 and "Content-Disposition" not in response
    assert AuditEvent.objects.filter(actor=colin, action=AuditAction.DENIED).exists()


def _received_through_the_form(client, advice: AdviceRequest, content: bytes) -> AdviceFile:
    """The caseworker records the advice with a file, as the page does; the upload's scan
    job is queued when the request's transaction commits."""
    response = client.post(reverse("casework:advice_received", args=[advice.pk]), {
        "version": advice.case.version, "summary": "Daily speech therapy.",
        "files": [pdf("health-advice.pdf", content)], **on("received_on", TODAY - DAY)})
    assert response.status_code == 302
    return advice.files.get()


def _file_on_case_page(client, advice: AdviceRequest) -> tuple[str, bool]:
    """The received file's line on the case page, and whether it is a download link."""
    page = check_page(client.get(case_url(advice.case)))
    cards = [c for c in elements_with_class(page, "govuk-summary-card")
             if "Daily speech therapy." in text_of(c)]
    return text_of(cards[0]), cards[0].find(".//a[@download]") is not None


def _file_on_advice_page(client, advice: AdviceRequest) -> tuple[str, bool]:
    """The file's line on the adviser's page of the request (the adviser does not see
    the case page: ADR 0035), and whether it is a download link."""
    page = check_page(client.get(reverse("advice:request", args=[advice.pk])))
    lines = [li for li in page.iter("li") if "health-advice.pdf" in text_of(li)]
    return text_of(lines[0]), lines[0].find(".//a[@download]") is not None


@pytest.fixture
def clamd(settings):
    """ClamAV's clamd (a stand-in speaking INSTREAM) and a queue keeping the scan jobs."""
    with clamd_standin() as (address, scanned):
        settings.CLAMD_ADDRESS = address
        connector = testing.InMemoryConnector()
        with app.replace_connector(connector):
            yield connector, scanned


def _run_queued_scans(connector) -> None:
    for job in list(connector.jobs.values()):
        run_scan(job["args"]["upload_id"])


def test_a_file_clamd_flags_is_never_served_and_its_uploader_is_told(
    staff_client, cara, aled, advice, clamd, django_capture_on_commit_callbacks
):
    connector, scanned = clamd
    with django_capture_on_commit_callbacks(execute=True):
        stored = _received_through_the_form(staff_client(cara), advice, PDF + EICAR)
    _run_queued_scans(connector)
    assert len(scanned) == 1

    assert Upload.objects.get(pk=stored.upload_id).scan_status == "infected"
    url = reverse("casework:advice_file", args=[stored.pk])
    for user in (cara, aled):  # the uploader included
        response = staff_client(user).get(url)
        assert response.status_code == 404 and "Content-Disposition" not in response
        assert AuditEvent.objects.filter(
            actor=user, action=AuditAction.DENIED, why="advice file held: a virus was found",
        ).exists()
    line, linked = _file_on_case_page(staff_client(cara), advice)
    assert "a virus was found: nobody can open it. Upload a clean copy" in line and not linked
    line, linked = _file_on_advice_page(staff_client(aled), advice)
    assert "a virus was found: it cannot be opened" in line and not linked


def test_a_file_waiting_for_its_scan_is_held_from_all_but_its_uploader(
    staff_client, cara, aled, advice, clamd, django_capture_on_commit_callbacks
):
    connector, _ = clamd
    with django_capture_on_commit_callbacks(execute=True):
        stored = _received_through_the_form(staff_client(cara), advice, PDF)
    url = reverse("casework:advice_file", args=[stored.pk])

    assert staff_client(cara).get(url).status_code == 200
    assert staff_client(aled).get(url).status_code == 404
    line, linked = _file_on_advice_page(staff_client(aled), advice)
    assert "waiting for a virus scan before it can be opened" in line and not linked
    line, linked = _file_on_case_page(staff_client(cara), advice)
    assert "only you can open it until then" in line and linked

    _run_queued_scans(connector)  # clamd says clean

    assert staff_client(aled).get(url).status_code == 200
    line, linked = _file_on_advice_page(staff_client(aled), advice)
    assert "no virus found" in line and linked


def test_a_chase_sends_the_adviser_a_reminder(staff_client, cara, colin, aled, hari, advice):
    url = reverse("casework:advice_chase", args=[advice.pk])
    assert staff_client(cara).get(url).status_code == 405
    page = check_page(staff_client(cara).get(case_url(advice.case)))
    assert "Chasing emails the adviser's team a reminder" in text_of(page.find(".//main"))

    response = staff_client(cara).post(url, {"version": advice.case.version})

    assert_saved(response, advice.case, "Chase of Northshire Community Health NHS Trust "
                 "recorded. A reminder is being emailed to the adviser's team")
    advice.refresh_from_db()
    assert (advice.times_chased, advice.last_chased_on) == (1, TODAY)
    reminders = Notification.objects.filter(key=f"advice:{advice.pk}:chase:1")
    assert [n.recipient for n in reminders] == [aled.email]  # not Hari: another trust
    assert {n.next_step_due for n in reminders} == {advice.due_on}
    assert staff_client(colin).post(url, {"version": 99}).status_code == 404


def test_a_chase_from_a_stale_page_is_not_recorded(staff_client, cara, advice):
    url = reverse("casework:advice_chase", args=[advice.pk])
    response = staff_client(cara).post(url, {"version": advice.case.version - 1})
    assert response.status_code == 302
    advice.refresh_from_db()
    assert advice.times_chased == 0


def test_advice_of_an_unknown_id_is_404(staff_client, cara):
    client = staff_client(cara)
    assert client.post(reverse("casework:advice_chase", args=[999999])).status_code == 404
    assert client.get(reverse("casework:advice_file", args=[999999])).status_code == 404


def test_advice_pulled_into_the_chosen_section_of_the_working_plan(staff_client, cara, advice):
    _received_with_file(advice, cara)
    case = Case.objects.get(pk=advice.case_id)
    url = reverse("casework:advice_pull", args=[advice.pk])
    page = check_page(staff_client(cara).get(url))
    checked = page.find(".//input[@name='section'][@checked]")
    assert checked.get("value") == "C"  # health advice: health needs, suggested

    response = staff_client(cara).post(url, {"version": case.version, "section": "C"})

    assert_saved(response, case, "The advice was added to section C")
    version = case.plan.versions.get()
    assert version.issued_on is None and version.kind == "draft"
    assert version.sections["C"] == (
        "Health advice from Northshire Community Health NHS Trust "
        f"(received {(TODAY - DAY).day} {TODAY - DAY:%B %Y}):\n"
        "Speech and language: daily therapy."
    )
    again = error_summary(staff_client(cara).post(
        url, {"version": Case.objects.get(pk=case.pk).version, "section": "C"}))
    assert "already in section C" in again


def test_advice_not_yet_received_cannot_be_pulled(staff_client, cara, advice):
    url = reverse("casework:advice_pull", args=[advice.pk])
    summary = error_summary(staff_client(cara).post(
        url, {"version": advice.case.version, "section": "K"}))
    assert "has not been received yet" in summary
