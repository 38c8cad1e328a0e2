"""The virus scan of the one upload gate (issue 11, item 5): ClamAV's clamd over its
socket with INSTREAM (opensend/core/clamd.py), run by a Procrastinate job once the
upload commits and retried while clamd cannot be reached; a file is held from everyone
but its uploader until it is scanned clean, and never served with a virus found.

clamd is a stand-in started by each test (tests/clamd.py) on a local TCP port or a unix
socket: it answers "stream: OK" or "stream: Eicar-Test-Signature FOUND".
"""

import io
import socket
import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from procrastinate import testing
from procrastinate.contrib.django import app
from procrastinate.job_context import JobContext
from procrastinate.jobs import Job

from opensend.core import tasks
from opensend.core.clamd import (
    CHUNK_BYTES,
    ClamdError,
    ClamdUnavailable,
    Verdict,
    clamd_scan,
    verdict_of,
)
from opensend.core.models import AuditAction, AuditEvent, ScanStatus, Upload
from opensend.core.uploads import stored_path, upload_servable, upload_store
from tests import factories as f
from tests.clamd import EICAR, clamd_standin

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


def closed_port() -> str:
    """The address of a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"tcp://127.0.0.1:{port}"


def run_scan(upload_id: int, attempts: int = 0) -> str | None:
    """Run the job as the worker would, on its attempt number `attempts` (0: the first)."""
    job = Job(id=1, queue="default", lock=None, queueing_lock=None,
              task_name=tasks.upload_virus_scan.name, attempts=attempts,
              task_kwargs={"upload_id": upload_id})
    context = JobContext(app=app, job=job, start_timestamp=0.0, abort_reason=lambda: None)
    return tasks.upload_virus_scan(context, upload_id=upload_id)


@pytest.fixture
def scanning(settings):
    """clamd configured, and a queue that keeps the jobs deferred."""
    with clamd_standin() as (address, scanned):
        settings.CLAMD_ADDRESS = address
        connector = testing.InMemoryConnector()
        with app.replace_connector(connector):
            yield connector, scanned


def store(name: str, content: bytes, actor=None) -> Upload:
    return upload_store(actor=actor or f.UserFactory(), upload=SimpleUploadedFile(name, content))


# --- the clamd client ---------------------------------------------------------


def test_clamd_over_tcp_sends_the_whole_file_and_reads_the_verdict(tmp_path):
    big = tmp_path / "big.pdf"
    big.write_bytes(PDF + b"0" * (CHUNK_BYTES * 2 + 17))  # three chunks
    flagged = tmp_path / "flagged.pdf"
    flagged.write_bytes(PDF + EICAR)
    with clamd_standin() as (address, scanned):
        assert clamd_scan(address, big, timeout=5) == Verdict(infected=False)
        assert clamd_scan(address, flagged, timeout=5) == Verdict(
            infected=True, signature="Eicar-Test-Signature")
    assert scanned == [big.read_bytes(), flagged.read_bytes()]


def test_clamd_over_a_unix_socket(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="clamd", dir="/tmp"))  # short: sun_path limit
    flagged = tmp_path / "voice.mp3"
    flagged.write_bytes(b"ID3" + EICAR)
    try:
        with clamd_standin(folder / "clamd.ctl") as (address, _):
            assert address.startswith("unix:///tmp/")
            assert clamd_scan(address, flagged, timeout=5).infected
    finally:
        (folder / "clamd.ctl").unlink(missing_ok=True)
        folder.rmdir()


def test_clamd_that_cannot_be_reached_is_unavailable(tmp_path):
    file = tmp_path / "a.pdf"
    file.write_bytes(PDF)
    with pytest.raises(ClamdUnavailable, match="cannot be reached"):
        clamd_scan(closed_port(), file, timeout=5)


@pytest.mark.parametrize("reply", ["INSTREAM size limit exceeded. ERROR", "", "stream: odd"])
def test_an_answer_that_is_not_a_verdict_is_an_error(reply):
    with pytest.raises(ClamdError, match="could not scan"):
        verdict_of(reply)


def test_a_bad_address_is_a_configuration_error(tmp_path):
    with pytest.raises(ValueError, match="CLAMD_ADDRESS must be"):
        clamd_scan("clamd.local:3310", tmp_path, timeout=5)


# --- scanning each upload -----------------------------------------------------


def test_scanning_switched_off_says_so_and_queues_nothing(
    db, settings, django_capture_on_commit_callbacks
):
    settings.CLAMD_ADDRESS = ""
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector), django_capture_on_commit_callbacks(execute=True):
        stored = store("report.pdf", PDF)
    assert stored.scan_status == ScanStatus.NOT_SCANNED
    assert stored.get_scan_status_display() == "Not scanned: virus scanning is switched off"
    assert connector.jobs == {}
    assert upload_servable(stored, f.UserFactory())


def test_an_upload_waits_for_its_scan_which_is_queued_once_it_commits(
    db, scanning, django_capture_on_commit_callbacks
):
    connector, _ = scanning
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        stored = store("report.pdf", PDF)
        assert connector.jobs == {}  # nothing queued before the upload is committed
    assert stored.scan_status == ScanStatus.PENDING
    for callback in callbacks:
        callback()
    [job] = connector.jobs.values()
    assert job["task_name"] == "opensend.core.tasks.upload_virus_scan"
    assert job["args"] == {"upload_id": stored.pk}


def test_the_scan_records_clean_and_the_file_is_then_served_to_others(db, scanning):
    _, scanned = scanning
    uploader, other = f.UserFactory(), f.UserFactory()
    stored = store("report.pdf", PDF, uploader)
    assert upload_servable(stored, uploader) and not upload_servable(stored, other)

    assert run_scan(stored.pk) == ScanStatus.CLEAN

    stored.refresh_from_db()
    assert (stored.scan_status, stored.scanned_at is not None) == (ScanStatus.CLEAN, True)
    assert scanned == [stored_path(stored.stored_name).read_bytes()]
    assert upload_servable(stored, uploader) and upload_servable(stored, other)
    assert run_scan(stored.pk) is None and len(scanned) == 1  # scanned once only


def test_a_file_clamd_flags_is_served_to_nobody_and_the_finding_is_audited(db, scanning):
    uploader = f.UserFactory()
    stored = store("drawing.png", b"\x89PNG\r\n\x1a\n" + EICAR, uploader)

    assert run_scan(stored.pk) == ScanStatus.INFECTED

    stored.refresh_from_db()
    assert stored.scan_status == ScanStatus.INFECTED
    assert not upload_servable(stored, uploader) and not upload_servable(stored, f.UserFactory())
    row = AuditEvent.objects.get(object_type="Upload", object_id=str(stored.pk))
    assert (row.action, row.actor_id) == (AuditAction.CHANGE, None)
    assert row.why == "virus scan: virus found"
    assert row.detail["signature"] == "Eicar-Test-Signature"


def test_clamd_down_is_retried_then_the_retry_scans_the_file(db, settings, scanning):
    address = settings.CLAMD_ADDRESS
    stored = store("report.pdf", PDF)
    settings.CLAMD_ADDRESS = closed_port()

    with pytest.raises(ClamdUnavailable) as raised:
        run_scan(stored.pk, attempts=0)

    stored.refresh_from_db()
    assert stored.scan_status == ScanStatus.PENDING  # still held, not failed
    job = Job(id=1, queue="default", lock=None, queueing_lock=None,
              task_name=tasks.upload_virus_scan.name, attempts=0, task_kwargs={})
    decision = tasks.SCAN_RETRY.get_retry_decision(exception=raised.value, job=job)
    assert decision is not None and tasks.upload_virus_scan.retry_strategy is tasks.SCAN_RETRY

    settings.CLAMD_ADDRESS = address  # clamd is back for the retry
    assert run_scan(stored.pk, attempts=1) == ScanStatus.CLEAN


def test_after_the_last_try_the_file_is_marked_failed_and_stays_held(db, settings, scanning):
    uploader = f.UserFactory()
    stored = store("report.pdf", PDF, uploader)
    settings.CLAMD_ADDRESS = closed_port()
    last = tasks.SCAN_RETRY.max_attempts

    with pytest.raises(ClamdUnavailable):
        run_scan(stored.pk, attempts=last - 1)
    assert Upload.objects.get(pk=stored.pk).scan_status == ScanStatus.PENDING
    with pytest.raises(ClamdUnavailable):
        run_scan(stored.pk, attempts=last)

    stored.refresh_from_db()
    assert stored.scan_status == ScanStatus.FAILED
    assert upload_servable(stored, uploader) and not upload_servable(stored, f.UserFactory())


@pytest.mark.parametrize(
    ("status", "uploader_may", "others_may"),
    [
        (ScanStatus.NOT_SCANNED, True, True),
        (ScanStatus.CLEAN, True, True),
        (ScanStatus.PENDING, True, False),
        (ScanStatus.FAILED, True, False),
        (ScanStatus.INFECTED, False, False),
    ],
)
def test_who_may_have_a_file_in_each_scan_status(db, status, uploader_may, others_may):
    uploader = f.UserFactory()
    stored = store("report.pdf", PDF, uploader)
    stored.scan_status = status
    assert upload_servable(stored, uploader) is uploader_may
    assert upload_servable(stored, f.UserFactory()) is others_may
    assert upload_servable(stored, None) is others_may


def test_scan_uploads_queues_the_waiting_and_on_request_the_failed_and_not_scanned(
    db, settings, scanning
):
    connector, _ = scanning
    waiting, failed, old = store("a.pdf", PDF), store("b.pdf", PDF), store("c.pdf", PDF)
    clean = store("d.pdf", PDF)
    Upload.objects.filter(pk=failed.pk).update(scan_status=ScanStatus.FAILED)
    Upload.objects.filter(pk=old.pk).update(scan_status=ScanStatus.NOT_SCANNED)
    Upload.objects.filter(pk=clean.pk).update(scan_status=ScanStatus.CLEAN)
    out = io.StringIO()

    call_command("scan_uploads", stdout=out)
    assert queued_ids(connector) == [waiting.pk]
    assert "Queued the virus scan of 1 upload(s)." in out.getvalue()

    connector.reset()
    call_command("scan_uploads", "--failed", "--not-scanned", stdout=out)
    assert queued_ids(connector) == [waiting.pk, failed.pk, old.pk]
    assert Upload.objects.get(pk=old.pk).scan_status == ScanStatus.PENDING  # held till scanned
    assert Upload.objects.get(pk=clean.pk).scan_status == ScanStatus.CLEAN


def test_scan_uploads_with_scanning_switched_off_says_so(db, settings):
    settings.CLAMD_ADDRESS = ""
    with pytest.raises(CommandError, match="Virus scanning is switched off"):
        call_command("scan_uploads")


def queued_ids(connector) -> list[int]:
    return sorted(job["args"]["upload_id"] for job in connector.jobs.values())
