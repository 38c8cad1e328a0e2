"""The Local Offer import upload goes through the one upload gate (core/uploads.py;
issue 13, finding 7): CSV, JSON or NDJSON only, by name AND content, and no more than
LOCAL_OFFER_IMPORT_MAX_BYTES of the file is kept while the request streams in."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.urls import resolve, reverse

from opensend.core.uploads import (
    IMPORT_FILES,
    SizeLimitedUploadHandler,
    UploadRefused,
    UploadTooLarge,
    upload_check,
)
from opensend.directory import models as m
from opensend.people.models import User
from tests.pages import check_page, text_of

IMPORT = "/local-offer/manage/import/"


@pytest.mark.parametrize(
    ("name", "content"),
    [("feed.json", b'{"contents": []}'), ("feed.ndjson", b'{"id": 1}\n'),
     ("feed.jsonl", b'\xef\xbb\xbf{"id": 1}\n'), ("listings.csv", b"id,name\n1,Swim\n")],
)  # fmt: skip
def test_data_files_are_allowed(name: str, content: bytes):
    assert upload_check(SimpleUploadedFile(name, content), allowed=IMPORT_FILES, limit=1000)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [("feed.exe", b"MZ\x90\x00", "must be a CSV, JSON or NDJSON file"),
     ("feed.html", b"<script>", "must be a CSV, JSON or NDJSON file"),
     ("feed.json", b"%PDF-1.7 not json", "not a real JSON file"),
     ("listings.csv", b"PK\x03\x04\x00\x00 a zip", "not a real CSV file"),
     ("listings.csv", "id\ncaf\xe9 club\n".encode("latin-1"), "not a real CSV file"),
     ("feed.ndjson", b"[1, 2]", "not a real NDJSON file")],
)  # fmt: skip
def test_other_files_are_refused_with_the_reason(name: str, content: bytes, reason: str):
    with pytest.raises(UploadRefused, match=reason):
        upload_check(SimpleUploadedFile(name, content), allowed=IMPORT_FILES, limit=1000)


def test_the_import_view_has_its_own_streaming_limit(settings):
    """The limit is the import's (5 MB), not the 20 MB of documents, and it is applied
    while the file streams in: the handler keeps no more than that."""
    settings.LOCAL_OFFER_IMPORT_MAX_BYTES, settings.UPLOAD_MAX_BYTES = 10_000, 10**9
    request = SimpleNamespace(resolver_match=resolve(IMPORT))
    handler = SizeLimitedUploadHandler(request)
    handler.new_file("file", "feed.json", "application/json", 50_000)
    for start in range(0, 50_000, 4096):
        handler.receive_data_chunk(b"x" * min(4096, 50_000 - start), start)
    upload = handler.file_complete(50_000)
    assert upload.over_limit and len(upload.read()) <= 10_000
    with pytest.raises(UploadTooLarge):
        upload_check(upload, allowed=IMPORT_FILES, limit=settings.LOCAL_OFFER_IMPORT_MAX_BYTES)


def test_a_large_import_is_refused_without_keeping_it(
    settings, staff_client, dev: User, monkeypatch
):
    settings.LOCAL_OFFER_IMPORT_MAX_BYTES = 2 * 1024 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # past memory: streamed to disk
    kept: list[int] = []
    real = TemporaryFileUploadHandler.receive_data_chunk

    def counting(self, raw_data, start):
        kept.append(len(raw_data))
        return real(self, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", counting)
    big = SimpleUploadedFile("feed.json", b"[" + b" " * (3 * 1024 * 1024) + b"]")
    response = staff_client(dev).post(reverse("editorial:import"), {"file": big})
    assert response.status_code == 400
    assert "The file must be smaller than 2 MB" in text_of(check_page(response))
    assert sum(kept) <= 2 * 1024 * 1024
    assert not m.Service.objects.exists()


def test_a_refused_kind_is_a_400_on_the_form(staff_client, dev: User):
    script = SimpleUploadedFile("feed.html", b"<script>alert(1)</script>")
    response = staff_client(dev).post(reverse("editorial:import"), {"file": script})
    assert response.status_code == 400
    assert "feed.html must be a CSV, JSON or NDJSON file" in text_of(check_page(response))
