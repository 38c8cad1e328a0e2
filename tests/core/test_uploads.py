"""The one upload gate (opensend/core/uploads.py; security.md goal 8, ASVS 5.2-5.4):
allow-listed by extension AND content, size-limited while streaming with a clear error,
stored outside the web root under random names, served only as an attachment. The virus
scan is tested in test_uploads_scan.py."""

import hashlib
import io
import stat
import zipfile
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.views.static import serve

from opensend.core.models import ScanStatus, Upload
from opensend.core.uploads import (
    SizeLimitedUploadHandler,
    UploadRefused,
    stored_path,
    upload_check,
    upload_response,
    upload_store,
)
from tests import factories as f
from tests.core.test_routes import walk


def word_document() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Advice on Tom's speech and language.")
    document.save(out)
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("evil.js", "alert(1)")
    return out.getvalue()


GENUINE = {
    "report.pdf": b"%PDF-1.7\n%%EOF\n",
    "REPORT.PDF": b"%PDF-1.4\n%%EOF\n",
    "advice.docx": word_document(),
    "old advice.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
    "drawing.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    "photo.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 32,
    "photo.jpeg": b"\xff\xd8\xff\xdb" + b"\x00" * 32,
    "chart.gif": b"GIF89a" + b"\x00" * 32,
    "drawing.webp": b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32,
    "photo.heic": b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32,
    "photo.HEIF": b"\x00\x00\x00\x18ftypmif1" + b"\x00" * 32,
    "voice note.mp3": b"ID3\x03\x00" + b"\x00" * 32,
    "voice note.m4a": b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 32,
    "voice note.wav": b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 32,
    "voice note.ogg": b"OggS\x00\x02" + b"\x00" * 32,
}

REFUSED = {
    # name: (content, what the person is told)
    "report.pdf": (b"<script>alert(1)</script>", "report.pdf is not a real PDF"),
    "advice.docx": (plain_zip(), "advice.docx is not a real Word document"),
    "drawing.png": (b"%PDF-1.7\n", "drawing.png is not a real PNG image"),
    "photo.heic": (b"\x00\x00\x00\x18ftypM4A " + b"\x00" * 8, "photo.heic is not a real HEIC"),
    "drawing.webp": (b"RIFF\x24\x00\x00\x00WAVEfmt ", "drawing.webp is not a real WebP"),
    "voice.mp3": (b"MZ\x90\x00" + b"\x00" * 32, "voice.mp3 is not a real MP3 audio"),
    "setup.exe": (b"MZ\x90\x00", "setup.exe must be a PDF, Word document, image"),
    "page.html": (b"<html></html>", "page.html must be a PDF"),
    "logo.svg": (b"<svg onload='alert(1)'/>", "logo.svg must be a PDF"),
    "no extension": (b"%PDF-1.7\n", "no extension must be a PDF"),
    "empty.pdf": (b"", "empty.pdf is empty"),
}


@pytest.mark.parametrize("name", sorted(GENUINE))
def test_each_allowed_kind_is_accepted_when_its_content_matches(name):
    kind = upload_check(SimpleUploadedFile(name, GENUINE[name]))
    assert Path(name.lower()).suffix in kind.extensions


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_is_refused_with_a_clear_reason(name):
    content, told = REFUSED[name]
    with pytest.raises(UploadRefused) as refusal:
        upload_check(SimpleUploadedFile(name, content))
    assert str(refusal.value).startswith(told), str(refusal.value)


def test_a_stored_file_is_outside_the_web_root_under_a_random_name(db, settings):
    user = f.UserFactory()
    stored = upload_store(
        actor=user, upload=SimpleUploadedFile("../../Tom Baker EHCP.pdf", GENUINE["report.pdf"])
    )

    path = stored_path(stored.stored_name)
    assert path.read_bytes() == GENUINE["report.pdf"]
    assert stored.original_name == "Tom Baker EHCP.pdf"  # no folders from the browser
    assert len(stored.stored_name) == 64 and "Tom" not in str(path) and path.suffix == ""
    assert stored.sha256 == hashlib.sha256(GENUINE["report.pdf"]).hexdigest()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stored.scan_status == ScanStatus.NOT_SCANNED and stored.uploaded_by == user
    uploads = Path(settings.UPLOADS_DIR).resolve()
    for web_root in (settings.STATIC_ROOT, *settings.STATICFILES_DIRS):
        assert not uploads.is_relative_to(Path(web_root).resolve())


def test_the_production_uploads_folder_is_outside_the_web_root():
    default = Path(settings.BASE_DIR) / "var" / "uploads"
    for web_root in (settings.STATIC_ROOT, *settings.STATICFILES_DIRS):
        assert not default.is_relative_to(Path(web_root))


def test_no_route_serves_files_from_a_folder():
    """Only the authorised download views read uploads: no static-serve route exists."""
    assert not [found.name for found in walk() if found.view is serve]


def test_over_the_limit_is_refused_when_stored_and_nothing_is_left(db, settings, tmp_path):
    settings.UPLOAD_MAX_BYTES, settings.UPLOADS_DIR = 1000, tmp_path
    big = SimpleUploadedFile("scan.pdf", b"%PDF-1.7\n" + b"0" * 2000)
    with pytest.raises(UploadRefused, match=r"scan\.pdf must be smaller than"):
        upload_store(actor=f.UserFactory(), upload=big)
    assert not Upload.objects.exists()
    assert not [p for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file()]


def test_the_request_stops_keeping_a_file_past_the_limit(settings):
    """SizeLimitedUploadHandler: what streams in past the limit is dropped, and the file
    says so (and its real size), so the form can name the limit."""
    settings.UPLOAD_MAX_BYTES = 10_000
    handler = SizeLimitedUploadHandler()
    handler.new_file("attachments", "scan.pdf", "application/pdf", 50_000)
    for start in range(0, 50_000, 4096):
        handler.receive_data_chunk(b"x" * min(4096, 50_000 - start), start)
    upload = handler.file_complete(50_000)
    assert upload.over_limit and upload.size == 50_000
    assert 0 < len(upload.read()) <= 10_000  # the rest was never written to disk
    with pytest.raises(UploadRefused, match="must be smaller than"):
        upload_check(upload)


def test_a_download_is_an_attachment_never_inline(db):
    stored = upload_store(
        actor=f.UserFactory(), upload=SimpleUploadedFile("notes.pdf", b"%PDF-1.7\n")
    )
    response = upload_response(stored)
    assert response["Content-Disposition"] == 'attachment; filename="notes.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n"
