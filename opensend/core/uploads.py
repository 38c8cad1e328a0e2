"""Files from outside: the one careful gate every app uses (security.md goal 8; ASVS
5.2-5.4).

- Allow-listed by extension AND content: the name's extension picks one kind on the list
  below, and the first bytes (for Word, the package inside) must be that kind. A script
  renamed "report.pdf" is refused.
- Size-limited with a clear error: the request stops being kept once a file passes
  settings.UPLOAD_MAX_BYTES (SizeLimitedUploadHandler), and storing counts again.
- Stored outside the web root (settings.UPLOADS_DIR) under a random name that says
  nothing about the child or the file; the original name is kept in the database only.
- Served only as an attachment (`upload_response`), by an app's own view that has
  checked who may see the record the file belongs to and audited the download.
- Scanned for viruses by ClamAV's clamd (settings.CLAMD_ADDRESS, opensend/core/clamd.py)
  in a background job deferred once the upload commits, retried while clamd cannot be
  reached. Until the scan says clean, only the uploader may open the file; a file with a
  virus found is never served to anyone, and the uploader is told on the page that lists
  it. With no CLAMD_ADDRESS scanning is switched off and each upload says so.
"""

import hashlib
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone

from opensend.core.audit import audit
from opensend.core.clamd import ClamdError, clamd_scan
from opensend.core.file_kinds import (  # noqa: F401  (re-exported: the gate's vocabulary)
    ACCEPT,
    ALLOWED_DESCRIPTION,
    ALLOWED_KINDS,
    DOCUMENTS,
    HEAD_BYTES,
    IMPORT_FILES,
    KIND_BY_EXTENSION,
    AllowList,
    FileKind,
)
from opensend.core.models import AuditAction, ScanStatus, Upload


class UploadRefused(ValueError):
    """A file that may not be kept; the message says why, in words for the person."""


class UploadTooLarge(UploadRefused):
    """A file past its size limit."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}MB"


def _clean_name(name: str) -> str:
    """The file's own name, without any folder, control characters or quotes."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[\x00-\x1f\x7f\"<>|:*?]", "", base).strip().lstrip(".")
    return base[-200:] or "file"


def upload_kind(name: str, allowed: AllowList = DOCUMENTS) -> FileKind:
    """The allowed kind for the file's name, or UploadRefused saying what is allowed."""
    kind = allowed.kind_for(name)
    if kind is None:
        raise UploadRefused(f"{_clean_name(name)} must be {allowed.description}")
    return kind


def upload_check(
    upload: UploadedFile, *, allowed: AllowList = DOCUMENTS, limit: int | None = None
) -> FileKind:
    """Refuse a file before anything is stored: wrong kind, empty, too large, or
    contents that do not match its name (the contents are read, a chunk at a time).
    `limit` defaults to settings.UPLOAD_MAX_BYTES."""
    name = _clean_name(upload.name or "")
    kind = upload_kind(name, allowed)
    limit = settings.UPLOAD_MAX_BYTES if limit is None else limit
    if getattr(upload, "over_limit", False) or (upload.size or 0) > limit:
        raise UploadTooLarge(f"{name} must be smaller than {megabytes(limit)}")
    if not upload.size:
        raise UploadRefused(f"{name} is empty")
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if not kind.looks_like(head) or not _package_ok(kind, upload):
        raise UploadRefused(_not_what_it_says(name, kind))
    return kind


def _package_ok(kind: FileKind, contents: IO[bytes]) -> bool:
    return kind.package_check is None or kind.package_check(contents)


def _not_what_it_says(name: str, kind: FileKind) -> str:
    return f"{name} is not a real {kind.label}: its contents do not match its name"


UPLOAD_LIMIT_SETTING = "upload_limit_setting"


