"""The kinds of file OpenSEND takes, known by their extension AND their first bytes
(opensend/core/uploads.py is the one gate that uses them; security.md goal 8)."""

import codecs
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

HEAD_BYTES = 2048  # enough for every signature below


def _pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]  # the header may follow a few bytes of junk (ISO 32000)


def _ole2(head: bytes) -> bool:  # Word 97-2003 (.doc): an OLE2 compound file
    return head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def _zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def _png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _gif(head: bytes) -> bool:
    return head[:6] in (b"GIF87a", b"GIF89a")


def _webp(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


def _heic(head: bytes) -> bool:  # a phone's photo (iPhone's default): an ISO-BMFF "ftyp" box
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1")


def _mp3(head: bytes) -> bool:
    frame_sync = len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
    return head.startswith(b"ID3") or frame_sync


def _m4a(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in (b"M4A ", b"M4B ", b"mp42", b"isom")


def _wav(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WAVE"


def _ogg(head: bytes) -> bool:
    return head.startswith(b"OggS")


def _utf8_text(head: bytes) -> bool:
    """Text, as far as the first bytes go: UTF-8 (a character cut at the end of `head`
    is fine) and no NUL byte."""
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _json_text(head: bytes) -> bool:
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    return _utf8_text(head) and start in (b"{", b"[")


def _ndjson_text(head: bytes) -> bool:
    return _json_text(head) and head.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{"


@dataclass(frozen=True)
class FileKind:
    label: str  # what a person calls it: "PDF", "Word document"
    extensions: tuple[str, ...]
    content_type: str
    looks_like: Callable[[bytes], bool]
    package_check: Callable[[IO[bytes]], bool] | None = None  # for zip-based formats


def _office_package(part: str) -> Callable[[IO[bytes]], bool]:
    """An Office Open XML file (.docx, .xlsx) is a zip holding its main part, not just
    any zip."""

    def holds_part(contents: IO[bytes]) -> bool:
        try:
            with zipfile.ZipFile(contents) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, EOFError):
            return False
        finally:
            contents.seek(0)
        return {"[Content_Types].xml", part} <= names

    return holds_part


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED_KINDS: tuple[FileKind, ...] = (
    FileKind("PDF", (".pdf",), "application/pdf", _pdf),
    FileKind("Word document", (".docx",), DOCX, _zip, _office_package("word/document.xml")),
    FileKind("Word 97-2003 document", (".doc",), "application/msword", _ole2),
    FileKind("PNG image", (".png",), "image/png", _png),
    FileKind("JPEG image", (".jpg", ".jpeg"), "image/jpeg", _jpeg),
    FileKind("GIF image", (".gif",), "image/gif", _gif),
    FileKind("WebP image", (".webp",), "image/webp", _webp),
    FileKind("HEIC image", (".heic", ".heif"), "image/heic", _heic),
    FileKind("MP3 audio", (".mp3",), "audio/mpeg", _mp3),
    FileKind("M4A audio", (".m4a",), "audio/mp4", _m4a),
    FileKind("WAV audio", (".wav",), "audio/wav", _wav),
    FileKind("Ogg audio", (".ogg", ".oga"), "audio/ogg", _ogg),
)
# Data files for the Local Offer import (docs/local-offer-editorial.md): read, never stored.
IMPORT_KINDS: tuple[FileKind, ...] = (
    FileKind("CSV file", (".csv",), "text/csv", _utf8_text),
    FileKind("JSON file", (".json",), "application/json", _json_text),
    FileKind("NDJSON file", (".ndjson", ".jsonl"), "application/x-ndjson", _ndjson_text),
)
# Action plans imported into the strategy (issue 12): read, never stored.
XLSX = FileKind(
    "Excel workbook",
    (".xlsx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    _zip,
    _office_package("xl/workbook.xml"),
)
IMPORT_DESCRIPTION = "a CSV, JSON or NDJSON file (.csv, .json, .ndjson or .jsonl)"
KIND_BY_EXTENSION = {ext: kind for kind in ALLOWED_KINDS for ext in kind.extensions}
ALLOWED_DESCRIPTION = (
    "a PDF, Word document, image (JPG, PNG, GIF, WebP or HEIC) "
    "or audio file (MP3, M4A, WAV or OGG)"
)
# For <input type=file accept=...>: a hint to the browser; the server decides.
ACCEPT = ",".join(sorted(KIND_BY_EXTENSION))


@dataclass(frozen=True)
class AllowList:
    """The kinds of file one upload field takes, and how to say so."""

    kinds: tuple[FileKind, ...]
    description: str

    def kind_for(self, name: str) -> FileKind | None:
        suffix = Path(name.lower()).suffix
        return next((kind for kind in self.kinds if suffix in kind.extensions), None)


DOCUMENTS = AllowList(ALLOWED_KINDS, ALLOWED_DESCRIPTION)
IMPORT_FILES = AllowList(IMPORT_KINDS, IMPORT_DESCRIPTION)