def upload_limit(setting: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a view whose uploads have their own size limit, the setting named
    `setting` (read at each request), for SizeLimitedUploadHandler. Put it innermost:
    decorators made with functools.wraps carry the mark outwards."""

    def mark(view: Callable[..., Any]) -> Callable[..., Any]:
        setattr(view, UPLOAD_LIMIT_SETTING, setting)
        return view

    return mark


def request_upload_limit(request: Any) -> int:
    """The size limit for files in this request: its view's own (upload_limit), or
    settings.UPLOAD_MAX_BYTES. The URL is resolved before the body is parsed."""
    match = getattr(request, "resolver_match", None)
    setting = getattr(getattr(match, "func", None), UPLOAD_LIMIT_SETTING, None)
    return int(getattr(settings, setting)) if setting else settings.UPLOAD_MAX_BYTES


class SizeLimitedUploadHandler(TemporaryFileUploadHandler):
    """Keep no more than the request's limit (request_upload_limit) of any one file
    while the request streams in; a file past the limit is marked `over_limit` (and
    keeps its true size), so the form can say the limit instead of filling the disk
    first."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.over_limit = False
        self.limit = request_upload_limit(self.request)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.over_limit = True
            return None  # drop the rest: the file will be refused
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size: int) -> UploadedFile:
        upload = super().file_complete(file_size)
        upload.over_limit = self.over_limit  # type: ignore[attr-defined]
        return upload


def stored_path(stored_name: str) -> Path:
    """Where an upload's bytes are: UPLOADS_DIR/ab/abcdef... (two-character folders)."""
    return Path(settings.UPLOADS_DIR) / stored_name[:2] / stored_name


def _write(upload: UploadedFile, target: Path, limit: int) -> tuple[int, str]:
    """Stream the file to `target` (owner-only), counting and hashing as it goes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        upload.seek(0)
        for chunk in upload.chunks():
            size += len(chunk)
            if size > limit:
                break
            digest.update(chunk)
            out.write(chunk)
    return size, digest.hexdigest()


def upload_store(*, actor: Any, upload: UploadedFile) -> Upload:
    """Check the file, write it under a random name and record it; UploadRefused if it
    may not be kept (nothing is left behind then)."""
    kind = upload_check(upload)
    name, limit = _clean_name(upload.name or ""), settings.UPLOAD_MAX_BYTES
    stored_name = secrets.token_hex(32)
    path = stored_path(stored_name)
    size, sha256 = _write(upload, path, limit)
    refusal = ""
    if size > limit:
        refusal = f"{name} must be smaller than {megabytes(limit)}"
    else:
        with path.open("rb") as written:  # the bytes kept, checked again
            if not kind.looks_like(written.read(HEAD_BYTES)) or not _package_ok(kind, written):
                refusal = _not_what_it_says(name, kind)
    if refusal:
        path.unlink(missing_ok=True)
        raise UploadRefused(refusal)
    stored = Upload.objects.create(
        stored_name=stored_name,
        original_name=name,
        content_type=kind.content_type,
        size=size,
        sha256=sha256,
        uploaded_by=actor,
        scan_status=ScanStatus.PENDING if scanning_on() else ScanStatus.NOT_SCANNED,
    )
    if scanning_on():
        transaction.on_commit(lambda: upload_scan_defer(stored.pk))
    return stored


def scanning_on() -> bool:
    """Whether uploads are scanned for viruses: a clamd is configured."""
    return bool(settings.CLAMD_ADDRESS)


def upload_scan_defer(upload_id: int) -> None:
    """Queue the scan (after the upload's transaction commits, so the job finds the row)."""
    from opensend.core.tasks import upload_virus_scan  # tasks import this module

    upload_virus_scan.defer(upload_id=upload_id)


def upload_scan(upload_id: int) -> ScanStatus | None:
    """Send a waiting upload to clamd and record its verdict; ClamdUnavailable (from
    opensend.core.clamd) when clamd cannot be reached, for the job to try again. Returns
    the new status, or None when the upload is not waiting (scanned already, or gone)."""
    stored = Upload.objects.filter(pk=upload_id, scan_status=ScanStatus.PENDING).first()
    if stored is None:
        return None
    path = stored_path(stored.stored_name)
    try:
        verdict = clamd_scan(settings.CLAMD_ADDRESS, path, settings.CLAMD_TIMEOUT)
    except ClamdError as error:
        return _scan_record(stored, ScanStatus.FAILED, {"error": str(error)[:200]})
    if verdict.infected:
        return _scan_record(stored, ScanStatus.INFECTED, {"signature": verdict.signature})
    return _scan_record(stored, ScanStatus.CLEAN, {})


def upload_scan_failed(upload_id: int, reason: str) -> None:
    """The last try could not reach clamd: the file stays held (its uploader only)."""
    stored = Upload.objects.filter(pk=upload_id, scan_status=ScanStatus.PENDING).first()
    if stored is not None:
        _scan_record(stored, ScanStatus.FAILED, {"error": reason[:200]})


def uploads_scan_again(*, failed: bool, not_scanned: bool) -> int:
    """Queue the scan of every upload waiting for one (a job lost before it was queued),
    and with `failed` / `not_scanned` of those whose scan failed or that were stored while
    scanning was off (they are held until scanned). Returns how many were queued."""
    if not scanning_on():
        raise ValueError("Virus scanning is switched off: set CLAMD_ADDRESS first")
    again = [ScanStatus.FAILED] * failed + [ScanStatus.NOT_SCANNED] * not_scanned
    Upload.objects.filter(scan_status__in=again).update(scan_status=ScanStatus.PENDING)
    waiting = Upload.objects.filter(scan_status=ScanStatus.PENDING).order_by("pk")
    ids = list(waiting.values_list("pk", flat=True))
    for upload_id in ids:
        upload_scan_defer(upload_id)
    return len(ids)


def _scan_record(stored: Upload, status: ScanStatus, detail: dict[str, object]) -> ScanStatus:
    updated = Upload.objects.filter(pk=stored.pk, scan_status=ScanStatus.PENDING).update(
        scan_status=status, scanned_at=timezone.now()
    )
    if updated:  # audited once, by whichever run recorded it
        audit(actor=None, action=AuditAction.CHANGE, obj=stored,
              why=f"virus scan: {ScanStatus(status).label.lower()}",
              detail={"sha256": stored.sha256, **detail})
    stored.scan_status = status
    return status


def upload_servable(stored: Upload, user: Any = None) -> bool:
    """Whether `user` may have the file: never with a virus found; only its uploader while
    it waits for its scan or the scan failed; anyone the record allows once scanned clean
    or when scanning is switched off. Without a user (an export, a job) only the last."""
    if stored.scan_status == ScanStatus.INFECTED:
        return False
    if stored.scan_status in (ScanStatus.PENDING, ScanStatus.FAILED):
        return getattr(user, "pk", None) == stored.uploaded_by_id
    return True


def upload_held_why(stored: Upload) -> str:
    """Why a file was not served, for the audit row of the refusal."""
    if stored.scan_status == ScanStatus.INFECTED:
        return "held: a virus was found"
    return f"held: {stored.get_scan_status_display().lower()}"


def upload_open(stored: Upload) -> IO[bytes]:
    """The upload's bytes, for a service that has already checked the user may have them
    (the subject access export, opensend/dataprotection)."""
    return stored_path(stored.stored_name).open("rb")


def upload_response(stored: Upload) -> FileResponse:
    """The file as a download (never shown inline), for a view that has already checked
    the user may see it and audited the download."""
    response = FileResponse(
        stored_path(stored.stored_name).open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def uploads_delete(upload_ids: list[int]) -> int:
    """Delete uploads and their bytes (the retention job, once nothing links to them).
    The files go after the transaction commits, so a rollback leaves them in place."""
    uploads = Upload.objects.filter(pk__in=upload_ids)
    paths = [stored_path(name) for name in uploads.values_list("stored_name", flat=True)]
    count, _ = uploads.delete()
    transaction.on_commit(lambda: [path.unlink(missing_ok=True) for path in paths])
    return count
